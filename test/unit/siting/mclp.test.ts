import { describe, expect, it } from 'vitest';
import { type SitingProblem, solveSiting } from '../../../shared/siting/index.ts';
import { coverFrom, f64, filled, setsFrom } from './helpers.ts';

// MCLP instances drawn as "candidate c covers points …", every pair at 60 s, thresholds 600 s.

describe('MCLP: greedy, swaps and the bound', () => {
  // The greedy trap. Points 0–3 have 10 people each, point 4 one person.
  //   candidate 0 covers {1, 2, 4} = 21, candidate 1 covers {0, 1} = 20, candidate 2 covers {2, 3} = 20.
  // k = 2. Greedy takes 0 (21), then 1 or 2 each add 10 (tie: 1) → 31.
  // The optimum is {1, 2} = 40 (one swap: 0 out, 2 in). Online bound, the best over the steps:
  //   ∅: 21 + 20 = 41; {0}: 21 + 10 + 10 = 41; {0, 1}: 31 + 10 (cand. 2) + 0 = 41; after the swap
  //   {1, 2}: 40 + 1 (cand. 0 adds point 4) = 41 → 41. The Lagrangian bound reaches 40.
  const trap: SitingProblem = {
    sets: coverFrom(5, [
      [1, 2, 4],
      [0, 1],
      [2, 3],
    ]),
    population: f64([10, 10, 10, 10, 1]),
    thresholdSeconds: filled(5, 600),
  };

  it('greedy alone falls into the trap; the online bound says how far it may be', () => {
    const r = solveSiting(trap, { model: 'mclp', k: 2, maxSwaps: 0, boundTimeLimitMs: 0 });
    expect(r.chosen).toEqual([0, 1]);
    expect(r.objective).toBe(31);
    expect(r.bound).toBe(41);
    expect(r.gap).toBeCloseTo(10 / 41, 12);
    expect(r.optimal).toBe(false);
    expect(r.solver).toBe('greedy+swap');
  });

  it('a swap finds the optimum, and the Lagrangian bound proves it', () => {
    const online = solveSiting(trap, { model: 'mclp', k: 2, boundTimeLimitMs: 0 });
    expect(online.chosen).toEqual([2, 1]); // the new site takes the place of the one it replaced
    expect(online.objective).toBe(40);
    expect(online.swaps).toBe(1);
    expect(online.bound).toBe(41);
    const r = solveSiting(trap, { model: 'mclp', k: 2 });
    expect(r.objective).toBe(40);
    expect(r.bound).toBeCloseTo(40, 6);
    expect(r.optimal).toBe(true);
    expect(r.newlyCovered).toEqual([20, 20]);
    expect(r.coveredAfter).toBe(40);
    expect(r.totalPopulation).toBe(41);
  });

  it('breaks ties by the lower candidate index', () => {
    // Candidates 0 and 2 cover the same points, 1 as many people elsewhere.
    const p: SitingProblem = {
      sets: coverFrom(4, [
        [0, 1],
        [2, 3],
        [0, 1],
      ]),
      population: f64([5, 5, 5, 5]),
      thresholdSeconds: filled(4, 600),
    };
    expect(solveSiting(p, { model: 'mclp', k: 1 }).chosen).toEqual([0]);
    expect(solveSiting(p, { model: 'mclp', k: 2 }).chosen).toEqual([0, 1]);
  });

  it('reports demand no candidate can reach as unreachable, and covers the rest', () => {
    // Point 2 (7 people) has no candidate within its threshold.
    const p: SitingProblem = { sets: coverFrom(3, [[0], [1]]), population: f64([3, 4, 7]), thresholdSeconds: filled(3, 600) };
    const r = solveSiting(p, { model: 'mclp', k: 2 });
    expect(r.unreachable).toBe(7);
    expect(Array.from(r.unreachablePoints)).toEqual([2]);
    expect(r.coveredAfter).toBe(7);
    expect(r.objective).toBe(7);
    expect(r.optimal).toBe(true);
  });

  it('adds nothing where an existing facility already covers everyone', () => {
    const p: SitingProblem = { ...coverFromTrap(), existingSeconds: filled(5, 300) };
    const r = solveSiting(p, { model: 'mclp', k: 3 });
    expect(r.chosen).toEqual([]);
    expect(r.objective).toBe(0);
    expect(r.coveredBefore).toBe(41);
    expect(r.coveredAfter).toBe(41);
    expect(r.optimal).toBe(true);
    expect(r.notes).toContain('fewer_sites_suffice');
    expect(Array.from(r.site)).toEqual([-1, -1, -1, -1, -1]);
  });

  it('stops when fewer than k sites already cover every coverable person', () => {
    const r = solveSiting(trap, { model: 'mclp', k: 5 });
    // 0 (21), then 1 (point 0: 10, tied with 2), then 2 (point 3: 10) → all 41 with three sites of five.
    expect(r.chosen).toEqual([0, 1, 2]);
    expect(r.objective).toBe(41);
    expect(r.optimal).toBe(true);
    expect(r.notes).toContain('fewer_sites_suffice');
  });

  it('applies each point’s own threshold: 700 s covers a rural point (1800 s), not an urban one (600 s)', () => {
    const p: SitingProblem = {
      sets: setsFrom(1, 2, [
        [0, 0, 700],
        [0, 1, 700],
      ]),
      population: f64([10, 20]),
      thresholdSeconds: f64([600, 1800]),
    };
    const r = solveSiting(p, { model: 'mclp', k: 1 });
    expect(r.objective).toBe(20);
    expect(Array.from(r.site)).toEqual([-1, 0]);
    expect(r.unreachable).toBe(10);
  });

  it('counts only people an existing facility does not already cover', () => {
    // Point 0 is covered before (existing at 100 s); points 1 and 2 are reached by both candidates.
    const p: SitingProblem = {
      sets: setsFrom(2, 3, [
        [0, 0, 50],
        [0, 1, 100],
        [0, 2, 500],
        [1, 1, 200],
        [1, 2, 100],
      ]),
      population: f64([100, 10, 10]),
      thresholdSeconds: filled(3, 600),
      existingSeconds: f64([100, Infinity, Infinity]),
    };
    const r = solveSiting(p, { model: 'mclp', k: 2 });
    expect(r.objective).toBe(20);
    expect(r.chosen).toEqual([0]); // one site covers both: the second would add nothing
    expect(r.coveredBefore).toBe(100);
    expect(r.coveredAfter).toBe(120);
    expect(Array.from(r.site)).toEqual([-1, 0, 0]);
  });

  it('is deterministic', () => {
    const a = solveSiting(trap, { model: 'mclp', k: 2 }),
      b = solveSiting(trap, { model: 'mclp', k: 2 });
    expect({ ...a, ms: 0, phaseMs: null }).toEqual({ ...b, ms: 0, phaseMs: null });
  });

  it('rejects a k that is not a whole number, and capacity outside MCLP', () => {
    expect(() => solveSiting(trap, { model: 'mclp', k: 1.5 })).toThrow(RangeError);
    expect(() => solveSiting(trap, { model: 'mclp' })).toThrow(RangeError);
    expect(() => solveSiting({ ...trap, capacity: filled(3, 1) }, { model: 'pmedian', k: 1 })).toThrow(RangeError);
  });
});

