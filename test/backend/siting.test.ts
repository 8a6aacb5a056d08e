// Siting through the service on a real plan file: a hand-made region without roads (straight line ×
// 1.6 ÷ speed), answers computed by hand for each model; exclusions, upgrades, generated sites, the
// candidate sheet, jobs, and a proposal put into a new scenario that the access analysis then sees.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { ApiArgs } from '../../shared/api/contract.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

// 甲区: 一街道 (urban: 东社区 at the station E1, 西社区 4 km west: 12.6 min > 10) and 二镇 (rural: 远村
// 19.6 km east of E1: 41.8 min > 30, with its 卫生院 H1). Without roads: metres × 1.6 ÷ 30 (urban) / 45 (rural) km/h.
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  'A,甲区,,区,,113.0,28.0,2025',
  'S,一街道,A,街道,,113.0,28.0,2025',
  'C1,东社区,S,社区,1000,113.0,28.0,2025',
  'C2,西社区,S,社区,2000,112.96,28.0,2025',
  'T,二镇,A,镇,,113.2,28.0,2025',
  'V1,远村,T,行政村,500,113.2,28.0,2025',
].join('\n');
const FACILITIES = '机构编码,机构名称,机构类型,所在区划代码,经度,纬度\nE1,急救站,120急救站,C1,113.0,28.0\nH1,二镇卫生院,乡镇卫生院,V1,113.2,28.0\n';
const SITES = [
  { id: 'X1', name: '西路口', lon: 112.96, lat: 28.0 },
  { id: 'X2', name: '远村口', lon: 113.2, lat: 28.0 },
  { id: 'X3', name: '山里', lon: 113.6, lat: 28.4 },
];
type Q = ApiArgs<'siting.run'>;
const base: Q = { scenarioId: 1, model: 'mclp', type: 'ems_station', k: 1, urbanMinutes: 10, ruralMinutes: 30, candidates: { sites: SITES } };
const run = (q: Partial<Q>) => svc.call('siting.run', { ...base, ...q });
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'siting' });
  const r = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
});
afterAll(() => svc.close());

describe('maximal covering (MCLP)', () => {
  it('puts one new station where the most uncovered people are: 西社区 (2,000) over 远村 (500)', async () => {
    const r = await run({});
    expect(r.travelModel).toBe('straight_line');
    expect(r.chosen.map((s) => [s.id, s.newlyCovered, s.source, s.township?.name])).toEqual([['X1', 2000, 'list', '一街道']]);
    expect(r).toMatchObject({ totalPopulation: 3500, coveredBefore: 1000, coveredAfter: 3000, objective: 2000, optimal: true, gap: 0 });
    expect(r.units.find((u) => u.code === 'S')).toMatchObject({ population: 3000, coveredBefore: 1000, coveredAfter: 3000 });
    expect(r.units.find((u) => u.code === 'T')).toMatchObject({ population: 500, coveredBefore: 0, coveredAfter: 0 });
    expect(r.points.find((p) => p.code === 'C2')).toMatchObject({ coveredBefore: false, coveredAfter: true, site: 0, minutesAfter: 0 });
  });

  it('with two, covers everyone, listed by the people each brings; a third would add nothing', async () => {
    const r = await run({ k: 2 });
    expect(r.chosen.map((s) => [s.id, s.newlyCovered])).toEqual([
      ['X1', 2000],
      ['X2', 500],
    ]);
    expect(r.coveredAfter).toBe(3500);
    const three = await run({ k: 3 });
    expect(three.coveredAfter).toBe(3500);
    expect(three.notes.join()).toContain('更少的新址');
  });

  it('leaves out sites in an excluded unit (by name or code), and says which units are unknown', async () => {
    const r = await run({ exclude: ['一街道'] });
    expect(r.chosen.map((s) => s.id)).toEqual(['X2']);
    expect((await run({ exclude: ['T'] })).chosen.map((s) => s.id)).toEqual(['X1']);
    expect(await code(run({ within: ['没有这个区'] }))).toBe('INVALID_ARGS');
    expect(await code(run({ exclude: ['S', 'T'] }))).toBe('INVALID_ARGS'); // no candidate left
  });

  it('respects a capacity: a site serving at most 1,500 people covers 1,500', async () => {
    const r = await run({ capacity: 1500 });
    expect(r.coveredAfter - r.coveredBefore).toBe(1500);
    expect(r.chosen[0]!.newlyCovered).toBe(1500);
  });

  it('keeps the demand inside the area: 二镇 alone has 500 people, and its site is X2', async () => {
    const r = await run({ within: ['T'] });
    expect(r.totalPopulation).toBe(500);
    expect(r.chosen.map((s) => s.id)).toEqual(['X2']);
  });
});

