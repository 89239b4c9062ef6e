import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Sources must point at what a user can read: a publication, a file they gave, or an assumption with
// its reason. The design notes the project was built from are not shipped, so nothing may cite them.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHIPPED = ['src-main', 'src-renderer', 'resources'];
const PRIVATE = /domain\.md/i;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name === 'out') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('shipped files', () => {
  it('cite no design note users do not have (domain.md)', () => {
    const files = SHIPPED.flatMap((dir) => filesUnder(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const citing = files.filter((file) => PRIVATE.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
    expect(citing).toEqual([]);
  });
});
