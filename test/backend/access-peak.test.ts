// 通行条件 through the service and the CLI: a 2 km urban primary road at 40 km/h (3.0 min) takes twice
// as long at the peak (× 0.5: 6.0 min); the 1030-style result gives the other condition's coverage beside;
// the free and peak graphs are stored apart beside the plan; the peak factors are the plan's, checked; a
// siting proposal that meets a 5-minute rule at free flow no longer does at the peak, and sited for the
// worse of the two it does under both; referral under the peak; `--conditions` on access, site, referral.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FOLDER } from '../../electron/backend/access/graph-store.ts';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { DEFAULT_PEAK_FACTORS } from '../../shared/access/conditions.ts';
import type { AccessResultOut } from '../../shared/access/result.ts';
import { cliIn } from './cli-run.ts';
import { metres } from './metres.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();
const home = path.join(dir, 'home');
const b64 = (s: string) => Buffer.from(s).toString('base64');

// 一街道 (urban): 东社区 at the station and the county hospital (113.00), 西社区 with its 乡镇卫生院 2 km west (112.98).
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲区,,区,,113.0,28.0,2025',
  'S,一街道,A,街道,,113.0,28.0,2025',
  'C1,东社区,S,社区,1000,113.0,28.0,2025',
  'C2,西社区,S,社区,2000,112.98,28.0,2025',
].join('\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度',
  'E1,急救站,120急救站,C1,113.0,28.0',
  'H1,县医院,二级医院,C1,113.0,28.0',
  'T1,西卫生院,乡镇卫生院,C2,112.98,28.0',
].join('\n');
const ROAD = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { highway: 'primary' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [112.98, 28.0],
          [112.99, 28.0],
          [113.0, 28.0],
        ],
      },
    },
  ],
});
const q = { scenarioId: 1, types: ['ems_station' as const], urbanMinutes: 5, ruralMinutes: 30 };
const west = (r: AccessResultOut) => r.points.find((p) => p.code === 'C2')!.minutes;
/** The 2 km road at `kmh`, in minutes. */
const roadMinutes = (kmh: number) => metres(112.98, 28.0, 113.0, 28.0) / ((kmh * 1000) / 60);

let planPath = '';
async function withPlan<T>(fn: (svc: Service) => Promise<T>): Promise<T> {
  const svc = createPlannerService({ home, door: 'direct' });
  try {
    await svc.call('plan.open', { path: planPath });
    return await fn(svc);
  } finally {
    svc.close();
  }
}
const graphFiles = () => {
  const d = path.join(path.dirname(planPath), CACHE_FOLDER);
  return fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.graph')) : [];
};
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code,
  );

beforeAll(async () => {
  const svc = createPlannerService({ home, door: 'direct' });
  planPath = (await svc.call('plan.new', { path: path.join(dir, 'peak') })).path;
  const imported = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(imported.ok).toBe(true);
  expect(await svc.call('roads.import', { file: { fileName: 'roads.geojson', dataBase64: b64(ROAD) } })).toMatchObject({ ok: true });
  await svc.call('roads.setSpeeds', { speeds: { primary: 40 } });
  await svc.call('roads.setPeakFactors', { urban: { primary: 0.5 } });
  svc.close();
});

describe('access under the peak hour', () => {
  it('free flow is as before; at the peak the urban primary road takes twice as long, and the result says which', async () => {
    await withPlan(async (svc) => {
      const free = await svc.call('access.run', q);
      const same = await svc.call('access.run', { ...q, conditions: 'free' });
      const peak = await svc.call('access.run', { ...q, conditions: 'peak' });
      // 2 km at 40 km/h: 3.0 min; × 0.5 → 20 km/h: 6.0 min.
      expect(west(free)).toBeCloseTo(roadMinutes(40), 1);
      expect(west(peak)).toBeCloseTo(roadMinutes(20), 1);
      expect(same.points).toEqual(free.points);
      expect(free.conditions).toBe('free');
      expect(peak.conditions).toBe('peak');
      expect(free.modelNote).toContain('平峰');
      expect(peak.modelNote).toContain('高峰');
      expect(peak.modelNoteEn).toContain('peak hour');
      // Within 5 minutes: everyone at free flow, only 东社区 at the peak.
      expect(free.units[0]).toMatchObject({ scope: 'region', population: 3000, covered: 3000 });
      expect(peak.units[0]).toMatchObject({ scope: 'region', population: 3000, covered: 1000 });
    });
  });

  it('compare: the other condition side by side, region and county', async () => {
    await withPlan(async (svc) => {
      const r = await svc.call('access.run', { ...q, compare: true });
      expect(r.units[0]).toMatchObject({ covered: 3000 });
      expect(r.compared?.conditions).toBe('peak');
      expect(r.compared?.units).toEqual([
        { scope: 'region', code: 'region', name: '甲区', population: 3000, covered: 1000, share: 1 / 3 },
        { scope: 'county', code: 'A', name: '甲区', population: 3000, covered: 1000, share: 1 / 3 },
      ]);
      const back = await svc.call('access.run', { ...q, conditions: 'peak', compare: true });
      expect(back.compared?.conditions).toBe('free');
      expect(back.compared?.units[0]).toMatchObject({ covered: 3000, share: 1 });
    });
  });

  it('the peak graph is stored apart from the free one; new factors replace the old peak file only', async () => {
    const files = graphFiles();
    expect(files).toHaveLength(2);
    await withPlan(async (svc) => {
      await svc.call('roads.setPeakFactors', { urban: { primary: 0.25 } });
      // 10 km/h: 12.0 min, from a graph built anew.
      expect(west(await svc.call('access.run', { ...q, conditions: 'peak' }))).toBeCloseTo(roadMinutes(10), 1);
      await svc.call('roads.setPeakFactors', { urban: { primary: 0.5 } });
    });
    const after = graphFiles();
    expect(after).toHaveLength(2);
    // The free file is the one it was.
    expect(after.filter((f) => files.includes(f))).toHaveLength(1);
  });
});

