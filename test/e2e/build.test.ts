import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// global-setup ran the same `electron-vite build` as `npm run build`; check what it emitted.
const OUT = fileURLToPath(new URL('../../out/', import.meta.url));

describe('npm run build output', () => {
  it('emits the main, preload and renderer bundles', () => {
    for (const file of ['main/main.js', 'preload/index.js', 'renderer/index.html']) expect(existsSync(`${OUT}${file}`), file).toBe(true);
  });

  it('keeps the sandboxed preload self-contained: it requires nothing but electron', () => {
    const preload = readFileSync(`${OUT}preload/index.js`, 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
  });

  it('loads native modules from node_modules in main instead of bundling them', () => {
    const main = readFileSync(`${OUT}main/main.js`, 'utf8');
    expect(main).toContain('require("better-sqlite3")');
    expect(main).toContain('require("electron")');
  });
});
