/**
 * One access analysis on the service: started as a job and followed (stage and share, for the
 * progress shown; cancellable), or — where the service has no jobs — run in one call.
 */
import type { AccessQuery, AccessResultOut } from '../../../shared/access/result.ts';
import type { Invoke } from '../../../shared/api/index.ts';
import { isUnknownMethod } from './unknownMethod.ts';

export interface JobProgress { stage: string; share: number }
export interface AccessJob {
  /** The result; null when cancelled. */
  done: Promise<AccessResultOut | null>;
  cancel(): void;
}

const POLL_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startAccessJob(invoke: Invoke, query: AccessQuery, onProgress: (p: JobProgress) => void): AccessJob {
  let cancelled = false;
  let job: number | null = null;
  const done = (async (): Promise<AccessResultOut | null> => {
    try {
      job = (await invoke('access.start', query)).job;
      if (cancelled) { void invoke('access.cancel', { job }).catch(() => undefined); return null; }
    } catch (e) {
      if (!isUnknownMethod(e)) throw e;
      const r = await invoke('access.run', query);
      return cancelled ? null : r;
    }
    for (;;) {
      await sleep(POLL_MS);
      if (cancelled) return null;
      const st = await invoke('access.job', { job });
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
      if (job !== null) void invoke('access.cancel', { job }).catch(() => undefined);
    },
  };
}
