/**
 * The access worker thread: runs computeAccess off the main thread (Electron's main process, the web
 * door's event loop), posts progress, and keeps its graph cache between jobs.
 */
import { parentPort } from 'node:worker_threads';
import { computeAccess, type ComputeInput } from './compute.ts';

export type WorkerRequest = { job: number; input: ComputeInput };
export type WorkerReply =
  | { job: number; kind: 'progress'; stage: string; share: number }
  | { job: number; kind: 'done'; output: ReturnType<typeof computeAccess> }
  | { job: number; kind: 'failed'; message: string };

parentPort!.on('message', ({ job, input }: WorkerRequest) => {
  try {
    const output = computeAccess(input, (stage, share) => parentPort!.postMessage({ job, kind: 'progress', stage, share } satisfies WorkerReply));
    parentPort!.postMessage({ job, kind: 'done', output } satisfies WorkerReply);
  } catch (e) {
    parentPort!.postMessage({ job, kind: 'failed', message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies WorkerReply);
  }
});
