import { describe, expect, it } from 'vitest';
import { type SitingProblem, solveSiting } from '../../../shared/siting/index.ts';
import { f64, filled, setsFrom } from './helpers.ts';

// Five villages of one person on a line at 0, 10, 20, 100 and 110 s, a candidate at each; the
// travel time is the distance. The cutoff (1000 s) is beyond every trip here.
const at = [0, 10, 20, 100, 110];
const line = (cutoff: number) =>
  setsFrom(
    5,
    5,
    at.flatMap((x, c) => at.map((y, d) => [c, d, Math.abs(x - y)] as const)).filter((p) => p[2] <= cutoff),
  );
const problem: SitingProblem = { sets: line(1000), population: filled(5, 1), thresholdSeconds: filled(5, 600) };

describe('p-median: greedy, swaps and the bound', () => {
  // One site: at 20 costs 20+10+0+80+90 = 200, the least (at 10: 210; at 0: 240; at 100: 280).
  // Then 100 or 110 bring it to 20+10+0+0+10 = 40 (tie: 100). The optimum swaps 20 for 10:
  // {10, 100} = 10+0+10+0+10 = 30 (and {10, 110} ties).
  it('greedy alone takes the middle first and ends at 40', () => {
    const r = solveSiting(problem, { model: 'pmedian', k: 2, cutoffSeconds: 1000, maxSwaps: 0 });
    expect(r.chosen).toEqual([2, 3]);
    expect(r.objective).toBe(40);
    expect(r.bound).toBeLessThanOrEqual(30 + 1e-9);
  });

  it('a swap reaches the optimum 30, proven by the bound', () => {
    const r = solveSiting(problem, { model: 'pmedian', k: 2, cutoffSeconds: 1000 });
    expect(r.chosen).toEqual([1, 3]);
    expect(r.objective).toBe(30);
    expect(r.meanSeconds).toBe(6);
    expect(r.optimal).toBe(true);
    // Each village goes to its nearest site: 0, 10, 20 to the site at 10; 100, 110 to 100.
    expect(Array.from(r.site)).toEqual([1, 1, 1, 3, 3]);
    expect(r.served).toEqual([3, 2]);
  });

  it('counts a trip beyond the cutoff, and a village nobody reaches, as the cutoff', () => {
    // Cutoff 50: pairs longer than 50 s are not in the sets. One site at 10: villages 100 and 110
    // pay 50 each → 10 + 0 + 10 + 50 + 50 = 120.
    const p: SitingProblem = { ...problem, sets: line(50) };
    const r = solveSiting(p, { model: 'pmedian', k: 1, cutoffSeconds: 50 });
    expect(r.chosen).toEqual([1]);
    expect(r.objective).toBe(120);
  });

  it('keeps existing facilities fixed: a new site only serves those it is nearer to', () => {
    // An existing station at 100: existing times 100, 90, 80, 0, 10. One new site at 10 makes it
    // 10 + 0 + 10 + 0 + 10 = 30, the best (at 20: 40; at 0: 40).
    const p: SitingProblem = { ...problem, existingSeconds: f64([100, 90, 80, 0, 10]) };
    const r = solveSiting(p, { model: 'pmedian', k: 1, cutoffSeconds: 1000 });
    expect(r.chosen).toEqual([1]);
    expect(r.objective).toBe(30);
    expect(r.served).toEqual([3]);
    expect(Array.from(r.site)).toEqual([1, 1, 1, -1, -1]);
    expect(r.optimal).toBe(true);
  });

  it('opens nothing where existing facilities stand at every village', () => {
    const r = solveSiting({ ...problem, existingSeconds: filled(5, 0) }, { model: 'pmedian', k: 2, cutoffSeconds: 1000 });
    expect(r.chosen).toEqual([]);
    expect(r.objective).toBe(0);
    expect(r.notes).toContain('fewer_sites_suffice');
  });
});
