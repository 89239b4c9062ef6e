import { z } from 'zod';
import {
  descriptionSchema,
  libraryDetailSchema,
  libraryKindSchema,
  librarySummarySchema,
  libraryVersionSchema,
  nameSchema,
  valuesSchema,
} from '../schemas/library.ts';
import { libraryFileSchema } from '../schemas/library-file.ts';
import { faultsInputSchema, faultsOutputSchema, opsInputSchema, opsOutputSchema } from '../schemas/arith.ts';
import { networkDetailSchema, networkImportOutputSchema, networkImportSchema, networkSummarySchema } from '../schemas/network-api.ts';
import { arrayInputSchema, arrayResultSchema, cellDetailSchema, cellErrorsOutputSchema, cellSummarySchema, nvsimImportInputSchema, nvsimImportOutputSchema } from '../schemas/cell.ts';
import { designDetailSchema, designSummarySchema, reproduceInputSchema, reproduceOutputSchema, runInputSchema, runOutputSchema } from '../schemas/design-api.ts';
import {
  experimentListInputSchema,
  experimentListOutputSchema,
  experimentRerunOutputSchema,
  experimentSchema,
  experimentTagsOutputSchema,
  experimentUpdateInputSchema,
} from '../schemas/experiment.ts';
import { bundleFileSchema } from '../schemas/experiment-bundle.ts';
import {
  keptDeleteOutputSchema,
  keptExportInputSchema,
  keptExportOutputSchema,
  keptUpdateInputSchema,
  sweepHeaderSchema,
  sweepInputSchema,
  sweepOutputSchema,
  sweepPointsInputSchema,
  sweepPointsOutputSchema,
  keptRefSchema,
  sweepRerunInputSchema,
  sweepRerunOutputSchema,
} from '../schemas/sweep.ts';
import { reproductionRerunOutputSchema, reproductionSchema } from '../schemas/reproduction.ts';
import { historyListInputSchema, historyListOutputSchema } from '../schemas/history.ts';
import { goalSeekInputSchema, goalSeekOutputSchema, sensitivityInputSchema, sensitivityOutputSchema, paperBandsInputSchema, paperBandsOutputSchema, sobolInputSchema, sobolOutputSchema, uncertaintyInputSchema, uncertaintyOutputSchema } from '../schemas/analysis.ts';
import type { Channel, EventName } from './channels.ts';

// The one typed contract between the renderer (or CLI, or HTTP client) and the services.
// Every front door validates inputs with these schemas; handlers are typed from them.

/** An id, or the name given at creation or import, or a built-in name. */
const refSchema = z.string().trim().min(1, 'must name a library (id or name)').max(200);
const versionSchema = z.number().int().positive();

interface ChannelSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

