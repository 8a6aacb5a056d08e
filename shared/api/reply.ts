/**
 * The one reply envelope every door answers with (Electron IPC, the loopback web door) and the renderer's
 * client reads: the result or the error, and the open plan's revision — a counter the backend increments
 * on every committed write (0 with no plan open), so a reader can tell whether what it holds is still current.
 */
import type { ApiErrorData } from './errors.ts';

export type Reply<T = unknown> = { ok: true; result: T; revision: number } | { ok: false; error: ApiErrorData; revision: number };

/** A method's result, as a door sends it. */
export const reply = <T>(result: T, revision: number): Reply<T> => ({ ok: true, result, revision });
/** A refusal or an error, as a door sends it. */
export const failure = (error: ApiErrorData, revision: number): Reply<never> => ({ ok: false, error, revision });
