// The water-filling takes runs of steps at once; it must give exactly what one step at a time gives. And the
// rule inside a unit (fillByRoom).
import { describe, expect, it } from 'vitest';
import { waterFill, type FillInput } from '../../../shared/allocation/water-fill.ts';
import { fillByRoom } from '../../../shared/allocation/share.ts';
import { mulberry32 } from '../../../shared/sample/prng.ts';

/** The rule as written: one unit at a time to the lowest pair (ties: lower index) that has room and whose resource is affordable. */
function oneAtATime(inp: FillInput): Float64Array {
  const { resources: R, target, base, cap, cost } = inp;
  const given = new Float64Array(target.length);
  const budget = Float64Array.from(inp.budget);
  const done = new Uint8Array(R);
  let money = inp.money;
  for (;;) {
    let best = -1,
      bestKey = Infinity;
    for (let p = 0; p < target.length; p++) {
      if (done[p % R] || !(target[p]! > 0) || given[p]! >= cap[p]!) continue;
      const k = (base[p]! + given[p]!) / target[p]!;
      if (k < bestKey) {
        best = p;
        bestKey = k;
      }
    }
    if (best < 0) return given;
    const r = best % R,
      c = cost[r]!;
    if (budget[r]! < 1 || (c > 0 && Math.floor(money / c) < 1)) {
      done[r] = 1;
      continue;
    }
    given[best]!++;
    budget[r]!--;
    money -= c;
  }
}

function randomFill(rand: () => number, pairs: number, R: number, ties: boolean): FillInput {
  const target = Float64Array.from({ length: pairs }, () => (rand() < 0.1 ? 0 : ties ? 10 * (1 + Math.floor(rand() * 4)) : 5 + rand() * 300));
  const base = Float64Array.from(target, (t) => Math.floor(t * rand()));
  const cap = Float64Array.from(target, (t, p) => (rand() < 0.1 ? 0 : Math.ceil(t - base[p]!) + (rand() < 0.3 ? -Math.floor(rand() * 10) : 0)));
  const total = cap.reduce((s, c) => s + Math.max(0, c), 0);
  const budget = Float64Array.from({ length: R }, () => (rand() < 0.1 ? Infinity : Math.floor((total / R) * rand() * 1.5)));
  const cost = Float64Array.from({ length: R }, () => (rand() < 0.3 ? 0 : 1 + Math.floor(rand() * 9)));
  const money = rand() < 0.3 ? Infinity : Math.floor(total * 3 * rand());
  return { resources: R, target, base, cap, budget, cost, money };
}

describe('waterFill', () => {
  it('equals one step at a time on 500 random instances (with exact ties, caps, budgets and money)', () => {
    const rand = mulberry32(2025);
    for (let i = 0; i < 500; i++) {
      const inp = randomFill(rand, 1 + Math.floor(rand() * 40), 1 + Math.floor(rand() * 5), i % 2 === 0);
      expect([...waterFill(inp).given], `instance ${i}`).toEqual([...oneAtATime(inp)]);
    }
  });

  it('says why a resource stopped and what is left', () => {
    // Two units × two resources, targets 100; resource 0 costs 3 yuan, resource 1 costs 1; budgets 2 and 15; 20 yuan.
    const r = waterFill({
      resources: 2,
      target: Float64Array.of(100, 100, 100, 100),
      base: Float64Array.of(50, 10, 60, 20),
      cap: Float64Array.of(50, 90, 40, 80),
      budget: Float64Array.of(2, 15),
      cost: Float64Array.of(3, 1),
      money: 20,
    });
    // Resource 1 is lowest: unit 0 from 0.10 to 0.19 (10), then the two alternate from the tie at 0.20
    // (unit 0 first) until its budget of 15 is gone: unit 0 13, unit 1 2; 5 yuan left buy one of resource 0
    // (unit 0, at 0.50), and the 2 yuan left cannot buy another.
    expect([...r.given]).toEqual([1, 13, 0, 2]);
    expect([...r.stop]).toEqual([2, 1]);
    expect(r.moneyLeft).toBe(2);
  });
});

describe('fillByRoom', () => {
  it('fills the facility with most room first, then the larger, then the earlier', () => {
    const out = new Float64Array(3);
    // Unlimited room first: it takes everything.
    expect(fillByRoom(20, Float64Array.of(5, Infinity, 8), Float64Array.of(100, 3, 50), 3, out)).toBe(20);
    expect([...out]).toEqual([0, 20, 0]);
    // Rooms 5, 9, 9: the two nines by size (7 before 2), then the five.
    expect(fillByRoom(20, Float64Array.of(5, 9, 9), Float64Array.of(1, 2, 7), 3, out)).toBe(20);
    expect([...out]).toEqual([2, 9, 9]);
    // Less room than amount: everything fills and the rest is reported.
    expect(fillByRoom(30, Float64Array.of(3, 4, 5), Float64Array.of(0, 0, 0), 3, out)).toBe(12);
    expect([...out]).toEqual([3, 4, 5]);
  });

  it("does the same for a county's many facilities", () => {
    // 40 facilities with room 3 each and equal sizes: by index, 33 full and 1 more to the 34th.
    const n = 40,
      out = new Float64Array(n);
    expect(fillByRoom(100, new Float64Array(n).fill(3), new Float64Array(n), n, out)).toBe(100);
    expect([...out]).toEqual([...Array(33).fill(3), 1, ...Array(6).fill(0)]);
  });
});
