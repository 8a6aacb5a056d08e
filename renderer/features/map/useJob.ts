/**
 * One analysis at a time, followed as a job (accessJob.ts followJob): when it started, how far it is,
 * its error, whether the service has it at all; a newer launch cancels the older, whose answer is then
 * dropped; leaving the screen cancels it. The access and siting panels both run theirs through this.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { followJob, type Job, type JobCalls, type JobProgress } from './accessJob.ts';
import { isUnknownMethod } from './unknownMethod.ts';

export interface JobState<R> {
  startedAt: number | null;
  progress: JobProgress | null;
  error: unknown;
  /** The service has no such analysis (yet). */
  unavailable: boolean;
  /** Starts `calls`; `onResult` gets the answer unless a newer launch or stop came first. */
  launch(calls: JobCalls<R>, onResult: (r: R) => void): void;
  stop(): void;
}

export function useJob<R>(): JobState<R> {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unavailable, setUnavailable] = useState(false);
  const job = useRef<Job<R> | null>(null);

  const settle = useCallback(() => { job.current = null; setStartedAt(null); setProgress(null); }, []);
  const stop = useCallback(() => { job.current?.cancel(); settle(); }, [settle]);

  const launch = useCallback((calls: JobCalls<R>, onResult: (r: R) => void) => {
    job.current?.cancel();
    const j = followJob(calls, (p) => { if (job.current === j) setProgress(p); });
    job.current = j;
    setStartedAt(Date.now());
    setProgress(null);
    setError(null);
    j.done.then((r) => {
      if (job.current !== j || !r) return;
      settle();
      setUnavailable(false);
      onResult(r);
    }, (e: unknown) => {
      if (job.current !== j) return;
      settle();
      if (isUnknownMethod(e)) setUnavailable(true);
      else setError(e);
    });
  }, [settle]);

  // Leaving the screen: a run nobody will see is cancelled.
  useEffect(() => () => job.current?.cancel(), []);

  return { startedAt, progress, error, unavailable, launch, stop };
}
