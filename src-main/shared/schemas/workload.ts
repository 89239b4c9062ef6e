import { z } from 'zod';

// A network to train: a graph of layers, each naming the layers it reads (none: the network input).
// Shapes are not stored; they are inferred (sim/workload/shapes.ts), so an imported or edited
// network cannot disagree with itself.

export const LAYER_KINDS = ['conv', 'fc', 'pool', 'activation', 'batchnorm', 'add', 'concat', 'mul', 'slice', 'softmax'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

// relu6, hardsigmoid and hardswish: MobileNet v2 and v3; silu (swish): EfficientNet, RegNetY.
export const ACTIVATION_FUNCTIONS = ['relu', 'sigmoid', 'tanh', 'relu6', 'hardsigmoid', 'hardswish', 'silu'] as const;
export type ActivationFunction = (typeof ACTIVATION_FUNCTIONS)[number];

export const MAX_LAYERS = 5000;

// Physical ranges, so a typo (or 1e15 channels) is refused at the input instead of reaching the
// simulator as an overflow: no published network comes near them.
/** Channels, features, classes, groups: 2^20, far above any published layer (the largest are about 10^5). */
export const MAX_CHANNELS = 1_048_576;
/** Feature-map height and width: 65,536 pixels a side. */
export const MAX_SPATIAL = 65_536;
/** Kernel, stride, padding and dilation: 4096. */
export const MAX_WINDOW = 4096;
/** Images in a dataset: ten billion. */
export const MAX_DATASET = 10_000_000_000;

const bounded = (max: number, what: string) => z.number().int('must be a whole number').positive('must be at least 1').max(max, `must be at most ${max} (${what})`);
const count = bounded(MAX_CHANNELS, 'channels, features and classes are capped at 2^20');
const spatial = bounded(MAX_SPATIAL, 'pixels a side');
const windowSize = bounded(MAX_WINDOW, 'a window this large is no layer');
const offset = z.number().int('must be a whole number').nonnegative('must not be negative').max(MAX_WINDOW, `must be at most ${MAX_WINDOW}`);
/** [height, width] */
const pair = z.tuple([windowSize, windowSize]);
const padPair = z.tuple([offset, offset]);
/** [channels, height, width] */
export const shapeSchema = z.tuple([count, spatial, spatial]);
export type Shape = z.infer<typeof shapeSchema>;

export const layerNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters');

const common = {
  name: layerNameSchema,
  /** Producer layers, by name; empty means the network input. */
  inputs: z.array(layerNameSchema).max(64).default([]),
  /**
   * The [channels, height, width] this layer reads, when a file declares each layer's geometry and
   * leaves out the steps between them (pooling, shortcuts, concatenations in NeuroSim and Timeloop
   * files). The layer's shapes and counts then follow its declaration, not its producers' output.
   */
  inputShape: shapeSchema.optional(),
};

const window = {
  kernel: pair,
  /** Default [1, 1] for conv; the kernel for pool (PyTorch's defaults). */
  stride: pair.optional(),
  padding: padPair.optional(),
};

export const convLayerSchema = z
  .object({
    ...common,
    ...window,
    kind: z.literal('conv'),
    /** Output channels. */
    out: count,
    dilation: pair.optional(),
    groups: count.optional(),
    /** Default true. */
    bias: z.boolean().optional(),
  })
  .strict();

export const fcLayerSchema = z
  .object({
    ...common,
    kind: z.literal('fc'),
    /** Output features; the input is flattened (channels x height x width features). */
    out: count,
    bias: z.boolean().optional(),
  })
  .strict();

export const poolLayerSchema = z
  .object({
    ...common,
    ...window,
    kind: z.literal('pool'),
    mode: z.enum(['max', 'avg']),
    kernel: pair.optional(),
    /** Pools the whole feature map to 1 x 1 (kernel, stride and padding are not used). */
    global: z.boolean().optional(),
    /** Rounds the output size up (Caffe; torchvision's GoogLeNet and SqueezeNet). */
    ceil: z.boolean().optional(),
  })
  .strict()
  .refine((layer) => layer.global === true || layer.kernel !== undefined, { message: 'a pool needs a kernel unless it is global', path: ['kernel'] });

export const activationLayerSchema = z.object({ ...common, kind: z.literal('activation'), function: z.enum(ACTIVATION_FUNCTIONS) }).strict();

/** Batch normalisation in training mode: statistics over the batch, a scale and shift per channel. */
export const batchnormLayerSchema = z.object({ ...common, kind: z.literal('batchnorm') }).strict();

const mergeInputs = z.array(layerNameSchema).min(2, 'must name at least two producers').max(64);

/** Element-wise sum of producers of one shape (residual connections). */
export const addLayerSchema = z.object({ ...common, kind: z.literal('add'), inputs: mergeInputs }).strict();

/** Producers stacked along channels (inception modules, fire modules). */
export const concatLayerSchema = z.object({ ...common, kind: z.literal('concat'), inputs: mergeInputs }).strict();

/**
 * Element-wise product of two producers (squeeze-and-excitation gates, attention masks). One of
 * them may hold one value per channel (C x 1 x 1), spread over the other's height and width.
 */
export const mulLayerSchema = z
  .object({ ...common, kind: z.literal('mul'), inputs: z.array(layerNameSchema).length(2, 'must name exactly two producers') })
  .strict();

const channelIndex = z.number().int('must be a whole number').nonnegative('must not be negative').max(MAX_CHANNELS, `must be at most ${MAX_CHANNELS}`);

/** Channels [start, end) of one producer (ShuffleNet v2's channel split); data movement only. */
export const sliceLayerSchema = z
  .object({
    ...common,
    kind: z.literal('slice'),
    inputs: z.array(layerNameSchema).max(1, 'must name at most one producer').default([]),
    /** [start, end): the first channel kept and the one after the last, counted from 0. */
    channels: z.tuple([channelIndex, channelIndex]),
  })
  .strict()
  .refine((layer) => layer.channels[0] < layer.channels[1], { message: 'must keep at least one channel (start below end)', path: ['channels'] });

/** The classifier output with its cross-entropy loss. */
export const softmaxLayerSchema = z.object({ ...common, kind: z.literal('softmax') }).strict();

export const layerSchema = z.discriminatedUnion('kind', [
  convLayerSchema,
  fcLayerSchema,
  poolLayerSchema,
  activationLayerSchema,
  batchnormLayerSchema,
  addLayerSchema,
  concatLayerSchema,
  mulLayerSchema,
  sliceLayerSchema,
  softmaxLayerSchema,
]);
export type Layer = z.infer<typeof layerSchema>;
export type ConvLayer = z.infer<typeof convLayerSchema>;
export type PoolLayer = z.infer<typeof poolLayerSchema>;
export type ActivationLayer = z.infer<typeof activationLayerSchema>;
export type SliceLayer = z.infer<typeof sliceLayerSchema>;

export const networkSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    dataset: z.string().max(120),
    /** Training images per epoch, when the dataset has a standard size. */
    datasetSize: bounded(MAX_DATASET, 'images').optional(),
    input: z.object({ channels: count, height: spatial, width: spatial }).strict(),
    classes: count,
    /** Where the network is defined: a citation, or where the file came from. */
    source: z.string().min(1, 'must say where the network comes from').max(2000),
    layers: z.array(layerSchema).min(1, 'must have at least one layer').max(MAX_LAYERS),
  })
  .strict()
  .superRefine((network, ctx) => {
    const seen = new Map<string, number>();
    network.layers.forEach((layer, i) => {
      const first = seen.get(layer.name);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['layers', i, 'name'], message: `"${layer.name}" repeats layers[${first}].name` });
      else seen.set(layer.name, i);
    });
  });
export type Network = z.infer<typeof networkSchema>;

/** A layer with its inferred shapes and forward counts, per image. */
export interface LayerShape {
  readonly name: string;
  readonly kind: LayerKind;
  /** The first producer's output (or the declared input shape, or the network input). */
  readonly inShape: Shape;
  readonly outShape: Shape;
  /** Forward multiply-accumulates (conv and fc only; biases and element-wise layers excluded). */
  readonly macs: number;
  /** Trainable parameters: weights, biases, batch-norm scale and shift. */
  readonly params: number;
}