describe('set covering (LSCP) and p-median', () => {
  it('LSCP: the fewest new stations that bring everyone within 10/30 minutes is two', async () => {
    const r = await run({ model: 'lscp' });
    expect(r.chosen.map((s) => s.id).sort()).toEqual(['X1', 'X2']);
    expect(r).toMatchObject({ coveredAfter: 3500, objective: 2, optimal: true, unreachable: 0 });
  });

  it('p-median: one site saves 2,000 × 12.6 min at 西社区 rather than 500 × 41.8 min at 远村', async () => {
    const r = await run({ model: 'pmedian', cutoffMinutes: 60 });
    expect(r.chosen.map((s) => s.id)).toEqual(['X1']);
    expect(r.chosen[0]!.served).toBe(2000);
    // Before: (1000 × 0 + 2000 × 12.58 + 500 × 41.79) ÷ 3500 = 13.2 min; after: 500 × 41.79 ÷ 3500 = 6.0 min.
    expect(r.meanMinutesBefore).toBeCloseTo(13.2, 1);
    expect(r.meanMinutesAfter).toBeCloseTo(6.0, 1);
    expect(r.optimal).toBe(true);
  });
});

describe('candidates', () => {
  it('upgrades an existing facility in place: 二镇卫生院 becomes the site for 远村', async () => {
    const r = await run({ type: 'sub_centre', existingTypes: ['ems_station'], within: ['T'], candidates: { upgrade: ['thc'] } });
    expect(r.chosen.map((s) => [s.id, s.name, s.source])).toEqual([['H1', '二镇卫生院', 'upgrade']]);
  });

  it("generates sites inside the area (without boundaries: at the villages'/communities' centres)", async () => {
    const r = await run({ candidates: { generateMeters: 1000 } });
    expect(r.candidateCount).toBe(3);
    expect(r.chosen[0]).toMatchObject({ source: 'generated', lon: 112.96, lat: 28.0, newlyCovered: 2000 });
  });

  it('reads a GBK candidate sheet with Chinese headers, and names the row and column of a bad cell', async () => {
    const good = iconv.encode('编号,名称,经度,纬度\nX1,西路口,112.96,28.0\n', 'gb18030');
    expect((await svc.call('siting.readCandidates', { file: { fileName: 'c.csv', dataBase64: b64(good) } })).sites).toEqual([
      { id: 'X1', name: '西路口', lon: 112.96, lat: 28 },
    ]);
    const bad = iconv.encode('编号,名称,经度,纬度\nX1,西路口,东经112,28.0\n', 'gb18030');
    const r = await svc.call('siting.readCandidates', { file: { fileName: 'c.csv', dataBase64: b64(bad) } });
    expect(r.sites).toEqual([]);
    expect(r.problems[0]).toMatchObject({ row: 2, column: '经度' });
  });
});

