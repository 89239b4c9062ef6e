import { z } from 'zod';
import { descriptionSchema, libraryKindSchema, nameSchema, valuesSchema } from './library.ts';

// The JSON file users import and export. `format` and `schemaVersion` let later versions of the
// workbench read old files and refuse files from the future with a clear message.
//
// Versions: 1, values with key, value, unit and source; 2, a value may also carry an uncertainty
// `range` (schemas/library.ts). A version 1 file reads as it always did. Exports say 2, so a
// workbench that knows no ranges refuses the file (asking for an update) instead of dropping them.

export const LIBRARY_FILE_FORMAT = 'pimwb-library';
export const LIBRARY_FILE_SCHEMA_VERSION = 2;

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
