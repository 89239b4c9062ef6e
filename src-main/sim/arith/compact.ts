import type { Instr, Program } from './program.ts';

// Register allocation for bit rows: builders hand out a fresh row for every value, but most values
// die soon. Renumbering rows so that dead ones are reused gives the number of rows a program
// really needs (scratch rows in the array) and keeps execution in cache.

function rowsOf(instr: Instr): number[] {
  switch (instr.op) {
    case 'preset':
    case 'write':
      return [instr.dst];
    case 'nor':
      return [instr.dst, ...instr.srcs];
    case 'sense':
      return instr.srcs.map((o) => o.row);
    case 'search':
      return [...instr.rows];
  }
}

function remap(instr: Instr, to: (row: number) => number): Instr {
  switch (instr.op) {
    case 'preset':
    case 'write':
      return { ...instr, dst: to(instr.dst) };
    case 'nor':
      return { ...instr, dst: to(instr.dst), srcs: instr.srcs.map(to) };
    case 'sense':
      return { ...instr, srcs: instr.srcs.map((o) => ({ row: to(o.row), inv: o.inv })) };
    case 'search':
      return { ...instr, rows: instr.rows.map(to) };
  }
}

export function compactRows(program: Program): Program {
  const pinned = new Set<number>([...Object.values(program.inputs).flat(), ...Object.values(program.outputs).flat()]);
  const lastUse = new Map<number, number>();
  program.instrs.forEach((instr, i) => rowsOf(instr).forEach((r) => lastUse.set(r, i)));
  const mapping = new Map<number, number>();
  const free: number[] = [];
  let next = 0;
  const assign = (row: number): number => {
    let physical = mapping.get(row);
    if (physical === undefined) {
      physical = free.pop() ?? next++;
      mapping.set(row, physical);
    }
    return physical;
  };
  for (const row of pinned) assign(row);
  const instrs = program.instrs.map((instr, i) => {
    const out = remap(instr, assign);
    for (const row of new Set(rowsOf(instr))) {
      if (lastUse.get(row) === i && !pinned.has(row)) free.push(mapping.get(row)!);
    }
    return out;
  });
  const mapRows = (rows: Readonly<Record<string, readonly number[]>>) => Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.map(assign)]));
  return { instrs, rowCount: next, inputs: mapRows(program.inputs), outputs: mapRows(program.outputs) };
}
