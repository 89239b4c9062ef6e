import type { ErrorCode } from '../shared/result.ts';

/** HTTP status for each error code of the envelope (the body always carries the envelope). */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unknown_channel: 404,
  forbidden: 401,
  store_unusable: 503,
  internal: 500,
};
