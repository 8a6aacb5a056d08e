// The data check's implausible figures (shared/check/figures.ts) on a hand-made plan; every figure by hand.
// Issue 16: "beds far above approved beds or the type's usual size (20,000 beds in a 一级医院 with 65 approved
// is accepted today), staff per bed out of any usual range, a CHC with 0 physicians". 医疗机构基本标准（试行）:
// 一级综合医院 住院床位总数 20 至 99 张.
import { describe, expect, it } from 'vitest';
import { BEDS, check, fac, one, rules, unit } from './plan.ts';

// 甲区 A 61,000 people in one street A1.
const UNITS = [unit('A', '甲区', 'county', null, 61_000), unit('A1', '一街道', 'street', 'A', 61_000)];

describe('implausible figures', () => {
  it("a 一级医院 with 20,000 beds and 65 approved: above the type's 300 and 307.69× approved, with what it does to 每千人口床位数", () => {
    const facilities = [
      fac('P', 'primary_hospital', 'A1', { name: '某一级医院', beds_open: 20_000, beds_approved: 65, health_technicians: 80 }),
      fac('H', 'secondary_hospital', 'A1', { beds_open: 500, beds_approved: 500, health_technicians: 400 }),
    ];
    const r = check(UNITS, facilities, [BEDS]);
    expect(rules(r)).toEqual(['figures.beds_approved P', 'figures.beds_size P']); // staff per bed (80 / 20,000) not said again
    const size = one(r, 'figures.beds_size', 'P');
    expect(size.message.zh).toBe('某一级医院（一级医院）实有床位 20,000 张，超过此类机构的合理上限 300 张（编制床位 65 张）');
    // 甲区: (20,000 + 500) / 61,000 × 1,000 = 336.07; with 65 in place of 20,000: 565 / 61 = 9.26
    expect(size.affects?.effect.zh).toBe('甲区 的「每千人口床位数」按此计为 336.07，按 65 张计为 9.26（要求 6）');
    expect(size.affects?.targets).toEqual([{ id: 'beds', name: '每千人口床位数' }]);
    expect(one(r, 'figures.beds_approved', 'P').message.en).toBe('某一级医院 has 20,000 open beds, 307.69× its 65 approved beds');
    expect(size.row).toEqual({ table: 'facilities', key: 'P', name: '某一级医院', column: 'beds_open' });
  });

  it('over approved: 151 of 100 (1.51×, 51 more) is found; 150 of 100 (1.5×) and 30 of 12 (2.5× but 18 more) are not', () => {
    const r = check(
      UNITS,
      [
        fac('X', 'secondary_hospital', 'A1', { beds_open: 151, beds_approved: 100 }),
        fac('Y', 'secondary_hospital', 'A1', { beds_open: 150, beds_approved: 100 }),
        fac('Z', 'thc', 'A1', { beds_open: 30, beds_approved: 12 }),
      ],
      [],
    );
    expect(rules(r)).toEqual(['figures.beds_approved X']);
    expect(one(r, 'figures.beds_approved', 'X').affects).toBeUndefined(); // no target of the set reads beds
  });

  it('staff per bed: 50 health technicians for 500 beds (0.1) and 3,000 for 500 (6) are found; 400 (0.8) is not; a CHC is not judged on it', () => {
    const r = check(
      UNITS,
      [
        fac('L', 'secondary_hospital', 'A1', { beds_open: 500, health_technicians: 50 }),
        fac('M', 'secondary_hospital', 'A1', { beds_open: 500, health_technicians: 3_000 }),
        fac('N', 'secondary_hospital', 'A1', { beds_open: 500, health_technicians: 400 }),
        fac('C1', 'chc', 'A1', { beds_open: 20, health_technicians: 150, physicians: 30 }),
      ],
      [],
    );
    expect(rules(r)).toEqual(['figures.staff_per_bed L', 'figures.staff_per_bed M']);
    expect(one(r, 'figures.staff_per_bed', 'L').message.zh).toBe('L 卫生技术人员 50 人、实有床位 500 张，每床 0.1 人，超出常见范围 0.2–5');
  });

  it('a community health centre with 0 physicians is found; one with none given (unknown) is not', () => {
    const r = check(
      UNITS,
      [fac('C0', 'chc', 'A1', { physicians: 0 }), fac('C9', 'chc', 'A1', { physicians: null }), fac('S0', 'chs_station', 'A1', { physicians: 0 })],
      [],
    );
    expect(rules(r)).toEqual(['figures.no_physicians C0']);
    expect(one(r, 'figures.no_physicians', 'C0').message.zh).toBe('C0（社区卫生服务中心）执业(助理)医师为 0');
  });
});
