import { describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../src-main/services/dispatch.ts';
import type { Handlers } from '../../src-main/shared/ipc/contract.ts';
import { WorkbenchFailure } from '../../src-main/shared/result.ts';
import { useTempDir } from '../helpers/temp.ts';
import { testWorkbench } from '../helpers/workbench.ts';
import { LATEST_SCHEMA_VERSION } from '../../src-main/store/db.ts';

describe('dispatch', () => {
  const temp = useTempDir();

  it('refuses unknown channels', async () => {
    const wb = testWorkbench(temp());
    expect(await wb.dispatch('libraries.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await wb.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('validates payloads and names each bad field', async () => {
    const wb = testWorkbench(temp());
    const result = await wb.dispatch('libraries.create', { name: '', kind: 'toaster', extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues.map((i) => i.path).sort()).toEqual(['', 'kind', 'name']);
  });

  it('turns deliberate failures into their code and bugs into internal errors', async () => {
    const wb = testWorkbench(temp());
    const onInternalError = vi.fn();
    const handlers: Handlers = {
      ...wb.handlers,
      'libraries.list': () => {
        throw new WorkbenchFailure('conflict', 'busy');
      },
      'libraries.get': () => {
        throw new TypeError('boom');
      },
    };
    const dispatch = createDispatch(handlers, { onInternalError });
    expect(await dispatch('libraries.list', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'busy', issues: [] } });
    expect(await dispatch('libraries.get', { ref: 'x' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('catches a handler whose output breaks the contract', async () => {
    const wb = testWorkbench(temp());
    const handlers = { ...wb.handlers, 'app.info': () => ({ appVersion: 1 }) } as unknown as Handlers;
    expect(await createDispatch(handlers)('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal', message: /breaks the contract/ } });
  });

  it('answers app.info with the versions and the database path', async () => {
    const wb = testWorkbench(temp());
    expect(await wb.dispatch('app.info', {})).toMatchObject({ ok: true, value: { appVersion: '9.9.9-test', schemaVersion: LATEST_SCHEMA_VERSION } });
  });
});
