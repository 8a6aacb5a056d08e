// Scenarios side by side: the gap results per place and target with their direction, and the rows
// added, removed and changed against the reference.
import { describe, expect, it } from 'vitest';
import { compareScenarios, withCosts, type ScenarioInput } from '../../../shared/compare/compare.ts';
import { EMPTY_COSTS } from '../../../shared/compare/costs.ts';
import { compareResults, diffCell, type CompareCell } from '../../../shared/compare/gaps.ts';
import { diffFacilities, diffUnits, sameValue } from '../../../shared/compare/rows.ts';
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import { emptyFacility, type Facility, type Unit } from '../../../shared/model/entities.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';

const fac = (id: string, type: FacilityType, unit: string, fields: Partial<Facility> = {}): Facility => ({
  ...emptyFacility(id, `${id}名`, type, unit),
  ...fields,
});
const unit = (code: string, name: string, kind: Unit['kind'], parent: string | null, population: number | null): Unit => ({
  code,
  name,
  kind,
  parent_code: parent,
  population,
  urban: true,
  population_0_3: null,
  population_65_plus: null,
  area_km2: null,
  lon: 112.9,
  lat: 28.2,
  year: 2020,
  growth_rate: null,
});
const units = [unit('C', '开福区', 'county', null, 100_000), unit('S1', '沙坪街道', 'street', 'C', 60_000), unit('S2', '东风路街道', 'street', 'C', 40_000)];
const facilities = [
  fac('H1', 'secondary_hospital', 'S1', { beds_open: 500, physicians: 200 }),
  fac('C1', 'chc', 'S1', { beds_open: 20 }),
  fac('C2', 'chc', 'S2', { beds_open: 10, tcm_hall: false }),
];

const result = (
  target: string,
  scope: GapResult['scope'],
  code: string,
  value: number | null,
  required: number | null,
  shortfall: number | null,
  status: GapResult['status'],
): GapResult => ({ target, scope, code, name: code, parent: scope === 'region' ? null : 'region', value, required, shortfall, unit: '张', status });
const cell = (value: number | null, shortfall: number | null, status: CompareCell['status'], required: number | null = 6): CompareCell => ({
  value,
  required,
  shortfall,
  status,
});

describe('diffCell', () => {
  it('says which way a result went: shortfall first, then value, then the light', () => {
    expect(diffCell(cell(5.3, 70, 'short'), cell(5.7, 30, 'short'))).toEqual({
      direction: 'better',
      value: expect.closeTo(0.4, 9),
      shortfall: -40,
      statusChanged: false,
    });
    expect(diffCell(cell(5.7, 30, 'short'), cell(5.3, 70, 'short')).direction).toBe('worse');
    expect(diffCell(cell(6.5, 0, 'met'), cell(7, 0, 'met')).direction).toBe('better');
    expect(diffCell(cell(5.5, 50, 'near'), cell(6.1, 0, 'met'))).toMatchObject({ direction: 'better', statusChanged: true });
    expect(diffCell(cell(null, null, 'missing_data'), cell(6, 0, 'met')).direction).toBe('changed');
    expect(diffCell(cell(6, 0, 'met'), null).direction).toBe('changed');
  });

  it('finds no difference in the same figures', () => {
    expect(diffCell(cell(5.3, 70, 'short'), cell(5.3, 70, 'short'))).toEqual({ direction: 'same', value: 0, shortfall: 0, statusChanged: false });
    expect(diffCell(cell(null, null, 'not_evaluated'), cell(null, null, 'not_evaluated')).direction).toBe('same');
  });
});

describe('compareResults', () => {
  const base = [
    result('beds', 'region', 'region', 5.3, 6, 70, 'short'),
    result('beds', 'county', 'C', 5.3, 6, 70, 'short'),
    result('beds', 'township', 'S1', 8.67, 6, 0, 'met'),
    result('beds', 'township', 'S2', 0.25, 6, 230, 'short'),
    result('beds', 'facility', 'H1', 500, null, null, 'met'),
  ];
  const more = base.map((r) =>
    r.scope === 'facility' ? r : r.code === 'S1' ? r : r.code === 'S2' ? { ...r, value: 1.25, shortfall: 190 } : { ...r, value: 5.7, shortfall: 30 },
  );

  it("keeps the region and the places of the level, with each scenario's difference", () => {
    const rows = compareResults([base, more], 'township');
    expect(rows.map((r) => [r.scope, r.code, r.changed])).toEqual([
      ['region', 'region', true],
      ['township', 'S1', false],
      ['township', 'S2', true],
    ]);
    expect(rows[2]!.diffs).toEqual([null, { direction: 'better', value: 1, shortfall: -40, statusChanged: false }]);
    expect(compareResults([base, more], 'region').map((r) => r.code)).toEqual(['region']);
    expect(compareResults([base, more], 'county').map((r) => r.code)).toEqual(['region', 'C']);
  });

  it('shows a place only one scenario has as changed, empty in the other', () => {
    const extra = [...more, result('beds', 'township', 'S3', 3, 6, 10, 'short')];
    const row = compareResults([base, extra], 'township').find((r) => r.code === 'S3')!;
    expect(row.cells[0]).toBeNull();
    expect(row.diffs[1]!.direction).toBe('changed');
    expect(row.changed).toBe(true);
  });
});

