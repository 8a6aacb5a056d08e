// The allocator on hand-made cases: every figure below was worked out by hand from the rule in
// shared/allocation/allocate.ts (the lowest achievement first, ties to the earlier unit then resource).
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../shared/allocation/allocate.ts';
import { BEDS, DOCTORS, fac, given, line, need, threeStreets } from './helpers.ts';

describe('three streets, beds and physicians (threeStreets in helpers.ts)', () => {
  // Beds (5 per 1,000): 沙坪 70 of 100 (0.7; room: H1 floor 9,000 ÷ 100 = 90 → 30, C1 CHC cap 50 → 40),
  // 望月湖 20 of 50 (0.4; room: C2 floor 2,500 ÷ 100 = 25 → 5), 东塘 150 of 150 (met). Budget 20:
  // 望月湖 rises 0.40 … 0.48 and its room is full after 5; 沙坪 then takes the other 15.
  // Physicians (3 per 1,000, no caps): 沙坪 36/60 = 0.6, 望月湖 9/30 = 0.3, 东塘 72/90 = 0.8. Budget 30:
  // every step below level 0.8 (望月湖 9→24: 16, 沙坪 36→48: 13) and one of the three steps tied at
  // exactly 0.8 beyond that is 31; the 30 go to all but the last tied one, 东塘's (the latest unit).
  const r = allocate(threeStreets());

  it('gives the lowest first and the met street nothing', () => {
    // 沙坪's 15 to the facility with most room: C1 (40) before H1 (30); C1 takes them all.
    expect(given(r, 'beds')).toEqual([
      ['U', 'S1', 15],
      ['F', 'C1', 15],
      ['U', 'S2', 5],
      ['F', 'C2', 5],
      ['U', 'S3', 0],
    ]);
    // Physicians have no cap: equal (unlimited) room, so the larger facility, H1 (30 against 6), takes 沙坪's 13.
    expect(given(r, 'physicians')).toEqual([
      ['U', 'S1', 13],
      ['F', 'H1', 13],
      ['U', 'S2', 16],
      ['F', 'C2', 16],
      ['U', 'S3', 1],
      ['F', 'T3', 1],
    ]);
  });

  it('explains each line', () => {
    expect(line(r, 'S1', 'beds')).toMatchObject({
      current: 70,
      allocated: 15,
      result: 85,
      remaining_shortfall: 15,
      reason: '沙坪街道：+15 床，因每千常住人口床位数 3.5 < 5（测试〔2025〕1号 一），配置后 4.25；仍缺 15 床，床位预算已分完',
      reasonEn: '沙坪街道: +15 beds, as Beds per 1,000 3.5 < 5 (测试〔2025〕1号 一); 4.25 after; 15 beds still short: the bed budget is used up',
    });
    expect(line(r, 'S2', 'beds')).toMatchObject({
      allocated: 5,
      remaining_shortfall: 25,
      reason: '望月湖街道：+5 床，因每千常住人口床位数 2 < 5（测试〔2025〕1号 一），配置后 2.5；仍缺 25 床，辖区内无可扩充的机构，需新建',
    });
    expect(line(r, 'S3', 'beds').reason).toBe('东塘街道：已达标（每千常住人口床位数 5 ≥ 5），不配置');
    expect(line(r, 'C2', 'beds').reason).toBe('按余量优先分配 +5 床（现有 20，业务用房 2,500 m² ÷ 100 m²/床 = 25 床，已达上限）');
    expect(line(r, 'C1', 'beds').reason).toBe('按余量优先分配 +15 床（现有 10，社区卫生服务中心上限 50，尚可扩充 25）');
    expect(line(r, 'C1', 'beds').reasonEn).toBe('+15 beds, most room first (holds 10, community health centre cap 50, room for 25 more)');
    expect(line(r, 'H1', 'physicians').reason).toBe('按余量优先分配 +13 名医师（现有 30）');
    expect(line(r, 'S3', 'physicians').reasonEn).toBe(
      '东塘街道: +1 physician, as Physicians per 1,000 2.4 < 3 (测试〔2025〕1号 一); 2.43 after; 17 physicians still short: the physician budget is used up',
    );
  });

  it('says what is left and what more would be needed', () => {
    expect(r.unspent).toEqual({ beds: 0, physicians: 0, nurses: null, gps: null, ambulances: null, money: null });
    // Beds: 沙坪's 15 fit its facilities (budget); 望月湖's 25 do not (new capacity). Physicians: 11 + 5 + 17.
    expect(r.still_needed).toEqual({
      beds: { budget: 15, new_capacity: 25 },
      physicians: { budget: 33, new_capacity: 0 },
      nurses: { budget: 0, new_capacity: 0 },
      gps: { budget: 0, new_capacity: 0 },
      ambulances: { budget: 0, new_capacity: 0 },
      money: null,
    });
    expect(r.stopped).toMatchObject({ beds: 'budget', physicians: 'budget' });
    expect(r.allocated).toMatchObject({ beds: 20, physicians: 30 });
  });

  it('with more budget than can be placed, closes what fits and leaves the rest unspent', () => {
    const big = allocate(threeStreets({ beds: 500, physicians: 500 }));
    // Beds: 沙坪 30 (its shortfall), 望月湖 5 (its room); physicians: every shortfall (24 + 21 + 18).
    expect(big.allocated).toMatchObject({ beds: 35, physicians: 63 });
    expect(big.unspent).toMatchObject({ beds: 465, physicians: 437 });
    expect(big.still_needed.beds).toEqual({ budget: 0, new_capacity: 25 });
    expect(big.stopped).toMatchObject({ beds: 'closed', physicians: 'closed' });
  });
});

