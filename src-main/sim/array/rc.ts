// Elmore delays of RC networks (50% point of a step), the basis of every wire delay in the model.

/** Lumped RC to the 50% point: ln 2 * R * C. */
export function lumpedDelay(r_Ohm: number, c_F: number): number {
  return Math.LN2 * r_Ohm * c_F;
}

/** Distributed RC line to the 50% point: about 0.38 R C (Bakoglu). */
export function distributedDelay(r_Ohm: number, c_F: number): number {
  return 0.38 * r_Ohm * c_F;
}

/**
 * A driver of resistance Rd charging a distributed line (Rw, Cw) that ends in a load Cl:
 * 0.69 Rd (Cw + Cl) + 0.38 Rw Cw + 0.69 Rw Cl.
 */
export function drivenLineDelay(rDriver_Ohm: number, rWire_Ohm: number, cWire_F: number, cLoad_F: number): number {
  return lumpedDelay(rDriver_Ohm, cWire_F + cLoad_F) + distributedDelay(rWire_Ohm, cWire_F) + lumpedDelay(rWire_Ohm, cLoad_F);
}
