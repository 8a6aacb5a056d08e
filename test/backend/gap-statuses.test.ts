// gaps.statuses, the map's street/town colouring: the statuses of gaps.evaluate at township scope (one
// truth), for the plan's set and year and for another year and a scenario, compactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { GapReportOut, GapStatusesOut } from '../../shared/api/contract.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const BASE = 1;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.openSample', {});
});
afterAll(() => svc.close());

/** gaps.evaluate's township results as target → code → status. */
const fromReport = (r: GapReportOut) => {
  const out: Record<string, Record<string, string>> = {};
  for (const x of r.results) if (x.scope === 'township') (out[x.target] ??= {})[x.code] = x.status;
  return out;
};
const fromStatuses = (s: GapStatusesOut) => {
  const out: Record<string, Record<string, string>> = {};
  for (const [target, list] of Object.entries(s.statuses))
    list.forEach((status, i) => {
      if (status) (out[target] ??= {})[s.codes[i]!] = status;
    });
  return out;
};

describe('gaps.statuses', () => {
  it('gives the statuses gaps.evaluate gives at street/town level, for the same set and year', async () => {
    for (const year of [undefined, 2020]) {
      const full = await svc.call('gaps.evaluate', { scenarioId: BASE, year, level: 'township', onlyShort: false });
      const compact = await svc.call('gaps.statuses', { scenarioId: BASE, year });
      expect([compact.standard, compact.year]).toEqual([full.standard, full.year]);
      expect(fromStatuses(compact)).toEqual(fromReport(full));
      // The targets offered: those with a street/town result, in the set's order, named in both languages.
      const evaluated = new Set(full.results.map((x) => x.target));
      expect(compact.targets).toEqual(full.targets.filter((t) => evaluated.has(t.id)).map((t) => ({ id: t.id, name: t.name, nameEn: t.nameEn })));
      expect(compact.codes).toEqual([...new Set(full.results.map((x) => x.code))]);
    }
  });

  it('colours by the 90% rule of the set: beds per 1,000 (11 in 2025) in three streets', async () => {
    const s = await svc.call('gaps.statuses', { scenarioId: BASE });
    const beds = (code: string) => s.statuses['beds-per-1000']![s.codes.indexOf(code)];
    // 文艺路街道 20.46 ≥ 11: met; 赤岭路街道 10.64 ≥ 9.9 (90% of 11) but < 11: near; 韭菜园街道 no beds: short.
    expect([beds('430102001000'), beds('430103010000'), beds('430102003000')]).toEqual(['met', 'near', 'short']);
    // The access target (1530) is there too: the map colours by it.
    expect(s.targets.map((t) => t.id)).toContain('access-1530');
    // What the map reads is a fraction of the full report (the sample: 431 KB → 21 KB).
    const full = await svc.call('gaps.evaluate', { scenarioId: BASE, level: 'township', onlyShort: false });
    expect(JSON.stringify(s).length).toBeLessThan(JSON.stringify(full).length / 10);
  });
});
