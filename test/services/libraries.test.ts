import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp.ts';
import { call, sampleFile, testWorkbench } from '../helpers/workbench.ts';
import { localDay } from '../../src-main/shared/edited-source.ts';
import type { ParamValue } from '../../src-main/shared/schemas/library.ts';

/** The values with `key` set to `value`, without its uncertainty range (the schema would refuse a value outside it before the simulator saw it). */
const setValue = (values: readonly ParamValue[], key: string, value: number | string): ParamValue[] =>
  values.map((v) => (v.key === key ? { key: v.key, value, unit: v.unit, source: v.source } : v));

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

  it('keeps ranges through a save, a reopened database, export and import; refuses one that does not hold its value; leaves them out of an NVSim .cell file', async () => {
    const dir = temp();
    const first = testWorkbench(dir);
    const cell = await call(first, 'libraries.clone', { ref: 'builtin:stt-mram-1t1mtj', name: 'Ranged STT' });
    expect(cell.values.find((v) => v.key === 'setCurrent')?.range).toMatchObject({ low: 40.82, high: 80 });
    const range = { low: 2.5, high: 4, distribution: 'normal' as const, sigma: 0.3, source: 'our 2025 wafer measurements' };
    const values = cell.values.map((v) => (v.key === 'resistanceLow' ? { ...v, range } : v));
    const saved = await call(first, 'libraries.saveVersion', { ref: cell.id, baseVersion: 1, values, note: 'R_on spread' });
    expect(saved.values.find((v) => v.key === 'resistanceLow')?.range).toEqual(range);
    const outside = await first.dispatch('libraries.saveVersion', { ref: cell.id, baseVersion: 2, values: values.map((v) => (v.key === 'resistanceLow' ? { ...v, value: 5 } : v)) });
    expect(outside.ok).toBe(false);
    if (!outside.ok) expect(outside.error.issues).toContainEqual({ path: `values[${values.findIndex((v) => v.key === 'resistanceLow')}].range.high`, message: 'must be at least the value (5)' });
    const exported = await call(first, 'libraries.export', { ref: cell.id });
    expect(exported.file.schemaVersion).toBe(2);
    const file = JSON.parse(JSON.stringify(exported.file)) as typeof exported.file;
    expect(file.values.find((v) => v.key === 'resistanceLow')?.range).toEqual(range);
    const imported = await call(first, 'libraries.import', { file, name: 'Ranged STT again' });
    expect(imported.values).toEqual(saved.values);
    first.close();

    // Read back from the file by another workbench.
    const wb = testWorkbench(dir);
    expect((await call(wb, 'libraries.get', { ref: cell.id })).values).toEqual(saved.values);
    expect((await call(wb, 'libraries.get', { ref: imported.id })).values).toEqual(saved.values);
    const nvsim = await call(wb, 'cells.exportNvsim', { ref: cell.id });
    expect(nvsim.text).toMatch(/-ResistanceOn \(ohm\): 3000\n/);
    expect(nvsim.text).not.toMatch(/2500|wafer|uniform|normal/);
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

describe('saving values the simulator refuses', () => {
  const temp = useTempDir();

  it('refuses a cell with a negative resistance or an absurd area, naming the keys, and keeps the version it had', async () => {
    const wb = testWorkbench(temp());
    const cell = await call(wb, 'libraries.clone', { ref: 'builtin:sot-mram-2t2mtj', name: 'My SOT cell' });
    const negative = await wb.dispatch('libraries.saveVersion', { ref: cell.id, baseVersion: 1, values: setValue(cell.values, 'resistanceLow', -3) });
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/cannot use \(resistanceLow\)/) } });
    if (!negative.ok) expect(negative.error.issues).toContainEqual({ path: 'resistanceLow', message: expect.stringMatching(/must be positive/) });
    const huge = await wb.dispatch('libraries.saveVersion', { ref: cell.id, baseVersion: 1, values: setValue(setValue(cell.values, 'cellArea', 1e308), 'setPulse', 5e9) });
    expect(huge.ok).toBe(false);
    if (!huge.ok) {
      expect(huge.error.issues).toEqual([
        { path: 'cellArea', message: expect.stringMatching(/must be at most 10000 F\^2/) },
        { path: 'setPulse', message: expect.stringMatching(/must be at most 1 s \(set pulse\)/) },
      ]);
    }
    expect((await call(wb, 'libraries.get', { ref: cell.id })).version).toBe(1);
  });

  it('refuses a design the simulator cannot build, and a cell it cannot find', async () => {
    const wb = testWorkbench(temp());
    const design = await call(wb, 'libraries.clone', { ref: 'builtin:sot-mram-pim', name: 'My PIM' });
    const cases: [string, number | string, RegExp][] = [
      ['rows', 64, /a lane of 64 bits cannot hold/],
      ['cell', 'no such cell', /no library "no such cell"/],
      ['node', 7, /must be one of 45, 32, 28, 22 nm/],
      ['powerBudget', 1e308, /must be at most 10 kW/],
    ];
    for (const [key, value, reason] of cases) {
      const result = await wb.dispatch('libraries.saveVersion', { ref: design.id, baseVersion: 1, values: setValue(design.values, key, value) });
      expect(result.ok, key).toBe(false);
      if (!result.ok) expect(result.error.issues, key).toEqual([{ path: key, message: expect.stringMatching(reason) }]);
    }
    const fine = await call(wb, 'libraries.saveVersion', { ref: design.id, baseVersion: 1, values: setValue(design.values, 'powerBudget', 40) });
    expect(fine.version).toBe(2);
  });

  it('lets a cell be built up over versions but refuses any value it holds that the simulator refuses, on create and import too', async () => {
    const wb = testWorkbench(temp());
    const area = { key: 'cellArea', value: 40, unit: 'F^2', source: 'assumption: a first guess' };
    const partial = await call(wb, 'libraries.create', { name: 'Half a cell', kind: 'cell', values: [area] });
    expect(partial.valueCount).toBe(1);
    const created = await wb.dispatch('libraries.create', { name: 'Bad cell', kind: 'cell', values: [{ ...area, value: -40 }] });
    expect(created).toMatchObject({ ok: false, error: { issues: [{ path: 'cellArea' }] } });
    const file = { format: 'pimwb-library', schemaVersion: 1, name: 'Imported cell', kind: 'cell', description: '', values: [{ ...area, value: 1e308 }] };
    const imported = await wb.dispatch('libraries.import', { file });
    expect(imported).toMatchObject({ ok: false, error: { issues: [{ path: 'cellArea', message: expect.stringMatching(/at most/) }] } });
    expect((await call(wb, 'libraries.list', {})).items.filter((i) => !i.builtIn).map((i) => i.name)).toEqual(['Half a cell']);
  });
});

