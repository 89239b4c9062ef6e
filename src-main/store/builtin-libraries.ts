import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { libraryFileSchema } from '../shared/schemas/library-file.ts';
import type { LibraryDetail } from '../shared/schemas/library.ts';
import { provenanceOf } from '../shared/sourced.ts';
import { issuesFromZod } from '../shared/ipc/issues.ts';
import { describeError } from '../shared/result.ts';

// Built-in libraries ship with the app under resources/libraries as library files. They are
// read-only: users clone them to edit. Their ids are "builtin:<file name>".

export const BUILTIN_PREFIX = 'builtin:';
// Shipped files have no creation date of their own; the UI shows "built-in" instead.
const SHIPPED_AT = '';

export function loadBuiltinLibraries(folder: string): LibraryDetail[] {
  const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => parseBuiltin(join(folder, file)));
}

function parseBuiltin(path: string): LibraryDetail {
  const parsed = libraryFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    // A broken shipped file is a bug in the app, not user input: fail loudly with where.
    const message = describeError({ code: 'internal', message: `built-in library ${path} is invalid`, issues: issuesFromZod(parsed.error) });
    throw new Error(message);
  }
  const file = parsed.data;
  const provenance = { cited: 0, assumption: 0 };
  for (const v of file.values) {
    const p = provenanceOf(v.source);
    if (p !== 'missing') provenance[p] += 1;
  }
  return {
    id: BUILTIN_PREFIX + basename(path, '.json'),
    name: file.name,
    kind: file.kind,
    description: file.description,
    builtIn: true,
    version: 1,
    shownVersion: 1,
    note: 'shipped with PIM Workbench',
    valueCount: file.values.length,
    provenance,
    createdAt: SHIPPED_AT,
    updatedAt: SHIPPED_AT,
    values: file.values,
  };
}
