/**
 * HiGHS (the `highs` package: the HiGHS LP/MIP solver compiled to WebAssembly) as the siting
 * engine's MipSolver. Here rather than in shared/siting because its loader reads highs.wasm with
 * node:fs (beside its own module file, so it also works with the backend bundled: the package is
 * external and stays in node_modules). Loading takes ~0.1 s once; each solve then blocks its thread
 * synchronously, so run siting in a worker.
 *
 * The models go in as arrays (passModel on a persistent instance), not as LP text: no formatting
 * and parsing of a large string, and the instance gives the MIP's dual bound, which the one-shot
 * `solve(lpString)` does not.
 *
 * Entry point: `const solver = await loadMipSolver()` before each siting job, then
 * `solveSiting(problem, { …, solver })`.
 *
 * WebAssembly memory only grows: a large model leaves the runtime holding what it needed (1.5 GB
 * for a p-median LP of 650,000 rows), and a runtime that aborted (out of its 2 GB, or a native
 * exception) is unusable. Either way the runtime is dropped, and the next loadMipSolver() loads a
 * fresh one; a solve that threw reports 'failed', and the heuristic's answer stands.
 */
import highsLoader, { type Highs } from 'highs';
import type { MipModel, MipOptions, MipResult, MipSolver } from '../../../shared/siting/mip.ts';

/** Above this, a runtime is replaced before the next job. */
const MEMORY_LIMIT_BYTES = 512 * 2 ** 20;

let loading: Promise<Highs> | undefined;
let stale = false;

export async function loadMipSolver(): Promise<MipSolver> {
  if (stale) {
    loading = undefined;
    stale = false;
  }
  const mine = (loading ??= highsLoader());
  const highs = await mine;
  return (model, opts) => {
    try {
      return solveWithHighs(highs, model, opts);
    } catch {
      if (loading === mine) stale = true;
      return { status: 'failed', objective: NaN, bound: NaN, x: null };
    } finally {
      if (loading === mine && highs.memoryBytes > MEMORY_LIMIT_BYTES) stale = true;
    }
  };
}

export function solveWithHighs(highs: Highs, model: MipModel, opts: MipOptions): MipResult {
  const numCols = model.colCost.length,
    numRows = model.rowLower.length;
  const { constants } = highs;
  const h = highs.createModel();
  try {
    h.passModel({
      numCols,
      numRows,
      sense: model.sense === 'maximize' ? constants.objectiveSense.maximize : constants.objectiveSense.minimize,
      offset: model.offset,
      colCost: model.colCost,
      colLower: model.colLower,
      colUpper: model.colUpper,
      rowLower: model.rowLower,
      rowUpper: model.rowUpper,
      matrix: { format: 'csr', numRows, numCols, starts: model.rowStart, indices: model.index, values: model.value },
      integrality: Int32Array.from(model.integer),
    });
    h.options.set({ output_flag: false, time_limit: Math.max(0.001, opts.timeLimitSeconds), mip_rel_gap: opts.relGap });
    if (model.start) h.setSolution({ colValue: model.start });
    h.run();
    const status = h.getModelStatus();
    const s = constants.modelStatus;
    const hasSolution = Number(h.info.get('primal_solution_status')) === constants.solutionStatus.feasible;
    const objective = hasSolution ? h.getObjectiveValue() : NaN;
    const isMip = model.integer.some((v) => v === 1);
    const dual = isMip ? Number(h.info.get('mip_dual_bound')) : objective;
    return {
      status:
        status === s.optimal
          ? 'optimal'
          : status === s.infeasible
            ? 'infeasible'
            : status === s.timeLimit || status === s.iterationLimit || status === s.interrupted
              ? 'time_limit'
              : 'failed',
      objective,
      bound: status === s.optimal && !isMip ? objective : dual,
      x: hasSolution ? h.getSolution().colValue : null,
    };
  } finally {
    h.dispose();
  }
}