export const contract = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      appVersion: z.string(),
      modelVersion: z.string(),
      schemaVersion: z.number().int(),
      dbPath: z.string(),
    }),
  },
  'libraries.list': {
    input: z.object({ kind: libraryKindSchema.optional(), query: z.string().max(200).optional() }).strict(),
    output: z.object({ items: z.array(librarySummarySchema) }),
  },
  'libraries.get': {
    input: z.object({ ref: refSchema, version: versionSchema.optional() }).strict(),
    output: libraryDetailSchema,
  },
  'libraries.versions': {
    input: z.object({ ref: refSchema }).strict(),
    output: z.object({ items: z.array(libraryVersionSchema) }),
  },
  'libraries.create': {
    input: z
      .object({ name: nameSchema, kind: libraryKindSchema, description: descriptionSchema.default(''), values: valuesSchema.default([]) })
      .strict(),
    output: libraryDetailSchema,
  },
  'libraries.clone': {
    input: z.object({ ref: refSchema, name: nameSchema, version: versionSchema.optional() }).strict(),
    output: libraryDetailSchema,
  },
  'libraries.saveVersion': {
    input: z
      .object({
        ref: refSchema,
        /** The version the edit started from; saving fails if someone saved another meanwhile. */
        baseVersion: versionSchema,
        values: valuesSchema,
        description: descriptionSchema.optional(),
        note: z.string().max(2000).default(''),
      })
      .strict(),
    output: libraryDetailSchema,
  },
  'libraries.rename': {
    input: z.object({ ref: refSchema, name: nameSchema }).strict(),
    output: librarySummarySchema,
  },
  'libraries.delete': {
    input: z.object({ ref: refSchema }).strict(),
    output: z.object({ id: z.string(), name: z.string() }),
  },
  'libraries.import': {
    // The file's content is validated by the service against libraryFileSchema, so its issues
    // read as paths inside the file (values[3].unit), not inside this envelope.
    input: z.object({ file: z.unknown(), name: nameSchema.optional() }).strict(),
    output: libraryDetailSchema,
  },
  'libraries.export': {
    input: z.object({ ref: refSchema, version: versionSchema.optional() }).strict(),
    output: z.object({ fileName: z.string(), file: libraryFileSchema }),
  },
  'cells.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(cellSummarySchema) }),
  },
  'cells.get': {
    input: z.object({ ref: refSchema, version: versionSchema.optional() }).strict(),
    output: cellDetailSchema,
  },
  'cells.errors': { input: z.object({ ref: refSchema, version: versionSchema.optional() }).strict(), output: cellErrorsOutputSchema },
  'cells.check': {
    input: z.object({ values: z.array(z.object({ key: z.string(), value: z.union([z.number(), z.string(), z.boolean()]), unit: z.string(), source: z.string() })).max(10_000) }).strict(),
    output: z.object({ errors: z.array(z.object({ path: z.string(), message: z.string() })), warnings: z.array(z.object({ path: z.string(), message: z.string() })) }),
  },
  'cells.importNvsim': {
    input: nvsimImportInputSchema,
    output: nvsimImportOutputSchema,
  },
  'cells.exportNvsim': {
    input: z.object({ ref: refSchema, version: versionSchema.optional() }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
  'array.evaluate': {
    input: arrayInputSchema,
    output: arrayResultSchema,
  },
  'arith.ops': {
    input: opsInputSchema,
    output: opsOutputSchema,
  },
  'arith.faults': { input: faultsInputSchema, output: faultsOutputSchema },
  'networks.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(networkSummarySchema) }),
  },
  'networks.get': {
    input: z.object({ ref: refSchema }).strict(),
    output: networkDetailSchema,
  },
  'networks.import': {
    input: networkImportSchema,
    output: networkImportOutputSchema,
  },
  'networks.delete': {
    input: z.object({ ref: refSchema }).strict(),
    output: z.object({ id: z.string(), name: z.string() }),
  },
  'designs.list': {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(designSummarySchema) }),
  },
  'designs.get': {
    input: z.object({ ref: refSchema, version: versionSchema.optional() }).strict(),
    output: designDetailSchema,
  },
  'designs.check': {
    input: z.object({ values: z.array(z.object({ key: z.string(), value: z.union([z.number(), z.string(), z.boolean()]), unit: z.string(), source: z.string() })).max(10_000) }).strict(),
    output: z.object({ errors: z.array(z.object({ path: z.string(), message: z.string() })), warnings: z.array(z.object({ path: z.string(), message: z.string() })) }),
  },
  'experiments.run': {
    input: runInputSchema,
    output: runOutputSchema,
  },
  'experiments.list': {
    input: experimentListInputSchema,
    output: experimentListOutputSchema,
  },
  'experiments.get': {
    input: z.object({ ref: refSchema }).strict(),
    output: experimentSchema,
  },
  'experiments.delete': {
    input: z.object({ ref: refSchema }).strict(),
    output: z.object({ id: z.string(), name: z.string() }),
  },
  'experiments.tags': {
    input: z.object({}).strict(),
    output: experimentTagsOutputSchema,
  },
  'experiments.update': {
    input: experimentUpdateInputSchema,
    output: experimentSchema,
  },
  'experiments.rerun': {
    input: z.object({ ref: refSchema }).strict(),
    output: experimentRerunOutputSchema,
  },
  'experiments.exportBundle': {
    input: z.object({ ref: refSchema }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }),
  },
  'experiments.importBundle': {
    input: bundleFileSchema,
    output: experimentSchema,
  },
  'paper.reproduce': {
    input: reproduceInputSchema,
    output: reproduceOutputSchema,
  },
  'sweeps.run': {
    input: sweepInputSchema,
    output: sweepOutputSchema,
  },
  'sweeps.cancel': {
    input: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    output: z.object({ jobId: z.string(), cancelled: z.boolean() }),
  },
  'sweeps.get': { input: keptRefSchema, output: sweepHeaderSchema },
  'sweeps.points': { input: sweepPointsInputSchema, output: sweepPointsOutputSchema },
  'sweeps.rerun': { input: sweepRerunInputSchema, output: sweepRerunOutputSchema },
  'sweeps.update': { input: keptUpdateInputSchema, output: sweepHeaderSchema },
  'sweeps.delete': { input: keptRefSchema, output: keptDeleteOutputSchema },
  /** Undoes a delete; `ref` is the deleted sweep's id. */
  'sweeps.restore': { input: keptRefSchema, output: sweepHeaderSchema },
  'sweeps.export': { input: keptExportInputSchema, output: keptExportOutputSchema },
  'reproductions.get': { input: keptRefSchema, output: reproductionSchema },
  'reproductions.rerun': { input: keptRefSchema, output: reproductionRerunOutputSchema },
  'reproductions.update': { input: keptUpdateInputSchema, output: reproductionSchema },
  'reproductions.delete': { input: keptRefSchema, output: keptDeleteOutputSchema },
  /** Undoes a delete; `ref` is the deleted reproduction's id. */
  'reproductions.restore': { input: keptRefSchema, output: reproductionSchema },
  'reproductions.export': { input: keptExportInputSchema, output: keptExportOutputSchema },
  'history.list': { input: historyListInputSchema, output: historyListOutputSchema },
  'analysis.sensitivity': { input: sensitivityInputSchema, output: sensitivityOutputSchema },
  'analysis.goalSeek': { input: goalSeekInputSchema, output: goalSeekOutputSchema },
  'analysis.sobol': { input: sobolInputSchema, output: sobolOutputSchema },
  'analysis.uncertainty': { input: uncertaintyInputSchema, output: uncertaintyOutputSchema },
  'analysis.paperBands': { input: paperBandsInputSchema, output: paperBandsOutputSchema },
} as const satisfies Record<Channel, ChannelSpec>;

export const events = {
  'libraries.changed': z.object({
    ids: z.array(z.string()),
    reason: z.enum(['created', 'saved', 'renamed', 'deleted', 'imported']),
  }),
  'networks.changed': z.object({ ids: z.array(z.string()), reason: z.enum(['imported', 'deleted']) }),
  'experiments.changed': z.object({ ids: z.array(z.string()), reason: z.enum(['created', 'updated', 'deleted']) }),
  'sweeps.progress': z.object({ jobId: z.string(), done: z.number().int(), total: z.number().int() }),
  /** A kept sweep or reproduction came, changed, went or came back (experiments have their own event). */
  'history.changed': z.object({ kind: z.enum(['sweep', 'reproduction']), ids: z.array(z.string()), reason: z.enum(['created', 'updated', 'deleted', 'restored']) }),
} as const satisfies Record<EventName, z.ZodType>;

/** What a caller sends on `C` (defaults not yet applied). */
export type Input<C extends Channel> = z.input<(typeof contract)[C]['input']>;
/** What a handler receives on `C`, after validation. */
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type Output<C extends Channel> = z.output<(typeof contract)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** One function per channel; a missing one is a compile error wherever handlers are built. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>> };
