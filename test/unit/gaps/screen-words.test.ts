// The gap screen's words and lists (issue 15, "Also found by a new user"): a roll-up leads with what is
// short, counts carry thousands separators, and a street's drill-down lists all its facilities.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import { en } from '../../../renderer/ui/i18n/en.ts';
import { zhCN } from '../../../renderer/ui/i18n/zh-CN.ts';
import { facilitiesIn, indexReport, placeRow } from '../../../renderer/features/gaps/drill.ts';
import { cellFigure, fullFigure, rollupText } from '../../../renderer/ui/wording/figures.ts';

beforeAll(async () => {
  await i18next.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
});

const perFacility = {
  kind: 'facility_min',
  id: 'php',
  group: '公共卫生',
  facilityTypes: ['chc'],
  measure: 'public_health_physicians',
  min: 2,
  unit: '人',
} as unknown as Target;
const perStreet = { kind: 'presence', id: 'chc', group: '基层机构', facilityTypes: ['chc'], unitKinds: ['street'], min: 1, unit: '个' } as unknown as Target;

describe('a roll-up', () => {
  it('leads with what is short: 98 centres, 76 meet it → 不足 22 / 共 98 所，达标 76', () => {
    expect(rollupText(perFacility, { met: 76, of: 98 }, 'zh-CN')).toBe('不足 22 / 共 98 所，达标 76');
    expect(rollupText(perFacility, { met: 76, of: 98 }, 'en')).toBe('22 of 98 short, 76 met');
    expect(rollupText(perStreet, { met: 60, of: 62 }, 'zh-CN')).toBe('不足 2 / 共 62 个，达标 60');
  });
  it('reads 达标 n / n when every one meets it, with separators past a thousand', () => {
    expect(rollupText(perFacility, { met: 1204, of: 1204 }, 'zh-CN')).toBe('达标 1,204 / 1,204');
    expect(rollupText(perFacility, { met: 1000, of: 1657 }, 'zh-CN')).toBe('不足 657 / 共 1,657 所，达标 1,000');
  });
  it('is what a card and a cell show', () => {
    const r = {
      target: 'php',
      scope: 'township',
      code: 'S',
      name: 'S',
      parent: 'K',
      value: 0,
      required: 1,
      shortfall: 1,
      unit: '人',
      status: 'short',
      count: { met: 1200, of: 1657 },
    } as GapResult;
    expect(fullFigure(perFacility, r, 'zh-CN')).toBe('不足 457 / 共 1,657 所，达标 1,200');
    expect(cellFigure(perFacility, r, 'zh-CN')).toBe('1,200/1,657');
  });
});

describe("a street's facilities", () => {
  // 沙坪街道 (S) with two communities; its centre has a facility-level result, its two clinics none
  // (no facility target of the set is for 社区卫生服务站); a clinic of another street stays out.
  const units = [
    { code: 'K', parent_code: null },
    { code: 'S', parent_code: 'K' },
    { code: 'S1', parent_code: 'S' },
    { code: 'S2', parent_code: 'S' },
    { code: 'T', parent_code: 'K' },
    { code: 'T1', parent_code: 'T' },
  ];
  const facilities = [
    { id: 'CHC', name: '沙坪街道社区卫生服务中心', unit_code: 'S' },
    { id: 'ST1', name: '一社区卫生服务站', unit_code: 'S1' },
    { id: 'OTHER', name: '别街道服务站', unit_code: 'T1' },
    { id: 'ST2', name: '二社区卫生服务站', unit_code: 'S2' },
  ];
  const ix = indexReport(
    [perFacility],
    [
      {
        target: 'php',
        scope: 'township',
        code: 'S',
        name: '沙坪街道',
        parent: 'K',
        value: 0,
        required: 1,
        shortfall: 1,
        unit: '人',
        status: 'short',
        count: { met: 0, of: 1 },
      },
      {
        target: 'php',
        scope: 'facility',
        code: 'CHC',
        name: '沙坪街道社区卫生服务中心',
        parent: 'S',
        value: 1,
        required: 2,
        shortfall: 1,
        unit: '人',
        status: 'short',
      },
    ],
  );
  it('lists all three (not "1 个机构"): the one with results first, then the others without results', () => {
    const street = placeRow(ix, 'township', 'S')!;
    const rows = facilitiesIn(street, ix.children.get('S')!, facilities, units);
    expect(rows.map((r) => [r.code, r.results.size])).toEqual([
      ['CHC', 1],
      ['ST1', 0],
      ['ST2', 0],
    ]);
  });
  it("leaves a county's rows as they are", () => {
    const county = { scope: 'county' as const, code: 'K', name: 'K', parent: 'region', results: new Map() };
    expect(facilitiesIn(county, [], facilities, units)).toEqual([]);
  });
});
