// The data check's populations (shared/check/population.ts) on a hand-made plan; every figure by hand.
// Issue 16: "populations that do not add up (a parent against the sum of its children, by more than 1%),
// units with no population, villages/communities listed for only part of a street/town".
import { describe, expect, it } from 'vitest';
import { BEDS, check, one, rules, unit } from './plan.ts';

// 某市 C 101,000 → 甲区 A 61,000 (streets A1 40,000 + A2 20,000 = 60,000) and 乙县 B 40,000 (town B1 40,000,
// villages V1 30,000 and V2 without a figure); A2's communities K1 10,000 + K2 7,000 = 17,000.
const UNITS = [
  unit('C', '某市', 'city', null, 101_000),
  unit('A', '甲区', 'county', 'C', 61_000),
  unit('A1', '一街道', 'street', 'A', 40_000),
  unit('A2', '二街道', 'street', 'A', 20_000),
  unit('K1', '东社区', 'community', 'A2', 10_000),
  unit('K2', '西社区', 'community', 'A2', 7_000),
  unit('B', '乙县', 'county', 'C', 40_000),
  unit('B1', '三镇', 'town', 'B', 40_000),
  unit('V1', '东村', 'village', 'B1', 30_000),
  unit('V2', '西村', 'village', 'B1', null),
];

describe('populations that do not add up', () => {
  it('a county 1.6% above its streets is found, with both figures, the difference and what it does to 每千人口床位数', () => {
    const r = check(UNITS, []);
    const f = one(r, 'population.sum', 'A');
    // 61,000 − 60,000 = 1,000 = 1.64% of 61,000 (> 1%); 60,000 vs 61,000 = −1.6%
    expect(f.message.zh).toBe('甲区 本级常住人口 61,000 人，下级合计 60,000 人，相差 1,000 人（−1.6%，2025 年）');
    expect(f.message.en).toContain('its units add up to 60,000, 1,000 fewer (−1.6%, 2025)');
    expect(f.affects?.targets).toEqual([{ id: 'beds', name: '每千人口床位数' }]);
    // a per-person figure on 60,000 in place of 61,000: × 61,000 / 60,000 = +1.7%
    expect(f.affects?.effect.zh).toBe('「每千人口床位数」 中 甲区 按本级 61,000 人计算；按下级合计 60,000 人算，人均指标变动 +1.7%');
    expect(f.row).toEqual({ table: 'units', key: 'A', name: '甲区', column: 'population' });
    expect(f.id).toBe('population.sum:units:A');
  });

  it('exactly 1% off is not a finding: 某市 101,000 against 甲区 61,000 + 乙县 40,000 = 101,000 → none; 102,100 (1.08% off) → found', () => {
    expect(rules(check(UNITS, [])).filter((x) => x.endsWith(' C'))).toEqual([]);
    const units = UNITS.map((u) => (u.code === 'C' ? { ...u, population: 100_000 } : u)); // 101,000 vs 100,000: 1.0% — not more
    expect(rules(check(units, [])).filter((x) => x.endsWith(' C'))).toEqual([]);
    const over = UNITS.map((u) => (u.code === 'C' ? { ...u, population: 102_100 } : u)); // 1,100 of 102,100 = 1.08%
    expect(one(check(over, []), 'population.sum', 'C').message.zh).toContain('相差 1,100 人');
  });

  it('villages listed for part of a town: 1 of 2 without a population (and not also as a sum off by 25%)', () => {
    const r = check(UNITS, []);
    const f = one(r, 'population.partial', 'B1');
    expect(f.message.zh).toBe('三镇 下级 2 个单位中 1 个没有人口，已列的 1 个合计 30,000 人，为本级 40,000 人的 75%（2025 年）');
    expect(rules(r)).not.toContain('population.sum B1');
  });

  it('communities covering 85% of their street (< 90%) are listed only in part; 95% would be a sum off by 5%', () => {
    const r = check(UNITS, []);
    // 10,000 + 7,000 = 17,000 of 20,000 = 85%
    expect(one(r, 'population.partial', 'A2').message.zh).toBe(
      '二街道 下级 2 个单位合计 17,000 人，只占本级 20,000 人的 85%（2025 年）：下级单位可能只列了一部分',
    );
    const units = UNITS.map((u) => (u.code === 'K2' ? { ...u, population: 9_000 } : u)); // 19,000 = 95%
    const r2 = check(units, []);
    expect(rules(r2)).not.toContain('population.partial A2');
    expect(one(r2, 'population.sum', 'A2').message.zh).toContain('相差 1,000 人（−5.0%');
  });

  it('a unit with no population: the topmost one, with how many below it lack one too; 每千人口床位数 shows missing data', () => {
    const units = [...UNITS, unit('D', '丙区', 'county', 'C', null), unit('D1', '四街道', 'street', 'D', null)];
    const r = check(units, [], [BEDS]);
    const f = one(r, 'population.none', 'D');
    expect(f.message.zh).toBe('丙区 及其下级 1 个单位都没有常住人口（2025 年）');
    expect(f.affects?.effect.zh).toBe('「每千人口床位数」 在 丙区 显示为「缺少数据」');
    expect(rules(r)).not.toContain('population.none D1');
    // V2 (a village) has no figure either: said once, as part of 三镇's listing, not as a unit with none
    expect(rules(r)).not.toContain('population.none V2');
    expect(rules(r)).toContain('population.partial B1');
  });

  it('a plan whose figures add up has no population finding', () => {
    const units = [
      unit('C', '某市', 'city', null, 60_000),
      unit('A', '甲区', 'county', 'C', 60_000),
      unit('A1', '一街道', 'street', 'A', 40_000),
      unit('A2', '二街道', 'street', 'A', 20_000),
    ];
    expect(check(units, []).counts.byFamily.population).toBe(0);
  });

  it("a figure from the populations-by-year table is fixed there: the row says populations, the year's figure is the one compared", () => {
    // 甲区's row says 61,000 for 2025; the table's figure for the same year (62,000) is the one used, as the gap engine uses it
    const r = check(UNITS, [], [], { populations: [{ code: 'A', year: 2025, population: 62_000, population_0_3: null, population_65_plus: null }] });
    const f = one(r, 'population.sum', 'A');
    // 62,000 against 60,000: 2,000 (−3.2%)
    expect(f.message.zh).toBe('甲区 本级常住人口 62,000 人，下级合计 60,000 人，相差 2,000 人（−3.2%，2025 年）');
    expect(f.row.table).toBe('populations');
    expect(one(r, 'population.sum', 'A').id).toBe('population.sum:units:A');
  });
});
