// What planners rely on, on random plans: no budget, money or facility limit is ever exceeded, met units
// get nothing, the figures add up, and the result depends only on the input, not on its order.
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../shared/allocation/allocate.ts';
import { RESOURCES, type Resource } from '../../../shared/allocation/resources.ts';
import type { AllocationInput } from '../../../shared/allocation/types.ts';
import { mulberry32 } from '../../../shared/sample/prng.ts';
import { limitOf, randomInstance } from './helpers.ts';

/** What the hand-set lines gave of a resource (at most; lines on units without a need are ignored). */
const manualOf = (inp: AllocationInput, res: Resource) => (inp.manual ?? []).filter((m) => m.resource === res).reduce((s, m) => s + m.amount, 0);

function shuffled<T>(xs: readonly T[] | undefined, rand: () => number): T[] | undefined {
  if (!xs) return xs;
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const instances = (seed: number, count: number) => {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, (_, i) =>
    randomInstance(rand, {
      units: 1 + Math.floor(rand() * 12),
      resources: RESOURCES.filter(() => rand() < 0.7),
      money: i % 2 === 0,
      fixed: i % 3 === 0,
    }),
  );
};

describe('on 300 random plans', () => {
  const cases = instances(7, 300);

  it('never exceeds a budget, the money or a facility limit, and gives nothing to met units', () => {
    for (const inp of cases) {
      const r = allocate(inp);
      const over = r.warnings.some((w) => w.zh.includes('超出预算'));
      for (const res of RESOURCES) {
        const b = inp.budget[res];
        if (b === undefined) {
          expect(r.allocated[res] - manualOf(inp, res)).toBe(0);
          continue;
        }
        if (!over) expect(r.allocated[res] + r.committed[res]).toBeLessThanOrEqual(b);
        if (!over) expect(r.unspent[res]).toBe(b - r.allocated[res] - r.committed[res]);
      }
      if (inp.budget.money !== undefined && inp.costs && !over) {
        const spent = RESOURCES.reduce((s, res) => s + (inp.costs![res] ?? 0) * (r.allocated[res] + r.committed[res]), 0);
        expect(spent).toBeLessThanOrEqual(inp.budget.money);
        expect(r.spent_money).toBe(spent);
      }
      const byId = new Map(inp.facilities.map((f) => [f.id, f]));
      for (const l of r.lines) {
        if (l.scope === 'facility') {
          const f = byId.get(l.code)!;
          if (!l.manual && l.committed === 0) expect(l.result, `${l.code} ${l.resource}`).toBeLessThanOrEqual(limitOf(f, l.resource));
          continue;
        }
        const need = inp.needs.find((n) => inp.units[n.unit]!.code === l.code && n.resource === l.resource)!;
        if (need.shortfall === 0 && !inp.manual?.some((m) => m.resource === l.resource)) expect(l.allocated).toBe(0);
        expect(l.remaining_shortfall).toBe(Math.max(0, need.required - l.result));
        expect(l.result).toBe(l.current + l.committed + l.allocated);
      }
    }
  });

  it('puts each unit line on its facilities, and gives no more than a shortfall', () => {
    for (const inp of cases.filter((c) => !c.manual)) {
      const r = allocate(inp);
      let unit: (typeof r.lines)[number] | undefined,
        sum = 0;
      const close = () => {
        if (unit) expect(sum, `${unit.code} ${unit.resource}`).toBe(unit.allocated);
      };
      for (const l of r.lines) {
        if (l.scope === 'unit') {
          close();
          unit = l;
          sum = 0;
        } else sum += l.allocated;
      }
      close();
      for (const l of r.lines) {
        if (l.scope !== 'unit') continue;
        const need = inp.needs.find((n) => inp.units[n.unit]!.code === l.code && n.resource === l.resource)!;
        expect(l.allocated).toBeLessThanOrEqual(Math.max(0, need.required - l.current - l.committed));
      }
    }
  });

  it('calls a resource closed only when no more budget could close anything', () => {
    for (const inp of cases.filter((c) => !c.manual)) {
      // a hand-set line's remaining shortfall counts as closable
      const r = allocate(inp);
      for (const res of RESOURCES) if (r.stopped[res] === 'closed') expect(r.still_needed[res].budget, res).toBe(0);
    }
  });

  it('is deterministic and independent of the order of needs, facilities and fixed amounts', () => {
    const rand = mulberry32(99);
    for (const inp of cases.slice(0, 100)) {
      const a = allocate(inp);
      expect(allocate(structuredClone(inp) as AllocationInput)).toEqual(a);
      const b = allocate({
        ...inp,
        needs: shuffled(inp.needs, rand)!,
        facilities: shuffled(inp.facilities, rand)!,
        commitments: shuffled(inp.commitments, rand),
        manual: shuffled(inp.manual, rand),
      });
      expect(b).toEqual(a);
    }
  });
});