describe('money', () => {
  // Beds 300,000 yuan, physicians 100,000, 2,000,000 yuan: both resources water-fill together. 望月湖's
  // steps in level order: physician .300 .333 .367, bed .40 (tie with physician .40: beds first, the lower
  // resource), physician .40, bed .42, physician .433, bed .44, bed .46, physician .467 = 1,800,000; the
  // bed at .48 costs more than the 200,000 left, so beds stop; physicians .50 and .533 spend the rest.
  const r = allocate({ ...threeStreets(), costs: { beds: 300_000, physicians: 100_000 }, budget: { beds: 20, physicians: 30, money: 2_000_000 } });

  it('never spends more than the money and says so', () => {
    expect(given(r, 'beds').filter(([s]) => s === 'U')).toEqual([
      ['U', 'S1', 0],
      ['U', 'S2', 4],
      ['U', 'S3', 0],
    ]);
    expect(given(r, 'physicians').filter(([s]) => s === 'U')).toEqual([
      ['U', 'S1', 0],
      ['U', 'S2', 8],
      ['U', 'S3', 0],
    ]);
    expect(r.spent_money).toBe(2_000_000);
    expect(r.unspent).toMatchObject({ beds: 16, physicians: 22, money: 0 });
    expect(r.stopped).toMatchObject({ beds: 'money', physicians: 'money' });
    expect(line(r, 'S1', 'beds').reason).toBe('沙坪街道：每千常住人口床位数 3.5 < 5（测试〔2025〕1号 一）；仍缺 30 床，资金已用完');
    // Beds: 沙坪 30 + 望月湖 1 (C2 has room for one more) at 300,000; physicians 24 + 13 + 18 at 100,000.
    expect(r.still_needed).toMatchObject({ beds: { budget: 31, new_capacity: 25 }, physicians: { budget: 55, new_capacity: 0 }, money: 14_800_000 });
  });

  it('allocates no resource without a budget, and says so', () => {
    const r = allocate(threeStreets({ beds: 20 }));
    expect(r.allocated.physicians).toBe(0);
    expect(r.unspent.physicians).toBeNull();
    expect(r.stopped.physicians).toBe('no_budget');
    expect(line(r, 'S1', 'physicians').reason).toBe(
      '沙坪街道：每千常住人口执业（助理）医师数 1.8 < 3（测试〔2025〕1号 一）；仍缺 24 名医师，未给出执业(助理)医师预算',
    );
    expect(r.still_needed.physicians).toEqual({ budget: 24 + 21 + 18, new_capacity: 0 });
  });

  it('constrains nothing without costs', () => {
    const free = allocate({ ...threeStreets(), budget: { beds: 20, physicians: 30, money: 1 } });
    expect(free.allocated).toMatchObject({ beds: 20, physicians: 30 });
    expect(free.unspent.money).toBe(1);
  });
});

