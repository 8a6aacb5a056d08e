// Populations in the target year, each figure computed by hand.
import { describe, expect, it } from 'vitest';
import { evaluateGaps } from '../../../shared/gaps/evaluate.ts';
import { Method, populationNotes, populationsAt, type PopulationFigure } from '../../../shared/gaps/population.ts';
import { StandardSet } from '../../../shared/gaps/standard.ts';
import { emptyFacility, type Unit } from '../../../shared/model/entities.ts';
import type { UnitKind } from '../../../shared/model/kinds.ts';

const unit = (
  code: string,
  kind: UnitKind,
  parent: string | null,
  population: number | null,
  year: number | null,
  growth_rate: number | null = null,
): Unit => ({
  code,
  name: code,
  kind,
  parent_code: parent,
  urban: true,
  population,
  population_0_3: null,
  population_65_plus: null,
  area_km2: null,
  lon: null,
  lat: null,
  year,
  growth_rate,
});
const fig = (code: string, year: number, population: number | null, p65: number | null = null): PopulationFigure => ({
  code,
  year,
  population,
  population_0_3: null,
  population_65_plus: p65,
});

// 市 C grows 2% a year; 区 A has its own -1%; 区 B inherits the city's; 街道 B1 has no figure of its own.
const UNITS = [
  unit('C', 'city', null, 1_000_000, 2020, 2),
  unit('A', 'county', 'C', 400_000, 2020, -1),
  unit('B', 'county', 'C', 600_000, 2020),
  unit('B1', 'street', 'B', null, null),
  unit('D', 'county', null, 50_000, 2020),
  unit('E', 'county', null, 70_000, null),
];
const parentOf = (units: readonly Unit[]) => {
  const ix = new Map(units.map((u, i) => [u.code, i]));
  return Int32Array.from(units, (u) => (u.parent_code ? (ix.get(u.parent_code) ?? -1) : -1));
};
const at = (units: readonly Unit[], figures: PopulationFigure[], year: number) => populationsAt(units, parentOf(units), figures, year);
const i = (code: string) => UNITS.findIndex((u) => u.code === code);

describe('populations in the target year', () => {
  it('uses the figure of the year itself', () => {
    const p = at(UNITS, [], 2020);
    expect(p.own.total[i('C')]).toBe(1_000_000);
    expect(p.method[i('C')]).toBe(Method.Exact);
  });

  it("projects with the unit's own rate, or its nearest ancestor's", () => {
    const p = at(UNITS, [], 2025);
    expect(p.own.total[i('C')]).toBe(Math.round(1_000_000 * 1.02 ** 5)); // 1,104,081
    expect(p.own.total[i('A')]).toBe(Math.round(400_000 * 0.99 ** 5)); // 380,396: its own −1% wins
    expect(p.own.total[i('B')]).toBe(Math.round(600_000 * 1.02 ** 5)); // the city's 2%
    expect(p.method[i('B')]).toBe(Method.Projected);
    expect(Number.isNaN(p.own.total[i('B1')]!)).toBe(true); // no figure: its children would be summed
  });

  it('interpolates between two years, and projects beyond the last from the last', () => {
    const figures = [fig('A', 2030, 500_000)];
    expect(at(UNITS, figures, 2025).own.total[i('A')]).toBe(450_000); // halfway between 400,000 (2020) and 500,000 (2030)
    expect(at(UNITS, figures, 2025).method[i('A')]).toBe(Method.Interpolated);
    expect(at(UNITS, figures, 2032).own.total[i('A')]).toBe(Math.round(500_000 * 0.99 ** 2));
    // Before the first figure: grown backwards at the rate.
    expect(at(UNITS, figures, 2019).own.total[i('A')]).toBe(Math.round(400_000 / 0.99));
  });

  it('holds the nearest figure without a rate, and says from which year', () => {
    const p = at(UNITS, [], 2025);
    expect(p.own.total[i('D')]).toBe(50_000);
    expect(p.method[i('D')]).toBe(Method.Held);
    expect(p.heldFrom[i('D')]).toBe(2020);
    expect(p.own.total[i('E')]).toBe(70_000); // a figure with no year is taken as it is
    expect(populationNotes(p, [i('C'), i('A'), i('D'), i('E')], 2025).map((n) => n.zh)).toEqual([
      '人口：2 个单位按年均增长率推算至 2025 年',
      '人口：1 个单位的人口未注明年份，按原值计',
      '人口：1 个单位没有 2025 年人口，也没有增长率，沿用 2020 年人口',
    ]);
  });

  it('the table overrides the unit row for the same year; bands are found on their own', () => {
    const p = at(UNITS, [fig('D', 2020, 55_000, 9_000), fig('D', 2024, null, 11_000)], 2022);
    expect(p.own.total[i('D')]).toBe(55_000); // only 2020 has a total: held
    expect(p.own.age_65_plus[i('D')]).toBe(10_000); // 9,000 (2020) → 11,000 (2024)
  });
});

describe('ratio targets divide by the projected population', () => {
  const beds = StandardSet.parse({
    id: 'p',
    name: '测试',
    nameEn: 'Test',
    year: 2025,
    documents: [{ number: '测试〔2025〕1号', title: 't' }],
    targets: [
      {
        id: 'beds',
        name: '床位',
        nameEn: 'Beds',
        group: '床位',
        kind: 'ratio',
        measure: 'beds_open',
        per: 1000,
        min: 5,
        unit: '张',
        scopes: ['region', 'county'],
        source: { document: '测试〔2025〕1号', clause: '一', text: '每千人口床位5张' },
      },
    ],
  });
  const units = [unit('C', 'city', null, 1_000_000, 2020, 2), unit('A', 'county', 'C', 1_000_000, 2020)];
  const facilities = [{ ...emptyFacility('H', 'H', 'secondary_hospital', 'A'), beds_open: 5_000 }];

  it('5,000 beds for 1,000,000 people in 2020 meet 5 per 1,000; in 2025 the grown population needs 521 more', () => {
    const r2020 = evaluateGaps(units, facilities, beds, { year: 2020 });
    expect(r2020.results.find((x) => x.scope === 'region')).toMatchObject({ value: 5, shortfall: 0, status: 'met' });
    const r2025 = evaluateGaps(units, facilities, beds, { year: 2025 });
    // 1,000,000 × 1.02⁵ = 1,104,081 people need 5 × 1,104.081 = 5,520.4 beds: 521 short; 5,000 / 1,104.081 = 4.52865 (within 10%)
    expect(r2025.results.find((x) => x.scope === 'region')).toMatchObject({ value: 4.5287, shortfall: 521, status: 'near' });
    expect(r2025.notes).toContain('人口：2 个单位按年均增长率推算至 2025 年');
  });

  it('a population table for the year wins over the projection', () => {
    const r = evaluateGaps(units, facilities, beds, { year: 2025, populations: [fig('C', 2025, 1_200_000)] });
    expect(r.results.find((x) => x.scope === 'region')).toMatchObject({ value: 4.1667, shortfall: 1000 });
  });
});
