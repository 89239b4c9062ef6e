import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';

const VGG8 = fileURLToPath(new URL('../fixtures/workloads/vgg8-NetWork.csv', import.meta.url));
const TIMELOOP = fileURLToPath(new URL('../fixtures/workloads/timeloop-alexnet', import.meta.url));

describe('pimwb network', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'net.sqlite');

  it('shows forwardMacs within 2% of the published figure for every built-in network', async () => {
    const list = JSON.parse((await pimwb(['network', 'list', '--json', '--db', db()])).stdout) as { items: { id: string; forwardMacs: number; publishedForwardMacs: number }[] };
    expect(list.items).toHaveLength(8);
    for (const id of ['lenet5', 'alexnet', 'vgg16', 'vgg8-cifar', 'resnet18', 'resnet50', 'googlenet', 'squeezenet']) {
      const show = JSON.parse((await pimwb(['network', 'show', id, '--json', '--db', db()])).stdout) as { forwardMacs: number; publishedForwardMacs: number; params: number };
      expect(Math.abs(show.forwardMacs / show.publishedForwardMacs - 1), id).toBeLessThanOrEqual(0.02);
      expect(show.params).toBeGreaterThan(0);
    }
  });

  it('imports a NetWork.csv and a Timeloop folder, and shows a file without storing it', async () => {
    const csv = await pimwb(['network', 'import', VGG8, '--name', 'VGG8 csv', '--db', db()]);
    expect(csv.stdout).toMatch(/imported "VGG8 csv" as net_\w+: 19 layers, 615.918 M MACs per image/);
    const folder = await pimwb(['network', 'import', TIMELOOP, '--db', db()]);
    expect(folder.code).toBe(0);
    expect((await pimwb(['network', 'show', 'VGG8 csv', '--db', db()])).stdout).toMatch(/layer8\s+fc\s+1024x1x1\s+10x1x1/);
    const shown = await pimwb(['network', 'show', TIMELOOP, '--json', '--db', db()]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 'file', name: 'timeloop-alexnet' });
  });

  it('exits 2 naming line and column of a malformed NetWork.csv', async () => {
    const bad = join(temp(), 'NetWork.csv');
    writeFileSync(bad, '32,32,3,3,3,128,0,1\n32,32,128,three,3,128,1,1\n');
    const result = await pimwb(['network', 'import', bad, '--db', db()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line 2, column 4 \(K_H\): "three" is not a positive whole number/);
  });
});
