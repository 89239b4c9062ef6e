import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

// The layer rule of architecture.md section 2, checked on code that is never written to disk.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${file}` });
  return result!.messages.filter((m) => m.ruleId === 'workbench/layers').map((m) => m.message);
}

describe('layer rule', () => {
  it('forbids electron, node and the store in the simulator', async () => {
    expect(await layerErrors('src-main/sim/cells/x.ts', "import 'electron';")).toHaveLength(1);
    expect(await layerErrors('src-main/sim/cells/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;")).toHaveLength(1);
    expect(await layerErrors('src-main/sim/cells/x.ts', "import { openWorkbenchDb } from '../../store/db.ts';\nexport const o = openWorkbenchDb;")).toEqual([
      expect.stringMatching(/src-main\/sim may not import src-main\/store/),
    ]);
    expect(await layerErrors('src-main/sim/cells/x.ts', "import { toSI } from '../../shared/units.ts';\nexport const t = toSI;")).toEqual([]);
  });

  it('forbids native and main-process code in the renderer', async () => {
    expect(await layerErrors('src-renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;")).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/x.ts', "import { openWorkbench } from '../../src-main/services/workbench.ts';\nexport const o = openWorkbench;")).toHaveLength(1);
    expect(await layerErrors('src-renderer/src/x.ts', "import type { Channel } from '@shared/ipc/channels.ts';\nexport type C = Channel;")).toEqual([]);
  });

  it('keeps electron inside the app and preload folders', async () => {
    expect(await layerErrors('src-main/services/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await layerErrors('src-main/store/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await layerErrors('src-main/app/x.ts', "import { app } from 'electron';\nexport const a = app;")).toEqual([]);
  });
});
