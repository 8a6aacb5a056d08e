// Hand-made coverage sets for the siting tests: pairs [candidate, demand point, seconds].
export { mulberry32 as prng } from '../../../shared/sample/prng.ts';
import type { CoverageSets } from '../../../shared/siting/coverage-sets.ts';

export function setsFrom(candidates: number, points: number, pairs: readonly (readonly [number, number, number])[]): CoverageSets {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const offsets = new Uint32Array(candidates + 1);
  for (const [c] of sorted) offsets[c + 1]!++;
  for (let c = 0; c < candidates; c++) offsets[c + 1]! += offsets[c]!;
  return {
    candidateCount: candidates,
    demandCount: points,
    offsets,
    demand: Uint32Array.from(sorted, (p) => p[1]),
    seconds: Float64Array.from(sorted, (p) => p[2]),
  };
}

/** Coverage sets where candidate c covers the listed points, all at 60 s (thresholds 600 s). */
export function coverFrom(points: number, rows: readonly (readonly number[])[]): CoverageSets {
  return setsFrom(
    rows.length,
    points,
    rows.flatMap((r, c) => r.map((d) => [c, d, 60] as const)),
  );
}

export const f64 = (xs: readonly number[]) => Float64Array.from(xs);
export const filled = (n: number, v: number) => new Float64Array(n).fill(v);

/** All k-subsets of 0 … m−1, in lexicographic order. */
export function* subsets(m: number, k: number): Generator<number[]> {
  const s = Array.from({ length: k }, (_, i) => i);
  if (k > m) return;
  for (;;) {
    yield s.slice();
    let i = k - 1;
    while (i >= 0 && s[i] === m - k + i) i--;
    if (i < 0) return;
    s[i]!++;
    for (let j = i + 1; j < k; j++) s[j] = s[j - 1]! + 1;
  }
}

/** A random instance: each (candidate, point) pair with probability `density`, seconds 0–900. */
export function randomProblem(rand: () => number, m: number, n: number, density: number) {
  const pairs: [number, number, number][] = [];
  for (let c = 0; c < m; c++) for (let d = 0; d < n; d++) if (rand() < density) pairs.push([c, d, Math.round(rand() * 900)]);
  const population = Float64Array.from({ length: n }, () => 1 + Math.floor(rand() * 100));
  const thresholdSeconds = Float64Array.from({ length: n }, () => (rand() < 0.5 ? 300 : 600));
  const existingSeconds = Float64Array.from({ length: n }, () => (rand() < 0.2 ? Math.round(rand() * 900) : Infinity));
  return { sets: setsFrom(m, n, pairs), population, thresholdSeconds, existingSeconds };
}

type Problem = ReturnType<typeof randomProblem>;

/** Brute force: people newly covered by these sites (uncapacitated). */
export function coveredBy(p: Problem, sites: readonly number[]): number {
  const { sets, population, thresholdSeconds: thr, existingSeconds: ex } = p;
  const hit = new Uint8Array(sets.demandCount);
  for (const c of sites) for (let i = sets.offsets[c]!; i < sets.offsets[c + 1]!; i++) if (sets.seconds[i]! <= thr[sets.demand[i]!]!) hit[sets.demand[i]!] = 1;
  let sum = 0;
  for (let d = 0; d < sets.demandCount; d++) if (hit[d] && !(ex[d]! <= thr[d]!)) sum += population[d]!;
  return sum;
}

/** Brute force: Σ people × min(existing, cutoff, nearest site). */
export function pMedianCost(p: Problem, sites: readonly number[], cutoff: number): number {
  const { sets, population, existingSeconds: ex } = p;
  const best = Float64Array.from(ex, (e) => Math.min(e, cutoff));
  for (const c of sites)
    for (let i = sets.offsets[c]!; i < sets.offsets[c + 1]!; i++) best[sets.demand[i]!] = Math.min(best[sets.demand[i]!]!, sets.seconds[i]!);
  let sum = 0;
  for (let d = 0; d < sets.demandCount; d++) sum += population[d]! * best[d]!;
  return sum;
}

/**
 * Brute force for capacity: the most people these sites can serve, each site at most its capacity,
 * a point only from a site within its threshold and only if not covered before — a max flow
 * (source → site → point → sink), by augmenting paths.
 */
export function capacitatedCover(p: Problem, sites: readonly number[], capacity: Float64Array): number {
  const { sets, population, thresholdSeconds: thr, existingSeconds: ex } = p;
  const n = sets.demandCount,
    k = sites.length;
  // Nodes: 0 source, 1..k sites, k+1..k+n points, k+n+1 sink.
  const N = k + n + 2,
    sink = N - 1;
  const cap = Array.from({ length: N }, () => new Float64Array(N));
  sites.forEach((c, i) => {
    cap[0]![i + 1] = capacity[c]!;
    for (let j = sets.offsets[c]!; j < sets.offsets[c + 1]!; j++) {
      const d = sets.demand[j]!;
      if (sets.seconds[j]! <= thr[d]! && !(ex[d]! <= thr[d]!)) cap[i + 1]![k + 1 + d] = Infinity;
    }
  });
  for (let d = 0; d < n; d++) cap[k + 1 + d]![sink] = population[d]!;
  let flow = 0;
  for (;;) {
    const prev = new Int32Array(N).fill(-1);
    prev[0] = 0;
    const queue = [0];
    while (queue.length > 0 && prev[sink]! < 0) {
      const u = queue.shift()!;
      for (let v = 0; v < N; v++)
        if (prev[v]! < 0 && cap[u]![v]! > 1e-9) {
          prev[v] = u;
          queue.push(v);
        }
    }
    if (prev[sink]! < 0) return flow;
    let push = Infinity;
    for (let v = sink; v !== 0; v = prev[v]!) push = Math.min(push, cap[prev[v]!]![v]!);
    for (let v = sink; v !== 0; v = prev[v]!) {
      cap[prev[v]!]![v]! -= push;
      cap[v]![prev[v]!]! += push;
    }
    flow += push;
  }
}