function coverFromTrap(): SitingProblem {
  return {
    sets: coverFrom(5, [
      [1, 2, 4],
      [0, 1],
      [2, 3],
    ]),
    population: f64([10, 10, 10, 10, 1]),
    thresholdSeconds: filled(5, 600),
  };
}

describe('MCLP with capacity, the heuristic', () => {
  it('counts only what the chosen sites have room for, nearest people first; a heuristic answer its bound proves needs no warning', () => {
    // One candidate reaches both points (at 100 s and 200 s), room for 15 of their 20 people.
    const p: SitingProblem = {
      sets: setsFrom(1, 2, [
        [0, 0, 100],
        [0, 1, 200],
      ]),
      population: f64([10, 10]),
      thresholdSeconds: filled(2, 600),
      capacity: f64([15]),
    };
    const r = solveSiting(p, { model: 'mclp', k: 1 });
    expect(r.objective).toBe(15);
    expect(r.newlyCovered).toEqual([15]);
    expect(r.coveredAfter).toBe(15);
    expect(r.bound).toBe(15); // min(capacity, people in reach)
    expect(r.optimal).toBe(true);
    expect(r.notes).not.toContain('capacity_heuristic');
  });

  it('respects every site’s capacity on a larger instance', () => {
    const rows = Array.from({ length: 6 }, (_, c) => Array.from({ length: 10 }, (_, i) => (c * 3 + i) % 20));
    const p: SitingProblem = {
      sets: coverFrom(20, rows),
      population: filled(20, 10),
      thresholdSeconds: filled(20, 600),
      capacity: f64([30, 50, 20, 40, 60, 10]),
    };
    const r = solveSiting(p, { model: 'mclp', k: 3 });
    r.chosen.forEach((c, i) => expect(r.newlyCovered[i]).toBeLessThanOrEqual(p.capacity![c]! + 1e-9));
    expect(r.objective).toBeCloseTo(
      r.newlyCovered.reduce((a, b) => a + b, 0),
      9,
    );
    expect(r.objective).toBeLessThanOrEqual(r.bound + 1e-9);
  });
});
