import { z } from 'zod';

// A network to train: a graph of layers, each naming the layers it reads (none: the network input).
// Shapes are not stored; they are inferred, so an imported or edited network cannot disagree with itself.

export const LAYER_KINDS = ['conv', 'fc', 'pool', 'relu', 'bn', 'add', 'concat', 'softmax'] as const;

const pair = z.tuple([z.number().int().positive(), z.number().int().positive()]);
const padPair = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const layerSchema = z
  .object({
    name: z.string().min(1).max(120),
    kind: z.enum(LAYER_KINDS),
    inputs: z.array(z.string()).max(16).default([]),
    /** conv: output channels; fc: output features. */
    out: z.number().int().positive().optional(),
    kernel: pair.optional(),
    stride: pair.optional(),
    padding: padPair.optional(),
    groups: z.number().int().positive().optional(),
    /** pool: max or avg; "global" pools the whole feature map. */
    mode: z.enum(['max', 'avg', 'global']).optional(),
    /** pool: round the output size up (Caffe, and torchvision's GoogLeNet and SqueezeNet). */
    ceil: z.boolean().optional(),
    /**
     * The [channels, height, width] this layer reads, when a file declares each layer's geometry
     * and leaves out the steps between them (pooling in Timeloop problem files). Its MACs then
     * follow its own declaration, not its producer's output.
     */
    inputShape: z.tuple([z.number().int().positive(), z.number().int().positive(), z.number().int().positive()]).optional(),
  })
  .strict();
export type Layer = z.infer<typeof layerSchema>;

export const networkSchema = z
  .object({
    name: z.string().min(1).max(120),
    dataset: z.string().max(120),
    /** Training images per epoch, when the dataset has a standard size. */
    datasetSize: z.number().int().positive().optional(),
    input: z.object({ channels: z.number().int().positive(), height: z.number().int().positive(), width: z.number().int().positive() }),
    classes: z.number().int().positive(),
    source: z.string().min(1),
    layers: z.array(layerSchema).min(1).max(2000),
  })
  .strict();
export type Network = z.infer<typeof networkSchema>;

/** A layer with its inferred shapes and counts, per image. */
export interface LayerShape {
  readonly name: string;
  readonly kind: Layer['kind'];
  readonly inShape: readonly [number, number, number];
  readonly outShape: readonly [number, number, number];
  readonly macs: number;
  readonly params: number;
}
