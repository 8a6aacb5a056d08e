/**
 * One analysis on the service (access, siting): started as a job and followed (stage and share, for
 * the progress shown; cancellable), or — where the service has no jobs — run in one call.
 */
import type { AccessQuery, AccessResultOut } from '../../../shared/access/result.ts';
import type { Invoke } from '../../../shared/api/index.ts';
import { isUnknownMethod } from './unknownMethod.ts';

export interface JobProgress { stage: string; share: number }
export interface Job<R> {
  /** The result; null when cancelled. */
  done: Promise<R | null>;
  cancel(): void;
}

/** How to start, follow, cancel and (without jobs) run one kind of analysis. */
export interface JobCalls<R> {
  start(): Promise<{ job: number }>;
  poll(job: number): Promise<{ state: 'running' | 'done' | 'cancelled'; stage: string; share: number; result?: R }>;
  cancel(job: number): Promise<unknown>;
  run(): Promise<R>;
}

const POLL_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function followJob<R>(calls: JobCalls<R>, onProgress: (p: JobProgress) => void): Job<R> {
  let cancelled = false;
  let job: number | null = null;
  const done = (async (): Promise<R | null> => {
    try {
      job = (await calls.start()).job;
      if (cancelled) { void calls.cancel(job).catch(() => undefined); return null; }
    } catch (e) {
      if (!isUnknownMethod(e)) throw e;
      const r = await calls.run();
      return cancelled ? null : r;
    }
    for (;;) {
      await sleep(POLL_MS);
      if (cancelled) return null;
      const st = await calls.poll(job);
      if (cancelled || st.state === 'cancelled') return null;
      if (st.state === 'done' && st.result) return st.result;
      onProgress({ stage: st.stage, share: st.share });
    }
  })();
  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      if (job !== null) void calls.cancel(job).catch(() => undefined);
    },
  };
}

/** The access analysis's job calls for a query. */
export const accessCalls = (invoke: Invoke, query: AccessQuery): JobCalls<AccessResultOut> => ({
  start: () => invoke('access.start', query),
  poll: (job) => invoke('access.job', { job }),
  cancel: (job) => invoke('access.cancel', { job }),
  run: () => invoke('access.run', query),
});
