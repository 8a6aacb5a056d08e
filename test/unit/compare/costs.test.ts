// The cost of a scenario against the reference, worked by hand: new facilities × the price of their
// type + each change × its price; nothing priced that the planner has not entered.
import { describe, expect, it } from 'vitest';
import {
  costOf,
  CostTableSchema,
  EMPTY_COSTS,
  normaliseCostTable,
  projectsDelta,
  readCostTable,
  resourceDelta,
  type CostTable,
} from '../../../shared/compare/costs.ts';
import type { ProjectKind } from '../../../shared/timeline/project.ts';
import { emptyFacility, type Facility } from '../../../shared/model/entities.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';

const fac = (id: string, type: FacilityType, fields: Partial<Facility> = {}): Facility => ({ ...emptyFacility(id, id, type, 'S1'), ...fields });

// The reference: a hospital of 200 beds, a THC of 30, an ambulance station with 2 ambulances.
const reference = [
  fac('H1', 'secondary_hospital', { beds_open: 200, physicians: 80, nurses: 120, health_technicians: 260, floor_area_m2: 20_000 }),
  fac('T1', 'thc', { beds_open: 30, physicians: 10, nurses: 12, gps: 3, health_technicians: 30 }),
  fac('E1', 'ems_station', { ambulances: 2 }),
];
const X = 350_000; // per bed
const Y = 18_000_000; // per CHC

