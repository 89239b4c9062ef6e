import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp.ts';
import { call, sampleFile, testWorkbench } from '../helpers/workbench.ts';

describe('library services through the contract', () => {
  const temp = useTempDir();

  it('lists the built-in libraries before any are saved', async () => {
    const wb = testWorkbench(temp());
    const { items } = await call(wb, 'libraries.list', {});
    expect(items.map((i) => i.id)).toContain('builtin:floatpim-published');
    expect(items.every((i) => i.builtIn)).toBe(true);
  });

  it('resolves a library by id, by name in any case, and a built-in by name', async () => {
    const wb = testWorkbench(temp());
    const created = await call(wb, 'libraries.import', { file: sampleFile });
    expect((await call(wb, 'libraries.get', { ref: created.id })).name).toBe('Sample SOT cell');
    expect((await call(wb, 'libraries.get', { ref: 'sample sot CELL' })).id).toBe(created.id);
    expect((await call(wb, 'libraries.get', { ref: 'FloatPIM (published figures)' })).builtIn).toBe(true);
    expect((await call(wb, 'libraries.get', { ref: 'floatpim-published' })).id).toBe('builtin:floatpim-published');
  });

  it('names the offending field of a malformed file and stores nothing', async () => {
    const wb = testWorkbench(temp());
    const bad = { ...sampleFile, values: sampleFile.values.map((v, i) => (i === 3 ? { ...v, unit: 'parsecs' } : v)) };
    const result = await wb.dispatch('libraries.import', { file: bad });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues).toEqual([expect.objectContaining({ path: 'values[3].unit' })]);
    expect((await call(wb, 'libraries.list', {})).items.filter((i) => !i.builtIn)).toEqual([]);
  });

  it('rejects files from the future, unknown fields, repeated keys and missing sources', async () => {
    const wb = testWorkbench(temp());
    const cases: [unknown, string][] = [
      [{ ...sampleFile, schemaVersion: 99 }, 'schemaVersion'],
      [{ ...sampleFile, extra: true }, ''],
      [{ ...sampleFile, values: [sampleFile.values[0], sampleFile.values[0]] }, 'values[1].key'],
      [{ ...sampleFile, values: [{ ...sampleFile.values[0], source: '  ' }] }, 'values[0].source'],
      [{ ...sampleFile, values: [{ ...sampleFile.values[0], source: 'assumption:' }] }, 'values[0].source'],
      [{ ...sampleFile, values: [{ ...sampleFile.values[0], value: null }] }, 'values[0].value'],
      ['not an object', ''],
    ];
    for (const [file, path] of cases) {
      const result = await wb.dispatch('libraries.import', { file });
      expect(result.ok, JSON.stringify(file)).toBe(false);
      if (!result.ok) expect(result.error.issues.map((i) => i.path)).toContain(path);
    }
  });

  it('exports a file that imports back to the same values', async () => {
    const wb = testWorkbench(temp());
    const created = await call(wb, 'libraries.import', { file: sampleFile });
    const exported = await call(wb, 'libraries.export', { ref: created.id });
    expect(exported.fileName).toBe('sample-sot-cell.v1.pimwb-library.json');
    const again = await call(wb, 'libraries.import', { file: JSON.parse(JSON.stringify(exported.file)), name: 'Copy' });
    expect(again.values).toEqual(created.values);
    expect(again.kind).toBe('cell');
  });

  it('saves a new version on edit and refuses to edit built-ins', async () => {
    const wb = testWorkbench(temp());
    const created = await call(wb, 'libraries.import', { file: sampleFile });
    const values = created.values.map((v) => (v.key === 'R_P' ? { ...v, value: 12 } : v));
    const saved = await call(wb, 'libraries.saveVersion', { ref: created.id, baseVersion: 1, values, note: 'new R_P' });
    expect(saved).toMatchObject({ version: 2, shownVersion: 2, note: 'new R_P' });
    const v1 = await call(wb, 'libraries.get', { ref: created.id, version: 1 });
    expect(v1.values.find((v) => v.key === 'R_P')?.value).toBe(10);
    const builtin = await wb.dispatch('libraries.saveVersion', { ref: 'builtin:floatpim-published', baseVersion: 1, values: [] });
    expect(builtin).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('clones a built-in into an editable library', async () => {
    const wb = testWorkbench(temp());
    const copy = await call(wb, 'libraries.clone', { ref: 'builtin:floatpim-published', name: 'My FloatPIM' });
    expect(copy.builtIn).toBe(false);
    expect(copy.note).toMatch(/cloned from FloatPIM/);
    expect(copy.valueCount).toBeGreaterThan(10);
  });

  it('refuses names that clash with a built-in or another library', async () => {
    const wb = testWorkbench(temp());
    await call(wb, 'libraries.import', { file: sampleFile });
    // A built-in's name is reserved (bad input); another library's name is taken (a conflict).
    const clash = await wb.dispatch('libraries.create', { name: 'floatpim (PUBLISHED figures)', kind: 'other' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'name' }] } });
    const again = await wb.dispatch('libraries.import', { file: sampleFile });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses to delete a library experiments use, naming them', async () => {
    const wb = testWorkbench(temp());
    const lib = await call(wb, 'libraries.import', { file: sampleFile });
    wb.experiments.create({ name: 'AlexNet bf16', inputSnapshot: {}, libraryRefs: [{ libraryId: lib.id, version: 1 }], modelVersion: 'm', appVersion: 'a' });
    const result = await wb.dispatch('libraries.delete', { ref: lib.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok) expect(result.error.message).toMatch(/used by 1 experiment\(s\): "AlexNet bf16"/);
    expect((await call(wb, 'libraries.get', { ref: lib.id })).id).toBe(lib.id);
  });

  it('announces changes to subscribers', async () => {
    const wb = testWorkbench(temp());
    const seen: unknown[] = [];
    wb.events.subscribe((name, payload) => seen.push({ name, payload }));
    const lib = await call(wb, 'libraries.create', { name: 'New', kind: 'cell' });
    await call(wb, 'libraries.rename', { ref: lib.id, name: 'Renamed' });
    await call(wb, 'libraries.delete', { ref: 'renamed' });
    expect(seen).toEqual([
      { name: 'libraries.changed', payload: { ids: [lib.id], reason: 'created' } },
      { name: 'libraries.changed', payload: { ids: [lib.id], reason: 'renamed' } },
      { name: 'libraries.changed', payload: { ids: [lib.id], reason: 'deleted' } },
    ]);
  });
});

describe('cell services', () => {
  const temp = useTempDir();

  it('checks a cell being edited: missing keys and impossible values are errors, odd ones warnings', async () => {
    const wb = testWorkbench(temp());
    const builtin = await call(wb, 'cells.get', { ref: 'stt-mram-1t1mtj' });
    const values = builtin.library.values;
    expect(await call(wb, 'cells.check', { values })).toEqual({ errors: [], warnings: [] });
    const missing = await call(wb, 'cells.check', { values: values.filter((v) => v.key !== 'setPulse') });
    expect(missing.errors.map((e) => e.path)).toEqual(['setPulse']);
    const odd = await call(wb, 'cells.check', { values: values.map((v) => (v.key === 'accessWidth' ? { ...v, value: 30 } : v)) });
    expect(odd.warnings.map((w) => w.path)).toEqual(['accessWidth']);
    const impossible = await call(wb, 'cells.check', { values: values.map((v) => (v.key === 'resistanceHigh' ? { ...v, value: 1 } : v)) });
    expect(impossible.errors.map((e) => e.path)).toEqual(['resistanceHigh']);
  });
});
