// The envelope every service call returns across a boundary (IPC, HTTP, CLI).
// Electron forwards only the message of a thrown error, so failures travel as data.

import { printable } from './text.ts';

export const ERROR_CODES = [
  'invalid_input', // the payload or a file failed validation; `issues` says where
  'not_found', // an id or name that does not exist
  'conflict', // the request is valid but the current state forbids it (name taken, library in use)
  'unknown_channel', // no such contract channel
  'forbidden', // the caller is not allowed (wrong IPC sender, missing session token)
  'store_unusable', // the database file cannot be used (not ours, corrupt, newer schema)
  'internal', // a bug: the message is generic, details are logged
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with an input, at a path like `values[3].unit` (empty for the whole input). */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

export interface WorkbenchError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly issues: readonly Issue[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WorkbenchError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, issues: readonly Issue[] = []): Result<never> {
  return { ok: false, error: new WorkbenchFailure(code, message, issues).toError() };
}

/**
 * A failure a service raises on purpose; boundaries turn it into `{ ok: false, error }`.
 * Anything else thrown is a bug and becomes `internal`.
 */
export class WorkbenchFailure extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];

  /** Messages often quote what a user gave: they are made printable and cut here, once for every front door. */
  constructor(code: ErrorCode, message: string, issues: readonly Issue[] = []) {
    super(printable(message, 1000));
    this.name = 'WorkbenchFailure';
    this.code = code;
    this.issues = issues.slice(0, 200).map((i) => ({ path: printable(i.path, 200), message: printable(i.message, 500) }));
  }

  toError(): WorkbenchError {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}

/** Renders one line a person can act on: the message, then each issue as `path: message`. */
export function describeError(error: WorkbenchError): string {
  if (error.issues.length === 0) return error.message;
  const details = error.issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  return `${error.message}: ${details.join('; ')}`;
}
