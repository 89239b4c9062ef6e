import { runCli } from './main.ts';
import { processIO } from './process-io.ts';

// Started by pimwb.mjs. Sets the exit status instead of calling process.exit, so output is flushed.
process.exitCode = await runCli(process.argv.slice(2), processIO());
