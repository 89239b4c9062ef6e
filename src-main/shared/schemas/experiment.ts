import { z } from 'zod';

// An experiment is one evaluation (a design training a workload). It keeps a full snapshot of its
// resolved inputs and the model and app versions, so an old result can be explained and re-run.

export const EXPERIMENT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const experimentStatusSchema = z.enum(EXPERIMENT_STATUSES);
export type ExperimentStatus = z.infer<typeof experimentStatusSchema>;

export const libraryRefSchema = z.object({ libraryId: z.string(), version: z.number().int().positive() });
export type LibraryRef = z.infer<typeof libraryRefSchema>;

export const experimentSchema = z.object({
  id: z.string(),
  name: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  status: experimentStatusSchema,
  inputSnapshot: z.unknown(),
  libraryRefs: z.array(libraryRefSchema),
  modelVersion: z.string(),
  appVersion: z.string(),
  results: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Experiment = z.infer<typeof experimentSchema>;
