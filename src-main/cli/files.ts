import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { WorkbenchFailure } from '../shared/result.ts';
import { looksBinary } from '../shared/text.ts';

// Reading users' files and writing exports, with messages that say which file and what is wrong.

/** The largest file any import reads; each kind passes its own, smaller limit. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Refuses a missing path, a folder or a file over `maxBytes` before any of it is read. */
function checkReadable(path: string, full: string, maxBytes: number, why: string): void {
  let size: number;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) throw new WorkbenchFailure('invalid_input', `${path} is a folder, not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof WorkbenchFailure) throw error;
    throw new WorkbenchFailure('invalid_input', `cannot read ${path}: no such file`);
  }
  if (size > maxBytes) throw new WorkbenchFailure('invalid_input', `${path} is too large (${size} bytes; the limit is ${maxBytes} bytes${why ? `: ${why}` : ''})`);
}

/** `maxBytes`: the limit for this kind of file, with the reason shown when it is exceeded. */
export function readTextFile(path: string, cwd: string, maxBytes = MAX_IMPORT_BYTES, why = ''): string {
  const full = resolve(cwd, path);
  checkReadable(path, full, maxBytes, why);
  const bytes = readFileSync(full);
  if (looksBinary(bytes)) throw new WorkbenchFailure('invalid_input', `${path} is a binary file, not a text file`);
  return bytes.toString('utf8');
}

/** A binary file's bytes (an ONNX model), after the same checks as a text file. */
export function readBinaryFile(path: string, cwd: string, maxBytes: number, why = ''): Buffer {
  const full = resolve(cwd, path);
  checkReadable(path, full, maxBytes, why);
  return readFileSync(full);
}

/** Parses JSON text; a syntax error names the file and the line and column. */
export function parseJsonText(text: string, label: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new WorkbenchFailure('invalid_input', `${label} is not valid JSON${where}: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Writes via a temporary file and a rename, so a crash never leaves half a file; refuses to overwrite unless asked. */
export function writeTextFile(path: string, text: string, cwd: string, overwrite: boolean): string {
  const full = resolve(cwd, path);
  if (!existsSync(dirname(full))) throw new WorkbenchFailure('invalid_input', `cannot write ${path}: the folder ${dirname(path)} does not exist`);
  if (existsSync(full) && !overwrite) throw new WorkbenchFailure('invalid_input', `${path} already exists; pass --force to overwrite it`);
  const temp = join(dirname(full), `.${basename(full)}.${process.pid}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, full);
  return full;
}