describe('sources of edited values', () => {
  const temp = useTempDir();

  it('gives a changed value whose source was kept the source "edited by the user on <today>", and leaves restated, re-sourced and untouched values alone', async () => {
    const wb = testWorkbench(temp());
    const lib = await call(wb, 'libraries.import', { file: sampleFile });
    const values = lib.values.map((v) => {
      if (v.key === 'R_P') return { ...v, value: 12 };
      if (v.key === 'R_AP') return { ...v, value: 20400, unit: 'Ohm' };
      if (v.key === 'writeCurrent') return { ...v, value: 300, source: 'our 2024 measurement' };
      return v;
    });
    const saved = await call(wb, 'libraries.saveVersion', { ref: lib.id, baseVersion: 1, values });
    const source = (key: string) => saved.values.find((v) => v.key === key)?.source;
    expect(source('R_P')).toBe(`edited by the user on ${localDay()}`);
    expect(source('R_AP')).toBe('NeuroSim SOT-MRAM preset (22 nm)');
    expect(source('writeCurrent')).toBe('our 2024 measurement');
    expect(source('writePulse')).toBe('NeuroSim SOT-MRAM preset (22 nm)');
    const diff = await call(wb, 'libraries.get', { ref: lib.id, version: 1 });
    expect(diff.values.find((v) => v.key === 'R_P')?.source).toBe('NeuroSim SOT-MRAM preset (22 nm)');
  });
});