describe('resourceDelta and costOf', () => {
  it('two new CHCs and +40 beds cost exactly 2Y + 40X', () => {
    // The 40 beds: 20 in each new centre (none elsewhere changes).
    const scenario = [...reference, fac('N1', 'chc', { beds_open: 20 }), fac('N2', 'chc', { beds_open: 20 })];
    const d = resourceDelta(reference, scenario);
    expect(d).toMatchObject({ beds: 40, physicians: 0, added: { chc: 2 }, removed: {}, retyped: 0 });
    const cost = costOf(d, { perUnit: { beds: X }, perFacility: { chc: Y } });
    expect(cost.total).toBe(2 * Y + 40 * X);
    expect(cost.lines).toEqual([
      { item: 'facility', type: 'chc', quantity: 2, unitCost: Y, amount: 2 * Y },
      { item: 'beds', quantity: 40, unitCost: X, amount: 40 * X },
    ]);
    expect(cost).toMatchObject({ unpriced: [], priced: true, complete: true });
  });

  it('the same +40 beds added to an existing hospital cost 40X, and no facility', () => {
    const scenario = reference.map((f) => (f.id === 'H1' ? { ...f, beds_open: 240 } : f));
    const cost = costOf(resourceDelta(reference, scenario), { perUnit: { beds: X }, perFacility: { chc: Y } });
    expect(cost.total).toBe(40 * X);
    expect(cost.lines).toHaveLength(1);
  });

  it('lists what changed without a price as unpriced, and prices nothing it was not given', () => {
    const scenario = [
      ...reference.map((f) => (f.id === 'H1' ? { ...f, nurses: 150, physicians: 90, health_technicians: 310 } : f)),
      fac('N1', 'ems_station', { ambulances: 3 }),
    ];
    const d = resourceDelta(reference, scenario);
    // 卫生技术人员 +50 of which 10 physicians and 30 nurses: 10 other technicians.
    expect(d).toMatchObject({ physicians: 10, nurses: 30, other_technicians: 10, ambulances: 3, added: { ems_station: 1 } });
    const cost = costOf(d, { perUnit: { nurses: 120_000, ambulances: 600_000 }, perFacility: {} });
    expect(cost.total).toBe(30 * 120_000 + 3 * 600_000);
    expect(cost.unpriced.map((l) => [l.item, l.type ?? null, l.quantity])).toEqual([
      ['facility', 'ems_station', 1],
      ['physicians', null, 10],
      ['other_technicians', null, 10],
    ]);
    expect(cost).toMatchObject({ priced: true, complete: false });
    // No table at all: nothing is priced, everything is listed.
    const none = costOf(d, EMPTY_COSTS);
    expect(none).toMatchObject({ total: 0, lines: [], priced: false, complete: false });
    expect(none.unpriced).toHaveLength(5);
  });

  it("counts a removed facility's beds as fewer beds, never credits its building, and does not price a change of type", () => {
    const scenario = [
      reference[0]!,
      { ...reference[1]!, type: 'sub_centre' as const, beds_open: 60 }, // THC → 县域医疗次中心, +30 beds
      // E1 removed: −2 ambulances
    ];
    const d = resourceDelta(reference, scenario);
    expect(d).toMatchObject({ beds: 30, ambulances: -2, added: {}, removed: { ems_station: 1 }, retyped: 1 });
    const cost = costOf(d, { perUnit: { beds: X, ambulances: 500_000 }, perFacility: { ems_station: 3_000_000, sub_centre: 50_000_000 } });
    expect(cost.total).toBe(30 * X - 2 * 500_000);
    expect(cost.lines.map((l) => l.item)).toEqual(['beds', 'ambulances']);
  });

  it('does not infer other technicians where the total was not kept up', () => {
    const scenario = reference.map((f) => (f.id === 'H1' ? { ...f, physicians: 100 } : f)); // 卫生技术人员 unchanged
    expect(resourceDelta(reference, scenario)).toMatchObject({ physicians: 20, other_technicians: 0 });
  });

  it('an unchanged scenario costs nothing and changes nothing', () => {
    const d = resourceDelta(
      reference,
      reference.map((f) => ({ ...f })),
    );
    expect(d).toEqual({
      beds: 0,
      physicians: 0,
      nurses: 0,
      gps: 0,
      other_technicians: 0,
      ambulances: 0,
      floor_area_m2: 0,
      added: {},
      removed: {},
      retyped: 0,
      projects: { added: [], removed: [], changed: [] },
    });
    expect(costOf(d, { perUnit: { beds: X }, perFacility: { chc: Y } })).toEqual({ total: 0, lines: [], unpriced: [], priced: false, complete: false });
  });

  it('floor area at a price per m² (fractions kept)', () => {
    const scenario = reference.map((f) => (f.id === 'H1' ? { ...f, floor_area_m2: 21_500.5 } : f));
    expect(costOf(resourceDelta(reference, scenario), { perUnit: { floor_area_m2: 4_000 }, perFacility: {} }).total).toBe(1_500.5 * 4_000);
  });
});

describe('the cost table', () => {
  it('accepts non-negative yuan for known items and types only', () => {
    expect(CostTableSchema.safeParse({ perUnit: { beds: 0, gps: 1e5 }, perFacility: { chc: 2e7 } }).success).toBe(true);
    expect(CostTableSchema.safeParse({ perUnit: { beds: -1 } }).success).toBe(false);
    expect(CostTableSchema.safeParse({ perUnit: { beds: Number.NaN } }).success).toBe(false);
    expect(CostTableSchema.safeParse({ perUnit: { chairs: 5 } }).success).toBe(false);
    expect(CostTableSchema.safeParse({ perFacility: { castle: 5 } }).success).toBe(false);
    expect(CostTableSchema.safeParse({ perUnit: {}, extra: 1 }).success).toBe(false);
    expect(CostTableSchema.parse({})).toEqual({ perUnit: {}, perFacility: {} });
  });

  it('reads what was stored, and nothing from what cannot be read', () => {
    const t: CostTable = { perUnit: { nurses: 1, beds: 2 }, perFacility: { thc: 3, chc: 4 } };
    const kept = normaliseCostTable(t);
    expect(Object.keys(kept.perUnit)).toEqual(['beds', 'nurses']);
    expect(Object.keys(kept.perFacility)).toEqual(['chc', 'thc']);
    expect(readCostTable(JSON.stringify(kept))).toEqual(kept);
    expect(readCostTable(null)).toEqual(EMPTY_COSTS);
    expect(readCostTable('{not json')).toEqual(EMPTY_COSTS);
    expect(readCostTable('{"perUnit":{"beds":-3}}')).toEqual(EMPTY_COSTS);
  });
});

