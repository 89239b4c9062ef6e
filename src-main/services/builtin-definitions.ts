import type { LibraryDetail, LibraryKind } from '../shared/schemas/library.ts';
import type { LibraryValue } from '../sim/params/read-values.ts';

// Cells and designs shipped in code, shown as read-only libraries (users clone them to edit).

interface Definition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly values: readonly LibraryValue[];
}

export function builtinLibraries(definitions: readonly Definition[], kind: LibraryKind): LibraryDetail[] {
  return definitions.map((def) => {
    const values = def.values.map((v) => ({ ...v }));
    const cited = values.filter((v) => !v.source.toLowerCase().startsWith('assumption:')).length;
    return {
      id: `builtin:${def.id}`,
      name: def.name,
      kind,
      description: def.description,
      builtIn: true,
      version: 1,
      shownVersion: 1,
      note: 'shipped with PIM Workbench',
      valueCount: values.length,
      provenance: { cited, assumption: values.length - cited },
      createdAt: '',
      updatedAt: '',
      values,
    };
  });
}
