import { randomBytes } from 'node:crypto';

// Ids are short enough to type on the command line and carry their kind: lib_7k2m9x4q1c.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32: no i, l, o, u

export type IdKind = 'lib' | 'exp' | 'net' | 'swp' | 'rep';

export function newId(kind: IdKind, random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(10);
  let text = '';
  for (const byte of bytes) text += ALPHABET[byte % 32];
  return `${kind}_${text}`;
}

/** Time and ids come from here so tests can pin them. */
export interface StoreClock {
  readonly now: () => string;
  readonly newId: (kind: IdKind) => string;
}

export const systemClock: StoreClock = {
  now: () => new Date().toISOString(),
  newId: (kind) => newId(kind),
};