describe('the peak factors of a plan', () => {
  it('are the defaults with the plan’s own over them, checked to be in (0, 1]', async () => {
    await withPlan(async (svc) => {
      const t = await svc.call('roads.peakFactors', {});
      expect(t.factors.urban.primary).toBe(0.5);
      expect(t.factors.rural).toEqual(DEFAULT_PEAK_FACTORS.rural);
      expect(t.defaults).toEqual(DEFAULT_PEAK_FACTORS);
      expect(t.note).toContain('待核实');
      for (const bad of [0, -0.2, 1.5]) expect(await codeOf(svc.call('roads.setPeakFactors', { rural: { trunk: bad } })), String(bad)).toBe('INVALID_ARGS');
      const set = await svc.call('roads.setPeakFactors', { rural: { trunk: 1 } });
      expect(set.factors.rural.trunk).toBe(1);
      expect(set.factors.urban.primary).toBe(0.5);
      const reset = await svc.call('roads.setPeakFactors', { reset: true, urban: { primary: 0.5 } });
      expect(reset.factors.rural.trunk).toBe(DEFAULT_PEAK_FACTORS.rural.trunk);
    });
  });
});

describe('siting under the other condition', () => {
  // No existing station counts (no sub-centre in the plan); candidates at 东社区 (S1) and midway (S2).
  const sq = {
    scenarioId: 1,
    model: 'mclp' as const,
    type: 'ems_station' as const,
    existingTypes: ['sub_centre' as const],
    k: 1,
    urbanMinutes: 5,
    ruralMinutes: 30,
    candidates: {
      sites: [
        { id: 'S1', name: '东址', lon: 113.0, lat: 28.0 },
        { id: 'S2', name: '中址', lon: 112.99, lat: 28.0 },
      ],
      upgrade: [],
      generateMeters: null,
    },
  };

  it('a proposal meeting the rule at free flow does not at the peak: said, with the people lost', async () => {
    await withPlan(async (svc) => {
      const r = await svc.call('siting.run', { ...sq, candidates: { ...sq.candidates, sites: [sq.candidates.sites[0]!] } });
      expect(r.chosen.map((s) => s.id)).toEqual(['S1']);
      expect(r.conditions).toBe('free');
      // Free: 西社区 3.0 min from S1, within 5: all 3,000.
      expect(r.coveredAfter).toBe(3000);
      expect(r.meetsRule).toBe(true);
      // Peak: 6.0 min, beyond 5: only 东社区's 1,000; 2,000 lost.
      expect(r.other).toEqual({ conditions: 'peak', coveredBefore: 0, coveredAfter: 1000, meetsRule: false, lost: 2000 });
      expect(r.notes.join('\n')).toContain('高峰时不再达标：2000 人超出时限');
    });
  });

  it('sited for the worse of the two, the midway site meets the rule under both', async () => {
    await withPlan(async (svc) => {
      const r = await svc.call('siting.run', { ...sq, siteFor: 'worse' });
      expect(r.conditions).toBe('peak');
      expect(r.modelNote).toContain('较差');
      // S2 is 1 km from each: 3.0 min at the peak's 20 km/h, 1.5 at free flow.
      expect(r.chosen.map((s) => s.id)).toEqual(['S2']);
      expect(r.coveredAfter).toBe(3000);
      expect(r.meetsRule).toBe(true);
      expect(r.other).toMatchObject({ conditions: 'free', coveredAfter: 3000, meetsRule: true, lost: 0 });
    });
  });
});

