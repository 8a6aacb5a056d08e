/**
 * Analysis jobs (access, siting) on a worker thread: start one, follow its progress, wait for it, cancel it. One worker
 * per service, started when first needed; cancelling ends the worker (a search cannot be stopped from
 * outside) and the next job starts a new one. The worker keeps its graph cache between jobs.
 */
import { Worker } from 'node:worker_threads';
import { LOAD_NETWORK, NEED_NETWORK_DATA, type NetworkInput } from './network-cache.ts';
import type { TaskInput, TaskKind, TaskOutput, WorkerReply, WorkerRequest } from './worker.ts';

type AnyOutput = TaskOutput[TaskKind];

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export interface JobStatus {
  state: JobState;
  stage: string;
  share: number;
  error?: string;
}

interface Job extends JobStatus {
  request: Omit<WorkerRequest, 'job'>;
  output?: AnyOutput;
  settle: { resolve(o: AnyOutput): void; reject(e: Error): void };
  promise: Promise<AnyOutput>;
}

/** The worker script: the TypeScript source when running from source (tests), else the bundle beside this one (scripts/build.mjs). */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./worker.ts', here) : new URL('./analysis-worker.mjs', here);
}

export class AnalysisRunner {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private seq = 0;
  private current: number | null = null;

  start<K extends TaskKind>(kind: K, input: TaskInput[K]): number {
    const id = ++this.seq;
    let settle!: Job['settle'];
    const promise = new Promise<AnyOutput>((resolve, reject) => {
      settle = { resolve, reject };
    });
    promise.catch(() => undefined); // a cancelled job nobody waits for is not an unhandled rejection
    this.jobs.set(id, { request: { kind, input } as Job['request'], state: 'queued', stage: 'queued', share: 0, settle, promise });
    this.pump();
    return id;
  }

  status(id: number): JobStatus | undefined {
    const j = this.jobs.get(id);
    return j && { state: j.state, stage: j.stage, share: j.share, ...(j.error ? { error: j.error } : {}) };
  }

  /** The job's output; K says which kind of job `id` is. */
  wait<K extends TaskKind>(id: number): Promise<TaskOutput[K]> {
    const j = this.jobs.get(id);
    return (j ? j.promise : Promise.reject(new Error(`no analysis job ${id}`))) as Promise<TaskOutput[K]>;
  }

  run<K extends TaskKind>(kind: K, input: TaskInput[K]): Promise<TaskOutput[K]> {
    return this.wait<K>(this.start(kind, input));
  }

  cancel(id: number): boolean {
    const j = this.jobs.get(id);
    if (!j || (j.state !== 'queued' && j.state !== 'running')) return false;
    if (j.state === 'running') {
      void this.worker?.terminate();
      this.worker = null;
      this.current = null;
    }
    this.finish(id, 'cancelled', new Error('cancelled'));
    this.pump();
    return true;
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
    for (const [id, j] of this.jobs) if (j.state === 'queued' || j.state === 'running') this.finish(id, 'cancelled', new Error('closed'));
  }

  private finish(id: number, state: JobState, error?: Error, output?: AnyOutput): void {
    const j = this.jobs.get(id)!;
    Object.assign(j, { state, share: state === 'done' ? 1 : j.share, ...(error ? { error: error.message } : {}), ...(output ? { output } : {}) });
    if (output) j.settle.resolve(output);
    else j.settle.reject(error ?? new Error(state));
    // Keep finished jobs a while for status calls, not forever.
    for (const old of [...this.jobs.keys()].filter((k) => k < id - 20)) this.jobs.delete(old);
  }

  private pump(): void {
    if (this.current !== null) return;
    const next = [...this.jobs.entries()].find(([, j]) => j.state === 'queued');
    if (!next) return;
    const [id, job] = next;
    this.current = id;
    job.state = 'running';
    const w = this.ensureWorker();
    w.ref(); // a running job keeps the process (the CLI) alive until it answers
    w.postMessage({ job: id, ...job.request } as WorkerRequest);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(workerUrl());
    w.on('message', (reply: WorkerReply) => {
      let m = reply;
      const j = this.jobs.get(m.job);
      if (j?.state !== 'running') return;
      if (m.kind === 'progress') {
        j.stage = m.stage;
        j.share = m.share;
        return;
      }
      // The road graph was to be read from its store beside the plan but could not be: send the segments and run again.
      const net = (j.request.input as { network?: NetworkInput | null }).network;
      if (m.kind === 'failed' && net?.omitted && net[LOAD_NETWORK] && m.message.includes(NEED_NETWORK_DATA)) {
        try {
          net.data = net[LOAD_NETWORK]();
          net.omitted = false;
          w.postMessage({ job: m.job, ...j.request } as WorkerRequest);
          return;
        } catch (e) {
          m = { job: m.job, kind: 'failed', message: e instanceof Error ? e.message : String(e) };
        }
      }
      this.current = null;
      w.unref(); // an idle worker never keeps the CLI or a test alive
      if (m.kind === 'done') this.finish(m.job, 'done', undefined, m.output);
      else this.finish(m.job, 'failed', new Error(m.message));
      this.pump();
    });
    w.on('error', (e) => {
      if (this.current !== null) this.finish(this.current, 'failed', e);
      this.current = null;
      this.worker = null;
      this.pump();
    });
    this.worker = w;
    return w;
  }
}
