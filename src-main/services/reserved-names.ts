// Built-in names are reserved: a user's library or network may not take a built-in's name, its id
// or its short id (`floatpim` for `builtin:floatpim`), compared without case, and references
// resolve to the built-in first. Otherwise a clone named "sot-mram-pim" would silently stand in for
// the shipped design in every command that names it.

export interface BuiltinName {
  readonly id: string;
  readonly name: string;
}

const PREFIX = 'builtin:';

function shortId(id: string): string {
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
}

/** The built-in a reference or a proposed name means, if any. */
export function builtinNamed<T extends BuiltinName>(builtins: readonly T[], ref: string): T | undefined {
  const lower = ref.trim().toLowerCase();
  return builtins.find((b) => b.id.toLowerCase() === lower || shortId(b.id).toLowerCase() === lower || b.name.toLowerCase() === lower);
}

/** Why `name` cannot be a user's name, or undefined when it can. */
export function reservedNameReason(builtins: readonly BuiltinName[], name: string): string | undefined {
  if (name.trim().toLowerCase().startsWith(PREFIX)) return `names starting with "${PREFIX}" are reserved for built-ins`;
  const builtin = builtinNamed(builtins, name);
  return builtin ? `"${name}" names the built-in "${builtin.name}" (${builtin.id}); built-in names are reserved, choose another` : undefined;
}
