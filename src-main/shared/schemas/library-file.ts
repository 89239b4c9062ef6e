import { z } from 'zod';
import { descriptionSchema, libraryKindSchema, nameSchema, valuesSchema } from './library.ts';

// The JSON file users import and export. `format` and `schemaVersion` let later versions of the
// workbench read old files and refuse files from the future with a clear message.

export const LIBRARY_FILE_FORMAT = 'pimwb-library';
export const LIBRARY_FILE_SCHEMA_VERSION = 1;

export const libraryFileSchema = z
  .object({
    format: z.literal(LIBRARY_FILE_FORMAT, { message: `must be "${LIBRARY_FILE_FORMAT}"` }),
    schemaVersion: z
      .number()
      .int()
      .min(1)
      .max(LIBRARY_FILE_SCHEMA_VERSION, { message: `is newer than this workbench reads (${LIBRARY_FILE_SCHEMA_VERSION}); update PIM Workbench` }),
    name: nameSchema,
    kind: libraryKindSchema,
    description: descriptionSchema.default(''),
    values: valuesSchema,
    /** Informational: where the file came from. */
    exportedFrom: z.object({ app: z.string(), version: z.number().int().positive(), libraryId: z.string() }).optional(),
  })
  .strict();

export type LibraryFile = z.infer<typeof libraryFileSchema>;