// 其他项目 (no facility: a platform, equipment, training) are priced by their own 投资估算 in 万元
// (× 10,000 → 元), on one line of their own, whatever the cost table holds.
describe('其他项目 in the cost', () => {
  const proj = (name: string, year: number, cost: number | null, kind: ProjectKind = 'other') => ({ name, year, cost, kind });
  const base = [proj('智慧医疗平台', 2025, 300), proj('卫生院扩建', 2025, 900, 'expand'), proj('全科医生培训', 2026, null)];

  it('a copied scenario (new project numbers, same names) with one more costs that one only, in 元', () => {
    // Added: 医共体设备 500 万元; 平台 300 → 360 万元 (+60); 培训 unchanged (blank in both: not a change).
    const scenario = [
      proj('智慧医疗平台', 2025, 360),
      proj('卫生院扩建', 2025, 1200, 'expand'),
      proj('全科医生培训', 2026, null),
      proj('医共体设备', 2026, 500),
    ];
    const d = resourceDelta(reference, reference, base, scenario);
    expect(d.projects).toEqual({
      added: [{ name: '医共体设备', year: 2026, cost: 500 }],
      removed: [],
      changed: [{ name: '智慧医疗平台', year: 2025, cost: 360, from: 300 }],
    });
    // The 扩建's cost is not here: what a facility project changes is priced through the facilities.
    const cost = costOf(d, EMPTY_COSTS);
    expect(cost.lines).toEqual([{ item: 'projects', quantity: 1, unitCost: null, amount: 5_600_000 }]);
    expect(cost).toMatchObject({ total: 5_600_000, unpriced: [], priced: true, complete: true });
  });

  it('adds to the facility lines: 1 new CHC (Y) + a 200 万元 platform = Y + 2,000,000', () => {
    const d = resourceDelta(reference, [...reference, fac('N1', 'chc')], [], [proj('信息平台', 2025, 200)]);
    const cost = costOf(d, { perUnit: {}, perFacility: { chc: Y } });
    expect(cost.total).toBe(Y + 2_000_000);
    expect(cost.lines.map((l) => [l.item, l.amount])).toEqual([
      ['facility', Y],
      ['projects', 2_000_000],
    ]);
  });

  it('a project dropped counts its cost as less; one with no cost is listed as unpriced', () => {
    // The reference's 平台 (300) is not in the scenario; the scenario adds a training programme with no cost.
    const d = resourceDelta(reference, reference, base, [
      proj('卫生院扩建', 2025, 900, 'expand'),
      proj('全科医生培训', 2026, null),
      proj('村医培训', 2027, null),
    ]);
    const cost = costOf(d, EMPTY_COSTS);
    expect(cost.lines).toEqual([{ item: 'projects', quantity: -1, unitCost: null, amount: -3_000_000 }]);
    expect(cost.unpriced).toEqual([{ item: 'projects', quantity: 1, unitCost: null, amount: null }]);
    expect(cost).toMatchObject({ total: -3_000_000, complete: false });
  });

  it('matches by kind, year and name: the same name in another year is another project', () => {
    const d = projectsDelta([proj('信息平台', 2025, 100)], [proj('信息平台', 2026, 100), proj('信息平台', 2025, 100)]);
    expect(d).toEqual({ added: [{ name: '信息平台', year: 2026, cost: 100 }], removed: [], changed: [] });
    // Unchanged projects cost nothing and make no line.
    expect(costOf(resourceDelta(reference, reference, base, base), EMPTY_COSTS)).toMatchObject({ total: 0, lines: [], unpriced: [] });
  });
});
