/** The service does not have the method: a door or service older than the screen reads it as "no data". */
import { ApiError } from '../../../shared/api/index.ts';

export const isUnknownMethod = (e: unknown) => e instanceof ApiError && e.code === 'UNKNOWN_METHOD';
