// The exact models through HiGHS (WebAssembly, loaded by the backend glue), against brute force.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMipSolver } from '../../../electron/backend/siting/exact.ts';
import { type MipSolver, type SitingProblem, solveSiting, transpose } from '../../../shared/siting/index.ts';
import { buildInstance } from '../../../shared/siting/instance.ts';
import { lscpModel, mclpModel, openedIn, pMedianModel } from '../../../shared/siting/mip.ts';
import { capacitatedCover, coverFrom, coveredBy, f64, filled, pMedianCost, prng, randomProblem, setsFrom, subsets } from './helpers.ts';

let solver: MipSolver;
beforeAll(async () => {
  solver = await loadMipSolver();
});

const best = <T>(xs: Iterable<T>, score: (x: T) => number, better: (a: number, b: number) => boolean) => {
  let top = NaN;
  for (const x of xs) {
    const s = score(x);
    if (Number.isNaN(top) || better(s, top)) top = s;
  }
  return top;
};

describe('exact models (HiGHS) against brute force on random small instances', () => {
  const M = 8,
    N = 30;
  for (let seed = 1; seed <= 12; seed++) {
    it(`seed ${seed}: heuristic ≤ exact = brute-force optimum ≤ heuristic bound, for MCLP, LSCP and p-median`, () => {
      const p = randomProblem(prng(seed), M, N, 0.3);
      // MCLP, k = 3.
      const optimum = best(
        subsets(M, 3),
        (s) => coveredBy(p, s),
        (a, b) => a > b,
      );
      const h = solveSiting(p, { model: 'mclp', k: 3, exact: 'never' });
      const e = solveSiting(p, { model: 'mclp', k: 3, solver });
      expect(e.objective).toBeCloseTo(optimum, 6);
      expect(e.optimal).toBe(true);
      expect(h.objective).toBeLessThanOrEqual(optimum + 1e-9);
      expect(h.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
      expect(coveredBy(p, e.chosen)).toBeCloseTo(e.objective, 6);

      // LSCP: the fewest sites covering every point some candidate covers.
      const need = coveredBy(
        p,
        Array.from({ length: M }, (_, c) => c),
      );
      let fewest = M;
      for (let k = 0; k <= M && fewest === M; k++)
        for (const s of subsets(M, k))
          if (coveredBy(p, s) === need) {
            fewest = k;
            break;
          }
      const hl = solveSiting(p, { model: 'lscp', exact: 'never' });
      const el = solveSiting(p, { model: 'lscp', solver });
      expect(el.objective).toBe(fewest);
      expect(el.optimal).toBe(true);
      expect(coveredBy(p, el.chosen)).toBe(need);
      expect(hl.objective).toBeGreaterThanOrEqual(fewest);
      expect(hl.bound).toBeLessThanOrEqual(fewest);
      expect(coveredBy(p, hl.chosen)).toBe(need);

      // p-median, k = 2, cutoff 600 s (the sets hold pairs up to 900 s: beyond 600 counts as 600).
      const least = best(
        subsets(M, 2),
        (s) => pMedianCost(p, s, 600),
        (a, b) => a < b,
      );
      const hp = solveSiting(p, { model: 'pmedian', k: 2, cutoffSeconds: 600, exact: 'never' });
      const ep = solveSiting(p, { model: 'pmedian', k: 2, cutoffSeconds: 600, solver });
      expect(ep.objective).toBeCloseTo(least, 6);
      expect(ep.optimal).toBe(true);
      expect(hp.objective).toBeGreaterThanOrEqual(least - 1e-9);
      expect(hp.bound).toBeLessThanOrEqual(least + 1e-6);
      expect(pMedianCost(p, hp.chosen, 600)).toBeCloseTo(hp.objective, 6);
    });
  }

  for (let seed = 1; seed <= 6; seed++) {
    it(`seed ${seed}: capacitated MCLP — exact = brute-force max flow, capacities respected, heuristic below`, () => {
      const rand = prng(100 + seed);
      const p = randomProblem(rand, 7, 25, 0.35);
      const capacity = Float64Array.from({ length: 7 }, () => 50 + Math.floor(rand() * 250));
      const optimum = best(
        subsets(7, 2),
        (s) => capacitatedCover(p, s, capacity),
        (a, b) => a > b,
      );
      const problem = { ...p, capacity };
      const h = solveSiting(problem, { model: 'mclp', k: 2, exact: 'never' });
      const e = solveSiting(problem, { model: 'mclp', k: 2, solver });
      expect(e.objective).toBeCloseTo(optimum, 5);
      expect(e.optimal).toBe(true);
      // The MIP runs unless the heuristic's answer is already proven optimal; its answer is no heuristic's.
      expect(e.solver).toBe(h.optimal ? 'greedy+swap' : 'highs');
      if (e.solver === 'highs') expect(e.notes).not.toContain('capacity_heuristic');
      for (const r of [h, e]) {
        r.chosen.forEach((c, i) => expect(r.newlyCovered[i]).toBeLessThanOrEqual(capacity[c]! + 1e-6));
        expect(r.coveredAfter - r.coveredBefore).toBeCloseTo(r.objective, 6);
      }
      expect(h.objective).toBeLessThanOrEqual(optimum + 1e-9);
      expect(h.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
    });
  }
});

describe('the MIP formulations, solved directly (whether or not the heuristic would already be proven optimal)', () => {
  const relGap = { timeLimitSeconds: 30, relGap: 0 };
  for (let seed = 1; seed <= 8; seed++) {
    it(`seed ${seed}: MCLP, LSCP and p-median models reach the brute-force optimum`, () => {
      const M = 10,
        N = 40;
      const p = randomProblem(prng(1000 + seed), M, N, 0.25);
      const columns = transpose(p.sets);
      const before = Uint8Array.from(p.existingSeconds, (e, d) => (e <= p.thresholdSeconds[d]! ? 1 : 0));
      const cover = buildInstance({
        candidateCount: M,
        columns,
        weight: p.population.map((w, d) => (before[d] ? 0 : w)),
        base: filled(N, 1),
        cost: 'cover',
        limit: p.thresholdSeconds,
      });

      const mclp = solver(mclpModel(cover, 3), relGap);
      expect(mclp.status).toBe('optimal');
      expect(mclp.objective).toBeCloseTo(
        best(
          subsets(M, 3),
          (s) => coveredBy(p, s),
          (a, b) => a > b,
        ),
        6,
      );
      expect(coveredBy(p, openedIn(mclp.x!, M))).toBeCloseTo(mclp.objective, 6);

      const lscp = solver(lscpModel(cover), relGap);
      const need = coveredBy(
        p,
        Array.from({ length: M }, (_, c) => c),
      );
      let fewest = M;
      for (let k = 0; k <= M && fewest === M; k++)
        for (const s of subsets(M, k))
          if (coveredBy(p, s) === need) {
            fewest = k;
            break;
          }
      expect(lscp.objective).toBeCloseTo(fewest, 6);
      expect(coveredBy(p, openedIn(lscp.x!, M))).toBe(need);

      const base = p.existingSeconds.map((e) => Math.min(e, 600));
      const time = buildInstance({ candidateCount: M, columns, weight: p.population, base, cost: 'time' });
      let outside = 0;
      time.groupOf.forEach((g, d) => {
        if (g < 0) outside += p.population[d]! * base[d]!;
      });
      const pm = solver(pMedianModel(time, 2), relGap);
      expect(pm.objective + outside).toBeCloseTo(
        best(
          subsets(M, 2),
          (s) => pMedianCost(p, s, 600),
          (a, b) => a < b,
        ),
        4,
      );
      expect(pMedianCost(p, openedIn(pm.x!, M), 600)).toBeCloseTo(pm.objective + outside, 4);
    });
  }
});

describe('the exact path', () => {
  it('respects capacity where the uncapacitated answer would not', () => {
    // Candidate 0 reaches all four points (40 people) with room for 15; candidates 1 and 2 reach
    // two points each with room for 20. k = 2: uncapacitated, {0, anything} covers 40; with
    // capacity the best is {1, 2} = 40 (0 would take only 15 + 20 = 35).
    const p: SitingProblem = {
      sets: coverFrom(4, [
        [0, 1, 2, 3],
        [0, 1],
        [2, 3],
      ]),
      population: filled(4, 10),
      thresholdSeconds: filled(4, 600),
      capacity: f64([15, 20, 20]),
    };
    const r = solveSiting(p, { model: 'mclp', k: 2, solver, exact: 'always' });
    expect(r.chosen).toEqual([1, 2]);
    expect(r.objective).toBeCloseTo(40, 6);
    expect(r.newlyCovered.map((x) => Math.round(x))).toEqual([20, 20]);
  });

  it('skips the MIP when the heuristic is already proven optimal, and runs it on a gap', () => {
    let calls = 0;
    const counting: MipSolver = (m, o) => {
      calls++;
      return solver(m, o);
    };
    const easy: SitingProblem = { sets: coverFrom(2, [[0], [1]]), population: f64([1, 2]), thresholdSeconds: filled(2, 600) };
    expect(solveSiting(easy, { model: 'mclp', k: 2, solver: counting }).solver).toBe('greedy+swap');
    expect(calls).toBe(0);
    const trap: SitingProblem = {
      sets: coverFrom(5, [
        [1, 2, 4],
        [0, 1],
        [2, 3],
      ]),
      population: f64([10, 10, 10, 10, 1]),
      thresholdSeconds: filled(5, 600),
    };
    const r = solveSiting(trap, { model: 'mclp', k: 2, solver: counting, maxSwaps: 0, boundTimeLimitMs: 0 });
    expect(calls).toBe(1);
    expect(r.solver).toBe('highs');
    expect(r.chosen).toEqual([1, 2]);
    expect(r.objective).toBe(40);
    expect(r.optimal).toBe(true);
  });

  const gapped: SitingProblem = {
    sets: coverFrom(5, [
      [1, 2, 4],
      [0, 1],
      [2, 3],
    ]),
    population: f64([10, 10, 10, 10, 1]),
    thresholdSeconds: filled(5, 600),
  };
  const noBound = { model: 'mclp', k: 2, maxSwaps: 0, boundTimeLimitMs: 0, exact: 'always' } as const;

  it('keeps the heuristic’s answer when the solver fails, and says so', () => {
    const failing: MipSolver = () => ({ status: 'failed', objective: NaN, bound: NaN, x: null });
    const r = solveSiting(gapped, { ...noBound, solver: failing });
    expect(r.solver).toBe('greedy+swap');
    expect(r.objective).toBe(31);
    expect(r.notes).toContain('exact_failed');
  });

  it('at a time limit, takes a better incumbent and the tighter bound', () => {
    // A solver that stops early with {1, 2} (40) and a bound of 40.5.
    const stopped: MipSolver = (m) => {
      const x = new Float64Array(m.colCost.length);
      x[1] = 1;
      x[2] = 1;
      return { status: 'time_limit', objective: 40, bound: 40.5, x };
    };
    const r = solveSiting(gapped, { ...noBound, solver: stopped });
    expect(r.chosen).toEqual([1, 2]);
    expect(r.objective).toBe(40);
    expect(r.bound).toBe(40.5);
    expect(r.optimal).toBe(false);
    expect(r.notes).toContain('exact_time_limit');
  });

  it('needs a solver for exact "always"; "auto" leaves a large instance to the heuristic', () => {
    expect(() => solveSiting(gapped, { model: 'mclp', k: 2, exact: 'always' })).toThrow(/solver/);
    const r = solveSiting(gapped, { model: 'mclp', k: 2, solver, exactMaxGroups: 2, maxSwaps: 0, boundTimeLimitMs: 0 });
    expect(r.solver).toBe('greedy+swap');
    expect(r.notes).toContain('exact_too_large');
  });

  it('reports the merged size: identical points become one group', () => {
    // Points 0–2 are covered by exactly candidates {0, 1}; point 3 by {1} only.
    const p: SitingProblem = {
      sets: setsFrom(2, 4, [
        [0, 0, 60],
        [0, 1, 60],
        [0, 2, 120],
        [1, 0, 60],
        [1, 1, 60],
        [1, 2, 60],
        [1, 3, 60],
      ]),
      population: f64([1, 2, 3, 4]),
      thresholdSeconds: filled(4, 600),
    };
    const r = solveSiting(p, { model: 'mclp', k: 1, solver, exact: 'always' });
    expect(r.groups).toBe(2);
    expect(r.chosen).toEqual([1]);
    expect(r.objective).toBe(10);
  });
});
