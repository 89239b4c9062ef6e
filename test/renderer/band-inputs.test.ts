import { describe, expect, it } from 'vitest';
import { bandTarget, paperBandKey, PAPER_SAMPLE_MAX, readBandSettings, type BandExperiment } from '@/stores/band-inputs.ts';
import { experimentPair } from '@/stores/study-inputs.ts';

// Which picked experiments can carry an uncertainty band on Compare, and the settings it runs with.

const design = (id: string, name: string) => ({ id, name, version: 1 });
const alexnet = { id: 'builtin:alexnet', name: 'AlexNet' };
const vgg = { id: 'builtin:vgg16', name: 'VGG-16' };

const base: BandExperiment = { id: 'b', name: 'FloatPIM / AlexNet', design: design('builtin:floatpim', 'FloatPIM'), network: alexnet, batch: 64 };
const sot: BandExperiment = { id: 's', name: 'SOT / AlexNet', design: design('builtin:sot-mram-pim', 'SOT-MRAM PIM'), network: alexnet, batch: 64 };

describe('bands of picked experiments', () => {
  it('studies the experiment’s design against the baseline’s on their shared network and batch', () => {
    expect(bandTarget(sot, base, 'SOT / AlexNet')).toEqual({
      id: 's',
      label: 'SOT / AlexNet',
      problem: null,
      subject: { design: 'builtin:sot-mram-pim', designName: 'SOT-MRAM PIM', vs: 'builtin:floatpim', vsName: 'FloatPIM', network: 'builtin:alexnet', networkName: 'AlexNet', batch: 64 },
    });
  });

  it('says why there is no band: another network, another batch, the same design, or no ids', () => {
    expect(bandTarget({ ...sot, network: vgg }, base, 'x').problem).toBe('it ran VGG-16, the baseline AlexNet: a band needs both designs on one network.');
    expect(bandTarget({ ...sot, batch: 32 }, base, 'x').problem).toBe('it ran batch 32, the baseline batch 64: a band needs one batch.');
    expect(bandTarget({ ...sot, batch: null }, base, 'x').problem).toBe("it ran its design's batch, the baseline batch 64: a band needs one batch.");
    expect(bandTarget({ ...sot, design: base.design }, base, 'x').problem).toMatch(/Both experiments use FloatPIM/);
    expect(bandTarget({ ...sot, design: null }, base, 'x').problem).toMatch(/do not name their designs/);
    expect(bandTarget(sot, base, 'x').subject).not.toBeNull();
    // The sensitivity study of a pair uses the same reading, network aside.
    expect(experimentPair({ ...sot, network: vgg }, base)).toMatchObject({ subject: { network: 'builtin:vgg16' } });
  });

  it('reads samples and seed, naming what is wrong with them', () => {
    expect(readBandSettings({ samples: '40', seed: '1' }, PAPER_SAMPLE_MAX)).toEqual({ values: { samples: 40, seed: 1 }, errors: {} });
    expect(readBandSettings({ samples: '8', seed: '-1' }, PAPER_SAMPLE_MAX)).toEqual({ values: null, errors: { samples: 'Must be at least 16.', seed: 'Must be at least 0.' } });
    expect(readBandSettings({ samples: '20000', seed: '1' }, PAPER_SAMPLE_MAX).errors).toEqual({ samples: 'Must be at most 10000.' });
    expect(readBandSettings({ samples: '1.5', seed: '' }, PAPER_SAMPLE_MAX).errors).toEqual({ samples: 'Must be a whole number.', seed: 'Enter a number.' });
  });

  it('keeps a paper band by the designs, batch and basis it was drawn for', () => {
    const ran = { proposed: 'builtin:sot-mram-pim', baseline: 'builtin:floatpim', batch: null };
    expect(paperBandKey(ran, 'as-modelled')).not.toBe(paperBandKey(ran, 'equal-power'));
    expect(paperBandKey(ran, 'as-modelled')).not.toBe(paperBandKey({ ...ran, batch: 32 }, 'as-modelled'));
    expect(paperBandKey(ran, 'as-modelled')).toBe(paperBandKey({ ...ran }, 'as-modelled'));
  });
});
