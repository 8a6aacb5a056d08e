/**
 * The analysis worker thread: runs access and siting jobs off the main thread (Electron's main
 * process, the web door's event loop), posts progress, and keeps its road graph between jobs.
 */
import { parentPort } from 'node:worker_threads';
import { computeAccess, type ComputeInput, type ComputeOutput } from '../access/compute.ts';
import { computeSiting, type SitingComputeInput, type SitingComputeOutput } from '../siting/compute.ts';
import { computeReferral, type ReferralComputeInput, type ReferralComputeOutput } from '../referral/compute.ts';

/** What each kind of job takes and gives. */
export interface TaskInput {
  access: ComputeInput;
  siting: SitingComputeInput;
  referral: ReferralComputeInput;
}
export interface TaskOutput {
  access: ComputeOutput;
  siting: SitingComputeOutput;
  referral: ReferralComputeOutput;
}
export type TaskKind = keyof TaskInput;

export type WorkerRequest = { [K in TaskKind]: { job: number; kind: K; input: TaskInput[K] } }[TaskKind];
export type WorkerReply =
  | { job: number; kind: 'progress'; stage: string; share: number }
  | { job: number; kind: 'done'; output: TaskOutput[TaskKind] }
  | { job: number; kind: 'failed'; message: string };

parentPort!.on('message', async (req: WorkerRequest) => {
  const { job } = req;
  const progress = (stage: string, share: number) => parentPort!.postMessage({ job, kind: 'progress', stage, share } satisfies WorkerReply);
  try {
    const output =
      req.kind === 'access'
        ? computeAccess(req.input, progress)
        : req.kind === 'referral'
          ? computeReferral(req.input, progress)
          : await computeSiting(req.input, progress);
    parentPort!.postMessage({ job, kind: 'done', output } satisfies WorkerReply);
  } catch (e) {
    parentPort!.postMessage({ job, kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply);
  }
});
