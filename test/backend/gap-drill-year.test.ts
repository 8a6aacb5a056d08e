// 差距分析's street drill-down lists the facilities the gap engine judged — the scenario's as of the report's
// year, with its projects (规划项目) of that year or before applied (shared/timeline/facilities-at.ts) — not the
// scenario's present rows. On the sample's 沙坪街道 (430105019000), whose present rows hold four facilities:
// 沙坪街道社区卫生服务中心, 沙坪七彩托育园, 龙湾社区卫生服务站, 西坪社区卫生服务站.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { Unit } from '../../shared/model/entities.ts';
import { indexReport, placeRow, rowsUnder } from '../../renderer/features/gaps/drill.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
let scenarioId: number;
let units: Unit[];
const SHAPING = '430105019000';
const XIPING = 'F430105019003-CHS';
const NEW_ID = 'NEW-CHS-SP1';

/** What the drill-down into 沙坪街道 lists as its facilities, for the report of a year, as GapsView builds it. */
async function streetList(year: number) {
  const report = await svc.call('gaps.evaluate', { scenarioId, year, onlyShort: false });
  const ix = indexReport(report.targets, report.results);
  const street = placeRow(ix, 'township', SHAPING)!;
  return rowsUnder(ix, street, report.facilities ?? [], units).facilities.map((r) => r.code);
}

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.openSample', {});
  scenarioId = (await svc.call('scenarios.create', { name: '沙坪撤并', copyFrom: 1 })).id;
  units = await svc.call('units.list', { scenarioId });
  // 2024: 西坪社区卫生服务站 closed (撤并); 2025: a new station opened in 龙湾社区 (430105019001).
  await svc.call('projects.add', { scenarioId, project: { year: 2024, kind: 'close', facility_id: XIPING, name: '西坪站撤并' } });
  await svc.call('projects.add', {
    scenarioId,
    project: {
      year: 2025,
      kind: 'new',
      facility_id: NEW_ID,
      name: '沙坪新站',
      type: 'chs_station',
      facility_name: '沙坪街道新建社区卫生服务站',
      lon: 113.0714,
      lat: 28.2795,
      unit_code: '430105019001',
    },
  });
});
afterAll(() => svc.close());

describe("a street's drill-down, year by year", () => {
  it('in 2025 lists what 2025 has: 西坪站 (closed 2024) gone, the station opened in 2025 there — 4 in the present rows, 4 listed, not the same four', async () => {
    const present = (await svc.call('facilities.list', { scenarioId })).filter((f) => f.unit_code.startsWith('430105019')).map((f) => f.id);
    expect(present).toHaveLength(4);
    expect(present).toContain(XIPING);
    expect(present).not.toContain(NEW_ID);
    const listed = await streetList(2025);
    expect(listed).toHaveLength(4); // 4 − 1 closed + 1 new
    expect(listed).not.toContain(XIPING);
    expect(listed).toContain(NEW_ID);
    expect(listed[0]).toBe('F430105019-CHC'); // the centre, which has results, first
  });

  it('in 2024 it lists 3 (the closure done, the new station not yet), in 2023 the present 4', async () => {
    const in2024 = await streetList(2024);
    expect(in2024).toHaveLength(3);
    expect(in2024).not.toContain(XIPING);
    expect(in2024).not.toContain(NEW_ID);
    const in2023 = await streetList(2023);
    expect(in2023).toHaveLength(4);
    expect(in2023).toContain(XIPING);
  });

  it("the report's facilities are the timeline's facilities of that year within the region (one 口径)", async () => {
    const report = await svc.call('gaps.evaluate', { scenarioId, year: 2025, onlyShort: false });
    const at = await svc.call('timeline.facilities', { scenarioId, year: 2025 });
    const inRegion = new Set(report.facilities!.map((f) => f.id));
    expect(inRegion.has(XIPING)).toBe(false);
    expect(report.facilities!.find((f) => f.id === NEW_ID)).toEqual({
      id: NEW_ID,
      name: '沙坪街道新建社区卫生服务站',
      type: 'chs_station',
      unit_code: '430105019001',
    });
    for (const id of inRegion)
      expect(
        at.facilities.some((f) => f.id === id),
        id,
      ).toBe(true);
  });
});
