/**
 * The long analyses (access, siting) as jobs on the service: `<kind>.start` with the query, then
 * `<kind>.job` polled for the stage and share until the result, `<kind>.cancel` to stop. The contract
 * guarantees all three. No React, no DOM: useJob (hooks.tsx) is a thin wrapper over JobRunner.
 */
import type { ApiArgs, ApiResult, Invoke } from '../../shared/api/contract.ts';
import type { JobOut } from '../../shared/api/schemas.ts';
import { stableStringify } from './store.ts';

/** The analyses run as jobs; each has `<kind>.start`, `<kind>.job` and `<kind>.cancel`. */
export type JobKind = 'access' | 'siting';
export type JobArgs<K extends JobKind> = ApiArgs<`${K}.start`>;
export type JobResult<K extends JobKind> = NonNullable<ApiResult<`${K}.job`>['result']>;

export interface JobProgress {
  stage: string;
  share: number;
}

export const POLL_MS = 200;

/** One job on the service: its result (null when cancelled first) and how to cancel it. */
export interface FollowedJob<R> {
  done: Promise<R | null>;
  cancel(): void;
}

/** Starts a job of `kind` and follows it to its result, telling the progress; cancel() stops it on the service too. */
export function followJob<K extends JobKind>(
  invoke: Invoke,
  kind: K,
  args: JobArgs<K>,
  onProgress: (p: JobProgress) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): FollowedJob<JobResult<K>> {
  // The three methods of one kind, typed as that kind's (TypeScript does not narrow a template key by K).
  const call = invoke as unknown as (method: string, args: unknown) => Promise<unknown>;
  let cancelled = false;
  let job: number | null = null;
  const stopOnService = (id: number) => void call(`${kind}.cancel`, { job: id }).catch(() => undefined);
  const done = (async (): Promise<JobResult<K> | null> => {
    job = ((await call(`${kind}.start`, args)) as { job: number }).job;
    if (cancelled) {
      stopOnService(job);
      return null;
    }
    for (;;) {
      await sleep(POLL_MS);
      if (cancelled) return null;
      const st = (await call(`${kind}.job`, { job })) as JobOut<JobResult<K>>;
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
      if (job !== null) stopOnService(job);
    },
  };
}

export interface JobState<R, A = unknown> {
  result: R | null;
  /** The arguments `result` answers, as they were sent. */
  resultArgs: A | null;
  /** The revision the result was computed at (a later one: the plan changed since). */
  resultRevision: number | null;
  /** When the running job started (ms), null when none runs. */
  startedAt: number | null;
  progress: JobProgress | null;
  error: unknown;
}

/**
 * One job at a time for a screen: a newer run cancels the older (whose answer is then dropped), as
 * does stop() and dispose() (leaving the screen). The result stays until the next one arrives.
 */
export class JobRunner<K extends JobKind> {
  private current: FollowedJob<JobResult<K>> | null = null;
  private key: string | null = null;
  private listeners = new Set<() => void>();
  private snapshot: JobState<JobResult<K>, JobArgs<K>> = { ...NOTHING };
  /** Where the result is kept beyond this runner (a screen's memory, per plan), see keepIn. */
  private kept: { memory: Map<string, unknown>; key: string } | null = null;

  private readonly invoke: Invoke;
  private readonly kind: K;
  private readonly revision: () => number;
  private readonly sleep: ((ms: number) => Promise<void>) | undefined;

  constructor(invoke: Invoke, kind: K, revision: () => number, sleep?: (ms: number) => Promise<void>) {
    this.invoke = invoke;
    this.kind = kind;
    this.revision = revision;
    this.sleep = sleep;
  }

  getSnapshot = (): JobState<JobResult<K>, JobArgs<K>> => this.snapshot;
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };

  private emit(next: Partial<JobState<JobResult<K>, JobArgs<K>>>) {
    this.snapshot = { ...this.snapshot, ...next };
    for (const fn of [...this.listeners]) fn();
  }

  /** Runs for these arguments unless the same ones run (or ran) already; null stops what runs. */
  set(args: JobArgs<K> | null): void {
    const key = args === null ? null : stableStringify(args);
    if (key === this.key) return;
    this.key = key;
    if (args === null) this.stop();
    else this.run(args);
  }

  /** Runs now (again), cancelling what runs. */
  run(args: JobArgs<K>): void {
    this.current?.cancel();
    this.key = stableStringify(args);
    const at = this.revision();
    const j = followJob(
      this.invoke,
      this.kind,
      args,
      (progress) => {
        if (this.current === j) this.emit({ progress });
      },
      this.sleep,
    );
    this.current = j;
    this.emit({ startedAt: Date.now(), progress: null, error: null });
    j.done.then(
      (result) => {
        if (this.current !== j || !result) return;
        this.current = null;
        const shown: Kept<K> = { result, resultArgs: args, resultRevision: at };
        if (this.kept) this.kept.memory.set(this.kept.key, shown);
        this.emit({ ...shown, startedAt: null, progress: null });
      },
      (error: unknown) => {
        if (this.current !== j) return;
        this.current = null;
        this.emit({ error, startedAt: null, progress: null });
      },
    );
  }

  /** Cancels what runs (on the service too); the last result stays. */
  stop(): void {
    const j = this.current;
    this.current = null;
    this.key = null;
    j?.cancel();
    if (j) this.emit({ startedAt: null, progress: null });
  }

  /**
   * The result is kept in `memory` under `key` (a screen's per-plan memory: coming back shows it) and
   * read back from there. Another key (another scenario): what runs belongs to the old one and is
   * cancelled, and the result shown is the one kept under the new key, or none.
   */
  keepIn(memory: Map<string, unknown>, key: string): void {
    if (this.kept?.memory === memory && this.kept.key === key) return;
    const first = this.kept === null;
    this.kept = { memory, key };
    if (!first) this.stop();
    const had = memory.get(key) as Kept<K> | undefined;
    if (had || !first) this.emit({ ...NOTHING, ...had });
  }

  /** Cancels what runs and shows no result (kept nowhere any more): 清除, or another plan opened. */
  forget(): void {
    this.stop();
    if (this.kept) this.kept.memory.delete(this.kept.key);
    this.emit({ ...NOTHING });
  }

  dispose(): void {
    this.stop();
  }
}

type Kept<K extends JobKind> = Pick<JobState<JobResult<K>, JobArgs<K>>, 'result' | 'resultArgs' | 'resultRevision'>;
const NOTHING = { result: null, resultArgs: null, resultRevision: null, startedAt: null, progress: null, error: null } as const;
