import type { z } from 'zod';
import type { Issue } from '../result.ts';

/** Formats a zod path as people write it: `values[3].unit`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

export function issuesFromZod(error: z.ZodError, prefix = ''): Issue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const joined = prefix && path ? `${prefix}.${path}` : prefix || path;
    return { path: joined.replace(/\.\[/g, '['), message: issue.message };
  });
}