describe('referral and the command line', () => {
  it('referral under the peak: the 乡镇卫生院 is twice as far from the county hospital', async () => {
    await withPlan(async (svc) => {
      const free = await svc.call('referral.run', { scenarioId: 1, from: ['thc'] });
      const peak = await svc.call('referral.run', { scenarioId: 1, from: ['thc'], conditions: 'peak' });
      expect(free.facilities[0]!.minutes).toBeCloseTo(roadMinutes(40), 1);
      expect(peak.facilities[0]!.minutes).toBeCloseTo(roadMinutes(20), 1);
      expect(peak.modelNote).toContain('高峰');
    });
  });

  it('--conditions peak on access (with --compare), site and referral; a wrong word is a usage error', () => {
    const { healthplan } = cliIn(dir);
    const a = healthplan('access', planPath, '--thresholds', 'urban=5,rural=30', '--conditions', 'peak', '--compare');
    expect(a.code, a.err).toBe(0);
    const aj = JSON.parse(a.out) as { conditions: string; units: { covered: number }[]; compared: { conditions: string; units: { covered: number }[] } };
    expect(aj.conditions).toBe('peak');
    expect(aj.units[0]!.covered).toBe(1000);
    expect(aj.compared.conditions).toBe('free');
    expect(aj.compared.units[0]!.covered).toBe(3000);

    const s = healthplan('site', planPath, '--type', 'ems_station', '--existing', 'sub_centre', '--thresholds', 'urban=5,rural=30', '--site-for', 'worse');
    expect(s.code, s.err).toBe(0);
    const sj = JSON.parse(s.out) as { conditions: string; meets_rule: boolean; other: { conditions: string; meets_rule: boolean } };
    expect(sj).toMatchObject({ conditions: 'peak', other: { conditions: 'free' } });

    const r = healthplan('referral', planPath, '--from', 'thc', '--conditions', 'peak');
    expect(r.code, r.err).toBe(0);
    const rj = JSON.parse(r.out) as { query: { conditions: string }; facilities: { minutes: number }[] };
    expect(rj.query.conditions).toBe('peak');
    expect(rj.facilities[0]!.minutes).toBeCloseTo(roadMinutes(20), 1);

    const bad = healthplan('access', planPath, '--conditions', 'rush');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--conditions');
  });
});

describe('the command line says which condition its figures are under', () => {
  it('site --out names the condition sited for and words the people lost under the other; English lines carry the model note', () => {
    const { healthplan, file } = cliIn(dir);
    // One candidate, 东址 at the station (113.00): 西社区 3.0 min at free flow, 6.0 at the peak (beyond 5).
    const sites = file('one-site.csv', 'id,name,lon,lat\nS1,东址,113.0,28.0\n');
    const args = ['site', planPath, '--type', 'ems_station', '--existing', 'sub_centre', '--thresholds', 'urban=5,rural=30', '--candidates', sites];
    const free = healthplan(...args, '--out', path.join(dir, 's.json'));
    expect(free.code, free.err).toBe(0);
    const [head, other] = free.out.split('\n');
    expect(head).toContain('1 个120急救站；平峰时覆盖 0.0% → 100.0%（共 3,000 人；');
    // 东社区's 1,000 only at the peak: 2,000 covered at free flow are beyond 5 minutes at the peak.
    expect(other).toBe('  高峰时：覆盖 0.0% → 33.3%；不再全部达标（平峰时覆盖的人中有 2,000 人高峰时不在时限内）');
    const en = healthplan(...args, '--out', path.join(dir, 's.json'), '--lang', 'en');
    expect(en.out).toContain('covered at free flow 0.0% → 100.0% of 3,000 people');
    expect(en.out).toContain('the rule is no longer met (2,000 people within it at free flow are not at the peak hour)');

    const r = healthplan('referral', planPath, '--from', 'thc', '--conditions', 'peak', '--lang', 'en', '--out', path.join(dir, 'r.json'));
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toContain('within 30 min in 2025 (On the road network, by car;');
    expect(r.out.split('\n')[0]).toContain('at the peak hour');
    const a = healthplan('access', planPath, '--thresholds', 'urban=5,rural=30', '--compare', '--lang', 'en', '--out', path.join(dir, 'a.json'));
    expect(a.code, a.err).toBe(0);
    expect(a.out.split('\n')[0]).toMatch(/^wrote .*a\.json: 100\.0% of 3,000 people covered in 2025 \(On the road network, by car;.*at free flow/);
    expect(a.out).toContain('At the peak hour: 33.3% covered (1,000 of 3,000)');
  });

  it('refuses --areas with a straight-line radius (no travel times to draw them from), naming the fix', () => {
    const { healthplan } = cliIn(dir);
    const r = healthplan('access', planPath, '--preset', 'radius', '--areas', '10', '--format', 'geojson');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--areas/--catchments：服务范围按路网通行时间绘制；请去掉 --radius 或 --preset radius');
  });

  it('refuses --compare with a straight-line radius (the same at any hour), naming the fix', () => {
    const { healthplan } = cliIn(dir);
    const r = healthplan('access', planPath, '--preset', 'radius', '--compare');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--compare：直线服务半径不随通行条件变化；请去掉 --radius 或 --preset radius 再对照平峰与高峰');
  });

  it('refuses --site-for worse beside --conditions free (it sites at the peak hour), naming the fix', () => {
    const { healthplan } = cliIn(dir);
    const r = healthplan('site', planPath, '--type', 'ems_station', '--conditions', 'free', '--site-for', 'worse');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--site-for worse 按高峰选址（并检查平峰）：请去掉 --conditions free');
  });
});
