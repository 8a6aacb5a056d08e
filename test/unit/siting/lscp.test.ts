import { describe, expect, it } from 'vitest';
import { type SitingProblem, solveSiting } from '../../../shared/siting/index.ts';
import { coverFrom, f64, filled } from './helpers.ts';

describe('LSCP: greedy, redundancy removal and the lower bound', () => {
  // Six points of one person each. Candidate 0 covers {0, 1, 3, 4}, 1 covers {0, 1, 2}, 2 covers {3, 4, 5}.
  // Greedy takes 0 (4 points), then 1 and 2 (one new point each: 2 and 5). Then 0 is redundant
  // (1 and 2 cover its points) and goes: {1, 2}. Points 2 and 5 have one candidate each, different
  // ones, so at least 2 sites are needed: proven optimal.
  const trap: SitingProblem = {
    sets: coverFrom(6, [
      [0, 1, 3, 4],
      [0, 1, 2],
      [3, 4, 5],
    ]),
    population: filled(6, 1),
    thresholdSeconds: filled(6, 600),
  };

  it('drops the site the later ones made redundant, and proves the count', () => {
    const r = solveSiting(trap, { model: 'lscp' });
    expect(r.chosen).toEqual([1, 2]);
    expect(r.objective).toBe(2);
    expect(r.bound).toBe(2);
    expect(r.optimal).toBe(true);
    expect(r.coveredAfter).toBe(6);
  });

  it('needs no site where an existing facility covers everyone', () => {
    const r = solveSiting({ ...trap, existingSeconds: filled(6, 0) }, { model: 'lscp' });
    expect(r.chosen).toEqual([]);
    expect(r.objective).toBe(0);
    expect(r.optimal).toBe(true);
  });

  it('covers what can be covered and reports the rest as unreachable, not infeasible', () => {
    // Point 3 (50 people) has no candidate; point 2 is covered before.
    const p: SitingProblem = {
      sets: coverFrom(4, [[0], [0, 1], [1, 2]]),
      population: f64([1, 1, 1, 50]),
      thresholdSeconds: filled(4, 600),
      existingSeconds: f64([Infinity, Infinity, 10, Infinity]),
    };
    const r = solveSiting(p, { model: 'lscp' });
    expect(r.chosen).toEqual([1]);
    expect(r.unreachable).toBe(50);
    expect(Array.from(r.unreachablePoints)).toEqual([3]);
    expect(r.coveredBefore).toBe(1);
    expect(r.coveredAfter).toBe(3);
    expect(r.optimal).toBe(true);
  });

  it('prefers, among candidates covering as many points, the one covering more people, then the lower index', () => {
    // 0 covers {0, 1} (2 people), 1 covers {2, 3} (20 people), 2 covers {0, 1} again.
    const p: SitingProblem = {
      sets: coverFrom(4, [
        [0, 1],
        [2, 3],
        [0, 1],
      ]),
      population: f64([1, 1, 10, 10]),
      thresholdSeconds: filled(4, 600),
    };
    expect(solveSiting(p, { model: 'lscp' }).chosen).toEqual([1, 0]);
  });

  it('a lower bound below the greedy count leaves a gap it reports', () => {
    // A cycle of 5 points, candidate i covering {i, i+1}: 3 sites are needed (and greedy finds 3),
    // but at most 2 points can be picked that share no candidate → bound 2, gap 1/3.
    const p: SitingProblem = {
      sets: coverFrom(5, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 0],
      ]),
      population: filled(5, 1),
      thresholdSeconds: filled(5, 600),
    };
    const r = solveSiting(p, { model: 'lscp' });
    expect(r.objective).toBe(3);
    expect(r.bound).toBe(2);
    expect(r.gap).toBeCloseTo(1 / 3, 12);
    expect(r.optimal).toBe(false);
  });
});
