/**
 * 拉格朗日上界: a second proven bound for MCLP and p-median on the common form, usually much
 * tighter than the submodular one when sites overlap a lot (many people within reach of several).
 *
 * Written as "max saving": Σ_cg v_cg x_cg with v_cg = w_g (base_g − cost_cg), Σ_c x_cg ≤ 1 per
 * group, x_cg ≤ y_c, Σ y ≤ k. Relaxing "each group served at most once" with λ_g ≥ 0 leaves
 *   L(λ) = Σ_g λ_g + the k largest ρ_c,  ρ_c = Σ_g max(0, v_cg − λ_g),
 * an upper bound on the best saving for every λ ≥ 0 (at the best λ, the LP relaxation's).
 * Starting from λ_g = the saving group g gets from the heuristic's sites, L is exactly the online
 * bound at those sites; subgradient steps (Polyak's, towards the heuristic's saving) lower it, and
 * the least L seen is the bound. Each step is one pass over the pairs.
 */
import type { Instance } from './instance.ts';
import { Search } from './search.ts';

export interface LagrangeOptions {
  k: number;
  /** A saving some k sites achieve (the heuristic's): the steps aim at it. */
  target: number;
  /** The heuristic's sites, to start from (default: none, λ = 0). */
  sites?: readonly number[];
  /** Steps at most (default 300) and Date.now() after which to stop (default: none). */
  maxSteps?: number;
  deadline?: number;
}

export function lagrangianBound(inst: Instance, opts: LagrangeOptions): number {
  const { candidateCount: m, groupCount: G, rowStart, rowGroup, rowCost, weight, base } = inst;
  const k = Math.min(opts.k, m);
  const pairs = rowStart[m]!;
  const value = new Float64Array(pairs);
  for (let r = 0; r < pairs; r++) {
    const g = rowGroup[r]!;
    value[r] = weight[g]! * (base[g]! - rowCost[r]!);
  }
  const lambda = new Float64Array(G),
    step = new Float64Array(G),
    rho = new Float64Array(m);
  if (opts.sites && opts.sites.length > 0) {
    const s = new Search(inst);
    for (const c of opts.sites) s.add(c);
    for (let g = 0; g < G; g++) lambda[g] = weight[g]! * (base[g]! - s.cur[g]!);
  }
  const top = new Int32Array(Math.max(1, k));
  const maxSteps = opts.maxSteps ?? 300,
    deadline = opts.deadline ?? Infinity;
  let best = Infinity,
    mu = 2,
    sinceBetter = 0;
  const tol = 1e-9 * Math.max(1, opts.target);
  for (let it = 0; it < maxSteps; it++) {
    let L = 0;
    for (let g = 0; g < G; g++) L += lambda[g]!;
    for (let c = 0; c < m; c++) {
      let sum = 0;
      for (let r = rowStart[c]!, end = rowStart[c + 1]!; r < end; r++) {
        const x = value[r]! - lambda[rowGroup[r]!]!;
        if (x > 0) sum += x;
      }
      rho[c] = sum;
    }
    const chosen = topK(rho, k, top);
    for (let i = 0; i < chosen; i++) L += rho[top[i]!]!;
    if (L < best - tol) {
      best = L;
      sinceBetter = 0;
    } else if (++sinceBetter >= 20) {
      mu /= 2;
      sinceBetter = 0;
    }
    if (best - opts.target <= tol || mu < 1e-4 || Date.now() > deadline) break;
    // Subgradient: 1 − (how many chosen sites would take group g).
    step.fill(1);
    for (let i = 0; i < chosen; i++) {
      const c = top[i]!;
      for (let r = rowStart[c]!, end = rowStart[c + 1]!; r < end; r++) {
        const g = rowGroup[r]!;
        if (value[r]! > lambda[g]!) step[g]!--;
      }
    }
    let norm = 0;
    for (let g = 0; g < G; g++) {
      const s = step[g]!;
      if (s > 0 && lambda[g] === 0) step[g] = 0;
      else norm += s * s;
    }
    if (norm === 0) break; // λ is optimal: L(λ) is the bound
    const t = (mu * Math.max(L - opts.target, tol)) / norm;
    for (let g = 0; g < G; g++) {
      const x = lambda[g]! - t * step[g]!;
      lambda[g] = x > 0 ? x : 0;
    }
  }
  return best;
}

/** The k largest values' indices into `out` (ties: the lower index); returns how many (≤ k). */
function topK(values: Float64Array, k: number, out: Int32Array): number {
  let n = 0;
  for (let c = 0; c < values.length; c++) {
    const x = values[c]!;
    if (n === k && !(x > values[out[n - 1]!]!)) continue;
    let i = n < k ? n++ : n - 1;
    while (i > 0 && values[out[i - 1]!]! < x) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = c;
  }
  return n;
}
