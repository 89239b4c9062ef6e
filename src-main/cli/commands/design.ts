import type { Command } from '../context.ts';
import { clip, renderTable } from '../table.ts';
import { formatSI } from '../../shared/units.ts';
import type { DesignDetail } from '../../shared/schemas/design-api.ts';

// `pimwb design list|show`: the accelerator designs (built-in and saved architecture libraries),
// PIM chips and GPUs alike (KIND tells them apart).

const list: Command = {
  path: ['design', 'list'],
  summary: 'list accelerator designs with their organisation, area and power',
  options: [],
  async run(ctx) {
    const result = await ctx.call('designs.list', {});
    ctx.print(result, () =>
      renderTable(result.items, [
        { title: 'ID', value: (d) => d.id },
        { title: 'KIND', value: (d) => d.kind },
        { title: 'NAME', value: (d) => clip(d.name, 44) },
        { title: 'ORGANISATION', value: (d) => d.organisation },
        { title: 'NODE', value: (d) => `${d.node_nm} nm`, align: 'right' },
        { title: 'AREA', value: (d) => formatSI(d.area_m2, 'm^2'), align: 'right' },
        { title: 'PEAK POWER', value: (d) => formatSI(d.peakPower_W, 'W'), align: 'right' },
        { title: 'COMPUTING', value: (d) => (d.kind === 'gpu' ? `${d.blocks} SMs` : `${d.activeBlocks}/${d.blocks} blocks`), align: 'right' },
      ]),
    );
  },
};

const show: Command = {
  path: ['design', 'show'],
  summary: 'a design\'s parameters (with units and sources), area by component and power',
  operands: '<name|id>',
  arity: [1, 1],
  options: [{ name: 'version', kind: 'int', value: 'N', description: 'a saved version (default: the latest)' }],
  async run(ctx, args) {
    const version = args.options.version as number | undefined;
    const d = await ctx.call('designs.get', { ref: args.positionals[0]!, ...(version ? { version } : {}) });
    ctx.print(d, () => {
      return [
        `${d.name}  (${d.id}, version ${d.version}, ${d.kind === 'gpu' ? 'a GPU' : 'a PIM design'})`,
        d.description,
        ...(d.gpu ? gpuLines(d, d.gpu) : pimLines(d)),
        ...d.warnings.map((w) => `warning: ${w}`),
        '',
        renderTable(d.values, [
          { title: 'KEY', value: (v) => v.key },
          { title: 'VALUE', value: (v) => `${String(v.value)}${v.unit && v.unit !== '1' ? ` ${v.unit}` : ''}`, align: 'right' },
          { title: 'SOURCE', value: (v) => clip(v.source, 90) },
        ]),
      ].join('\n');
    });
  },
};

function pimLines(d: DesignDetail): string[] {
  const area = Object.entries(d.area).map(([part, m2]) => `${part} ${formatSI(m2, 'm^2')} (${((100 * m2) / d.area_m2).toFixed(1)}%)`);
  return [
    `cell: ${d.cell}    node: ${d.node_nm} nm    ${d.organisation}`,
    `area: ${formatSI(d.area_m2, 'm^2')} = ${area.join(' + ')}`,
    `power: ${formatSI(d.power.peak_W, 'W')} with ${d.activeBlocks} of ${d.blocks} blocks computing (every block: ${formatSI(d.power.uncapped_W, 'W')}; one block ${formatSI(d.power.blockCompute_W, 'W')}; static ${formatSI(d.power.static_W, 'W')})`,
  ];
}

const rate = (flops: number): string => `${Number((flops / 1e12).toPrecision(4))} TFLOP/s`;

/** A GPU: no cell, arrays or blocks; its peak rates, memory and board power. */
function gpuLines(d: DesignDetail, g: NonNullable<DesignDetail['gpu']>): string[] {
  const peaks = Object.entries(g.peak_FLOPs).map(([format, flops]) => `${format} ${rate(flops)}`);
  const f = g.formats;
  return [
    `node: ${d.node_nm} nm    ${d.organisation}    die ${formatSI(d.area_m2, 'm^2')}`,
    `dense peak: ${peaks.join(', ')}`,
    `memory: ${Number((g.memory_B / 1e9).toPrecision(4))} GB at ${Number((g.bandwidth_Bps / 1e9).toPrecision(4))} GB/s; L2 ${Number((g.onChip_B / 1e6).toPrecision(4))} MB`,
    `power: board ${formatSI(g.boardPower_W, 'W')}, idle ${formatSI(g.idlePower_W, 'W')}; formats ${f.forward}/${f.backward}/${f.update} (forward/backward/update)`,
    'no cell, arrays or lifetime: a GPU is modelled as a roofline of kernels (pimwb run shows which layers are compute- or memory-bound)',
  ];
}

export const designCommands: readonly Command[] = [list, show];