describe('diffRows', () => {
  it('lists a removed facility, an added one and the fields that changed, old → new', () => {
    const scenario = [
      { ...facilities[0]!, beds_open: 540, name: 'H1名' },
      // C1 removed
      { ...facilities[2]!, tcm_hall: true, lon: 112.95 },
      fac('N1', 'chc', 'S2', { beds_open: 30 }),
    ];
    const d = diffFacilities(facilities, scenario);
    expect(d.added.map((f) => f.id)).toEqual(['N1']);
    expect(d.removed.map((f) => f.id)).toEqual(['C1']);
    expect(d.changed.map((c) => [c.after.id, c.fields])).toEqual([
      ['H1', [{ field: 'beds_open', from: 500, to: 540 }]],
      [
        'C2',
        [
          { field: 'lon', from: null, to: 112.95 },
          { field: 'tcm_hall', from: false, to: true },
        ],
      ],
    ]);
  });

  it('an unchanged scenario differs in nothing', () => {
    expect(
      diffFacilities(
        facilities,
        facilities.map((f) => ({ ...f })),
      ),
    ).toEqual({ added: [], removed: [], changed: [] });
    expect(
      diffUnits(
        units,
        units.map((u) => ({ ...u })),
      ),
    ).toEqual({ added: [], removed: [], changed: [] });
  });

  it('compares numbers within rounding, and null with undefined as the same', () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue(1, 1.001)).toBe(false);
  });
});

describe('compareScenarios', () => {
  const target = { id: 'beds', kind: 'ratio' } as unknown as Target;
  const standard = { id: 'test', name: '测试标准', nameEn: 'Test', year: 2025, targets: [target] };
  const input = (id: number, name: string, fs: Facility[], results: GapResult[], notes: string[] = []): ScenarioInput => ({
    scenario: { id, name, baseline: id === 1 },
    results,
    notes,
    notesEn: notes,
    units,
    facilities: fs,
    projects: [],
  });
  const baseResults = [result('beds', 'region', 'region', 5.3, 6, 70, 'short')];

  it('an unchanged scenario differs in nothing and costs nothing', () => {
    const out = compareScenarios({
      standard,
      level: 'region',
      costs: { perUnit: { beds: 100 }, perFacility: { chc: 1000 } },
      scenarios: [
        input(1, '基线', facilities, baseResults, ['人口按增长率推算']),
        input(
          2,
          '副本',
          facilities.map((f) => ({ ...f })),
          baseResults,
          ['人口按增长率推算'],
        ),
      ],
    });
    expect(out.rows.every((r) => !r.changed)).toBe(true);
    expect(out.changes[0]).toBeNull();
    expect(out.changes[1]).toMatchObject({
      facilities: { added: [], removed: [], changed: [] },
      units: { added: [], removed: [], changed: [] },
      cost: { total: 0, lines: [], unpriced: [] },
    });
    expect(out.notes).toEqual(['人口按增长率推算']);
    expect(out.unitNames).toEqual({});
  });

  it('two new CHCs and +40 beds: the facilities listed, the cost 2Y + 40X, the unit names of the changes', () => {
    const scenario = [...facilities, fac('N1', 'chc', 'S2', { beds_open: 20 }), fac('N2', 'chc', 'S1', { beds_open: 20 })];
    const after = [result('beds', 'region', 'region', 5.7, 6, 30, 'short')];
    const out = compareScenarios({
      standard,
      level: 'region',
      costs: { perUnit: { beds: 300 }, perFacility: { chc: 7000 } },
      scenarios: [input(1, '基线', facilities, baseResults), input(5, '新建两中心', scenario, after)],
    });
    expect(out.scenarios.map((s) => s.name)).toEqual(['基线', '新建两中心']);
    expect(out.rows[0]).toMatchObject({ changed: true, diffs: [null, { direction: 'better', shortfall: -40 }] });
    expect(out.changes[1]!.facilities.added.map((f) => [f.id, f.type, f.beds_open])).toEqual([
      ['N1', 'chc', 20],
      ['N2', 'chc', 20],
    ]);
    expect(out.changes[1]!.cost.total).toBe(2 * 7000 + 40 * 300);
    expect(out.unitNames).toEqual({ S1: '沙坪街道', S2: '东风路街道' });
    // Prices edited afterwards: only the costs follow.
    const again = withCosts(out, { perUnit: {}, perFacility: { chc: 1 } });
    expect(again.changes[1]!.cost).toMatchObject({ total: 2, unpriced: [{ item: 'beds', quantity: 40 }] });
    expect(again.rows).toBe(out.rows);
  });

  it("a scenario's 其他项目 (800 万元 more) are in its cost, and stay there when the prices are edited", () => {
    const other = (name: string, cost: number) => ({ kind: 'other' as const, name, year: 2025, cost });
    const out = compareScenarios({
      standard,
      level: 'region',
      costs: { perUnit: { beds: 300 }, perFacility: {} },
      scenarios: [
        { ...input(1, '基线', facilities, baseResults), projects: [other('信息平台', 200)] },
        { ...input(2, '加设备', facilities, baseResults), projects: [other('信息平台', 200), other('急救设备', 800)] },
      ],
    });
    expect(out.changes[1]!.cost).toMatchObject({ total: 8_000_000, lines: [{ item: 'projects', quantity: 1, amount: 8_000_000 }], complete: true });
    expect(withCosts(out, EMPTY_COSTS).changes[1]!.cost.total).toBe(8_000_000);
  });
});