describe('jobs and applying a proposal', () => {
  it('runs as a job with progress, and gives the same answer', async () => {
    const { job } = await svc.call('siting.start', { ...base, k: 2 });
    let s = await svc.call('siting.job', { job });
    for (let i = 0; i < 200 && s.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      s = await svc.call('siting.job', { job });
    }
    expect(s.state).toBe('done');
    expect(s.result!.coveredAfter).toBe(3500);
  });

  it('puts the proposal into a new scenario: the stations are there and the access analysis covers 西社区', async () => {
    const r = await run({});
    const s = await svc.call('siting.apply', {
      scenarioId: 1,
      name: '选址方案',
      type: 'ems_station',
      sites: r.chosen.map(({ id, name, lon, lat, source }) => ({ id, name, lon, lat, source })),
    });
    const added = (await svc.call('facilities.list', { scenarioId: s.id })).filter((f) => f.type === 'ems_station');
    expect(added.map((f) => [f.name, f.unit_code])).toEqual([
      ['急救站', 'C1'],
      ['西路口120急救站', 'C2'],
    ]);
    expect((await svc.call('facilities.list', { scenarioId: 1 })).filter((f) => f.type === 'ems_station')).toHaveLength(1);
    const access = await svc.call('access.run', { scenarioId: s.id, types: ['ems_station'], urbanMinutes: 10, ruralMinutes: 30 });
    expect(access.units.find((u) => u.scope === 'region')!.covered).toBe(3000);
    // An upgrade changes the facility's type in the new scenario only; a taken name is refused and nothing is written.
    const up = await svc.call('siting.apply', {
      scenarioId: 1,
      name: '升级方案',
      type: 'sub_centre',
      sites: [{ id: 'H1', name: '二镇卫生院', lon: 113.2, lat: 28.0, source: 'upgrade' }],
    });
    expect((await svc.call('facilities.list', { scenarioId: up.id })).find((f) => f.id === 'H1')!.type).toBe('sub_centre');
    expect((await svc.call('facilities.list', { scenarioId: 1 })).find((f) => f.id === 'H1')!.type).toBe('thc');
    // With a year the proposal goes in as projects of that year: the station is counted from 2027 on.
    const planned = await svc.call('siting.apply', {
      scenarioId: 1,
      name: '选址方案 2027',
      type: 'ems_station',
      year: 2027,
      sites: r.chosen.map(({ id, name, lon, lat, source }) => ({ id, name, lon, lat, source })),
    });
    expect((await svc.call('projects.list', { scenarioId: planned.id })).map((p) => [p.year, p.kind, p.type, p.lon, p.lat])).toEqual([
      [2027, 'new', 'ems_station', 112.96, 28],
    ]);
    expect((await svc.call('facilities.list', { scenarioId: planned.id })).filter((f) => f.type === 'ems_station')).toHaveLength(1);
    const before = (await svc.call('scenarios.list', {})).length;
    expect(
      await code(
        svc.call('siting.apply', {
          scenarioId: 1,
          name: '选址方案',
          type: 'ems_station',
          sites: [{ id: 'G1', name: 'x', lon: 113, lat: 28, source: 'generated' }],
        }),
      ),
    ).toBe('CONFLICT');
    expect(
      await code(
        svc.call('siting.apply', { scenarioId: 1, name: '新的', type: 'sub_centre', sites: [{ id: 'NOPE', name: 'x', lon: 113, lat: 28, source: 'upgrade' }] }),
      ),
    ).not.toBe('no error');
    expect((await svc.call('scenarios.list', {})).length).toBe(before);
  });

  it('names new stations after the street/town they stand in, as the result list does, not after the community', async () => {
    // Two generated sites at 西社区 and 东社区 (both in 一街道) and one at 远村 (in 二镇).
    const sites = [
      { id: 'G1', name: '一街道候选点 G1', lon: 112.96, lat: 28.0, source: 'generated' as const },
      { id: 'G2', name: '一街道候选点 G2', lon: 113.0, lat: 28.0, source: 'generated' as const },
      { id: 'G3', name: '二镇候选点 G3', lon: 113.2, lat: 28.0, source: 'generated' as const },
    ];
    const s = await svc.call('siting.apply', { scenarioId: 1, name: '按街道命名', type: 'ems_station', sites });
    const added = (await svc.call('facilities.list', { scenarioId: s.id })).filter((f) => f.type === 'ems_station' && f.id !== 'E1');
    expect(added.map((f) => [f.name, f.unit_code])).toEqual([
      ['一街道新建120急救站', 'C2'],
      ['一街道新建120急救站（2）', 'C1'],
      ['二镇新建120急救站', 'V1'],
    ]);
    // As projects of a year, the same names.
    const planned = await svc.call('siting.apply', { scenarioId: 1, name: '按街道命名 2027', type: 'ems_station', year: 2027, sites: sites.slice(0, 1) });
    expect((await svc.call('projects.list', { scenarioId: planned.id })).map((p) => p.facility_name)).toEqual(['一街道新建120急救站']);
  });
});