describe('commitments and hand-set lines', () => {
  it('takes commitments out of the budget first and counts them toward the unit and facility', () => {
    // 10 beds already promised to 沙坪 (a new ward), 3 to C2: budget 20 − 13 = 7 left. 望月湖 stands at
    // 23/50 = 0.46 with C2's room 5 − 3 = 2; 沙坪 at 80/100 = 0.8: 望月湖 takes its 2, 沙坪 the other 5.
    const r = allocate({
      ...threeStreets(),
      commitments: [
        { resource: 'beds', amount: 10, unit: 'S1' },
        { resource: 'beds', amount: 3, facility: 'C2' },
      ],
    });
    expect(r.committed.beds).toBe(13);
    expect(given(r, 'beds').filter(([s]) => s === 'U')).toEqual([
      ['U', 'S1', 5],
      ['U', 'S2', 2],
      ['U', 'S3', 0],
    ]);
    expect(line(r, 'S1', 'beds')).toMatchObject({ current: 70, committed: 10, allocated: 5, result: 85, remaining_shortfall: 15 });
    expect(line(r, 'C2', 'beds')).toMatchObject({ current: 20, committed: 3, allocated: 2, result: 25 });
    expect(line(r, 'C2', 'beds').reason).toBe('已定项目 +3 床；按余量优先分配 +2 床（现有 20，业务用房 2,500 m² ÷ 100 m²/床 = 25 床，已达上限）');
    expect(line(r, 'S2', 'beds').reason).toContain('已定项目 +3 床，配置后 2.5');
    expect(r.unspent.beds).toBe(0);
  });

  it('keeps hand-set lines exactly and allocates the rest around them', () => {
    // 沙坪 beds set to 3 by hand; H1 physicians set to 0. Beds: 望月湖 5 (room), 20 − 3 − 5 = 12 unspent
    // (沙坪 is fixed). Physicians: 沙坪 can only grow through C1 now, unlimited: the same 13 / 16 / 1.
    const r = allocate({
      ...threeStreets(),
      manual: [
        { resource: 'beds', amount: 3, unit: 'S1' },
        { resource: 'physicians', amount: 0, facility: 'H1' },
      ],
    });
    // 沙坪's 3 go to C1, the most room (H1, given nothing, has no line).
    expect(given(r, 'beds')).toEqual([
      ['U', 'S1', 3],
      ['F', 'C1', 3],
      ['U', 'S2', 5],
      ['F', 'C2', 5],
      ['U', 'S3', 0],
    ]);
    expect(line(r, 'S1', 'beds')).toMatchObject({ manual: true, allocated: 3, remaining_shortfall: 27 });
    expect(line(r, 'S1', 'beds').reason).toMatch(/^沙坪街道：手工指定 \+3 床，每千常住人口床位数 3\.5 < 5.*仍缺 27 床，该行为手工指定$/);
    expect(r.unspent.beds).toBe(12);
    expect(line(r, 'H1', 'physicians')).toMatchObject({ manual: true, allocated: 0, reason: '手工指定 +0 名医师' });
    expect(line(r, 'C1', 'physicians').allocated).toBe(13);
    expect(line(r, 'S1', 'physicians').allocated).toBe(13);
  });

  it('warns when commitments exceed the budget, and about unknown facilities', () => {
    const r = allocate({
      ...threeStreets({ beds: 5 }),
      commitments: [
        { resource: 'beds', amount: 8, unit: 'S2' },
        { resource: 'beds', amount: 1, facility: 'nope' },
      ],
    });
    expect(r.allocated.beds).toBe(0);
    expect(r.unspent.beds).toBe(0);
    expect(r.warnings.map((w) => w.zh)).toEqual(['已定项目的机构「nope」不在测算范围内，未计入', '已定项目与手工指定的床位超出预算 3']);
  });
});

describe('limits and eligibility', () => {
  it('gives beds only to the types that have wards, and reports the rest as needing new capacity', () => {
    // A street whose only facility is a community health station (no beds by default).
    const r = allocate({
      budget: { beds: 50 },
      units: [{ code: 'X', name: '新区街道' }],
      facilities: [fac('S', 0, 'chs_station', {})],
      needs: [need(0, 'beds', BEDS, 10_000, 0)],
    });
    expect(r.allocated.beds).toBe(0);
    expect(line(r, 'X', 'beds').reason).toBe('新区街道：每千常住人口床位数 0 < 5（测试〔2025〕1号 一）；仍缺 50 床，辖区内无可扩充的机构，需新建');
    expect(r.still_needed.beds).toEqual({ budget: 0, new_capacity: 50 });
    // The caller may allow it, with its own cap.
    const allowed = allocate({
      budget: { beds: 50 },
      units: [{ code: 'X', name: '新区街道' }],
      facilities: [fac('S', 0, 'chs_station', {})],
      needs: [need(0, 'beds', BEDS, 10_000, 0)],
      rules: { eligible: { beds: ['chs_station'] }, typeCaps: { beds: { chs_station: 20 } } },
    });
    expect(allowed.allocated.beds).toBe(20);
    expect(line(allowed, 'X', 'beds').reason).toContain('仍缺 30 床，辖区内无可扩充的机构，需新建');
  });

  it('gives only to facilities the target counts', () => {
    // The physicians target counts hospitals only: the CHC beside it does not raise the ratio, so it gets nothing.
    const onlyHospitals = { ...DOCTORS, facilityTypes: ['secondary_hospital'] as const };
    const r = allocate({
      budget: { physicians: 10 },
      units: [{ code: 'X', name: '甲街道' }],
      facilities: [fac('C', 0, 'chc', { physicians: 50 }), fac('H', 0, 'secondary_hospital', { physicians: 10 })],
      needs: [need(0, 'physicians', onlyHospitals, 10_000, 10)],
    });
    expect(given(r, 'physicians')).toEqual([
      ['U', 'X', 10],
      ['F', 'H', 10],
    ]);
  });

  it('splits the remaining shortfall between budget and new capacity', () => {
    // Shortfall 50; room 20 (a THC at 80 of its 100); budget 5 → 15 more budget would fill the THC, 30 need a new facility.
    const r = allocate({
      budget: { beds: 5 },
      units: [{ code: 'X', name: '乙镇' }],
      facilities: [fac('T', 0, 'thc', { beds: 80 })],
      needs: [need(0, 'beds', BEDS, 26_000, 80)],
    });
    expect(line(r, 'X', 'beds').reason).toBe(
      '乙镇：+5 床，因每千常住人口床位数 3.08 < 5（测试〔2025〕1号 一），配置后 3.27；仍缺 45 床，其中 15 床因床位预算已分完；30 床辖区内无可扩充的机构，需新建',
    );
    expect(r.still_needed.beds).toEqual({ budget: 15, new_capacity: 30 });
  });
});
