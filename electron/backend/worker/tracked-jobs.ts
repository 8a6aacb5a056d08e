/**
 * Jobs a caller starts and then follows (the map's progress bar, its cancel button): each wraps one
 * analysis that runs on the worker, and is kept (the last 20) until asked for.
 */
import { ApiError } from '../../../shared/api/errors.ts';
import type { JobOut } from '../../../shared/api/schemas.ts';
import type { AnalysisRunner } from './runner.ts';

interface Tracked<R> {
  worker?: number;
  result?: R;
  error?: unknown;
  done: boolean;
}

export class TrackedJobs<R> {
  private readonly jobs = new Map<number, Tracked<R>>();
  private seq = 0;
  private readonly runner: AnalysisRunner;

  constructor(runner: AnalysisRunner) {
    this.runner = runner;
  }

  /** `run` starts the analysis and tells which worker job it is on. */
  start(run: (onJob: (worker: number) => void) => Promise<R>): { job: number } {
    const id = ++this.seq;
    const t: Tracked<R> = { done: false };
    this.jobs.set(id, t);
    for (const old of [...this.jobs.keys()].filter((k) => k < id - 20)) this.jobs.delete(old);
    run((w) => {
      t.worker = w;
    })
      .then(
        (r) => {
          t.result = r;
        },
        (e: unknown) => {
          t.error = e;
        },
      )
      .finally(() => {
        t.done = true;
      });
    return { job: id };
  }

  /** Its state, and its result once done; a job that failed throws its error. */
  status(job: number): JobOut<R> {
    const t = this.jobs.get(job);
    if (!t) throw new ApiError('NOT_FOUND', `没有编号为 ${job} 的分析任务`, `No analysis job ${job}`);
    if (t.error) throw t.error;
    if (t.result) return { state: 'done', stage: 'done', share: 1, result: t.result };
    const s = t.worker !== undefined ? this.runner.status(t.worker) : undefined;
    if (s?.state === 'cancelled') return { state: 'cancelled', stage: s.stage, share: s.share };
    return { state: 'running', stage: s?.stage ?? 'prepare', share: s?.share ?? 0 };
  }

  cancel(job: number): { cancelled: boolean } {
    const t = this.jobs.get(job);
    return { cancelled: !!t && t.worker !== undefined && !t.done && this.runner.cancel(t.worker) };
  }
}
