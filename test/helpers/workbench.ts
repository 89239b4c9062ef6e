import { join } from 'node:path';
import { openWorkbench, type Workbench } from '../../src-main/services/workbench.ts';
import type { Channel } from '../../src-main/shared/ipc/channels.ts';
import type { Input, Output } from '../../src-main/shared/ipc/contract.ts';
import type { Result } from '../../src-main/shared/result.ts';
import { RESOURCES_DIR, fixedClock } from './temp.ts';

export function testWorkbench(dir: string, file = 'wb.sqlite'): Workbench {
  return openWorkbench({ dbPath: join(dir, file), resourcesDir: RESOURCES_DIR, appVersion: '9.9.9-test', clock: fixedClock() });
}

/** Calls a channel and returns its value, failing the test with the error if the call failed. */
export async function call<C extends Channel>(wb: Workbench, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = (await wb.dispatch(channel, input)) as Result<Output<C>>;
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export const sampleFile = {
  format: 'pimwb-library',
  schemaVersion: 1,
  name: 'Sample SOT cell',
  kind: 'cell',
  description: 'for tests',
  values: [
    { key: 'R_P', value: 10, unit: 'kOhm', source: 'NeuroSim SOT-MRAM preset (22 nm)' },
    { key: 'R_AP', value: 20.4, unit: 'kOhm', source: 'NeuroSim SOT-MRAM preset (22 nm)' },
    { key: 'writeCurrent', value: 330, unit: 'uA', source: 'NeuroSim SOT-MRAM preset (22 nm)' },
    { key: 'writePulse', value: 1, unit: 'ns', source: 'NeuroSim SOT-MRAM preset (22 nm)' },
    { key: 'area', value: 140, unit: 'F^2', source: 'assumption: 14.3 x 9.8 F rounded' },
  ],
};
