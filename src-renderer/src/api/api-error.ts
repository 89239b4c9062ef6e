import type { Issue, WorkbenchError, ErrorCode } from '@shared/result.ts';

/** A failed contract call, with the issues the main process reported (field paths and reasons). */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly issues: readonly Issue[];

  constructor(error: WorkbenchError | { code: 'network'; message: string; issues: readonly Issue[] }) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.issues = error.issues;
  }

  /** The reason attached to one field, for showing it next to that field. */
  issueAt(path: string): string | undefined {
    return this.issues.find((i) => i.path === path)?.message;
  }
}
