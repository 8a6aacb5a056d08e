/** Errors that cross the service boundary: a code a program can test and a message a planner can read. */

export const ERROR_CODES = [
  'INVALID_ARGS',
  'UNKNOWN_METHOD',
  'NO_PLAN',
  'NOT_FOUND',
  'CONFLICT',
  'READ_ONLY',
  'NOT_A_PLAN',
  'CORRUPT',
  'NEWER_VERSION',
  'LOCKED',
  'FILE_ERROR',
  'IMPORT_REJECTED',
  'UNAUTHORIZED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorData {
  code: ErrorCode;
  /** zh-CN, for the planner. */
  message: string;
  /** English. */
  messageEn: string;
  details?: unknown;
}

export class ApiError extends Error implements ApiErrorData {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, messageEn: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.messageEn = messageEn;
    this.details = details;
  }
  toJSON(): ApiErrorData {
    return { code: this.code, message: this.message, messageEn: this.messageEn, details: this.details };
  }
  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.messageEn, data.details);
  }
}

export function isApiErrorData(x: unknown): x is ApiErrorData {
  return typeof x === 'object' && x !== null && typeof (x as ApiErrorData).code === 'string' && typeof (x as ApiErrorData).message === 'string';
}
