// 分年度实施计划 (issue 17) through the service on a real plan file: a hand-made 开福区 (100,000 people, 320
// beds, one 120 station in 东风路街道) and a set of two targets, where each case is small enough to work by hand.
//   beds (binding):   ≥ 4 per 1,000 → 400 required, 320 there: 80 short.
//   120 station (expected): one in each 街道 → 沙坪街道 has none: 1 short.
// Candidates: A = 开福区人民医院 +50 beds (500 万元), B = 沙坪 CHC +40 beds (300 万元), C = a 120 station in 沙坪 (200 万元).
// The objective: binding shortfall ÷ its start (80) × 100,000 people, summed over the years; then the station's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { ProgrammeOut, ProgrammeQueryIn } from '../../shared/api/contract.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const BASE = 1;
const b64 = (s: string) => Buffer.from(s).toString('base64');

const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  '430105000000,开福区,,区,100000,113.0,28.28,2025',
  '430105001000,东风路街道,430105000000,街道,50000,112.99,28.22,2025',
  '430105001001,东一社区,430105001000,社区,30000,112.99,28.22,2025',
  '430105001002,东二社区,430105001000,社区,20000,113.0,28.23,2025',
  '430105002000,沙坪街道,430105000000,街道,50000,113.01,28.34,2025',
  '430105002001,沙一社区,430105002000,社区,30000,113.01,28.34,2025',
  '430105002002,沙二社区,430105002000,社区,20000,113.02,28.35,2025',
].join('\r\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度,实有床位',
  'H1,开福区人民医院,二级医院,430105001001,112.991,28.221,300',
  'CHC1,东风路街道社区卫生服务中心,社区卫生服务中心,430105001000,112.992,28.222,20',
  'CHC2,沙坪街道社区卫生服务中心,社区卫生服务中心,430105002000,113.011,28.341,0',
  'EMS1,东风路120急救站,120急救站,430105001001,112.99,28.22,',
].join('\r\n');

const SOURCE = { document: '测试', clause: '手算', text: '手算用例' };
const SET = {
  id: 'prog-test',
  name: '实施计划测试',
  nameEn: 'Programme test',
  year: 2025,
  appliesTo: ['开福区'],
  documents: [{ number: '测试', title: '手算用例' }],
  targets: [
    {
      id: 'beds',
      kind: 'ratio',
      name: '每千人床位',
      nameEn: 'Beds per 1,000',
      group: '床位',
      binding: true,
      measure: 'beds_open',
      per: 1000,
      min: 4,
      scopes: ['region'],
      unit: '张',
      source: SOURCE,
    },
    {
      id: 'ems',
      kind: 'presence',
      name: '每个街道一个急救站',
      nameEn: 'A 120 station in each street',
      group: '急救',
      facilityTypes: ['ems_station'],
      unitKinds: ['street'],
      min: 1,
      source: SOURCE,
    },
  ],
};

const own = [
  { id: 'A', name: '开福区人民医院扩建', kind: 'expand', facility_id: 'H1', deltas: { beds_open: 50 }, cost: 500 },
  { id: 'B', name: '沙坪中心扩建', kind: 'expand', facility_id: 'CHC2', deltas: { beds_open: 40 }, cost: 300 },
  { id: 'C', name: '沙坪急救站', kind: 'new', facility_id: 'EMS2', type: 'ems_station', lon: 113.012, lat: 28.342, cost: 200 },
] as const;

const query = (money: [number, number], extra: Partial<ProgrammeQueryIn> = {}): ProgrammeQueryIn => ({
  scenarioId: BASE,
  standardId: 'prog-test',
  fromYear: 2025,
  toYear: 2026,
  money: [
    { year: 2025, amount: money[0] },
    { year: 2026, amount: money[1] },
  ],
  candidates: { projects: true, own: own.map((a) => ({ ...a, deltas: 'deltas' in a ? { ...a.deltas } : undefined })) },
  ...extra,
});
const placedIn = (r: ProgrammeOut) => Object.fromEntries(r.years.map((y) => [y.year, y.actions.map((a) => a.id).sort()]));

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'programme' });
  const r = await svc.call('tables.import', {
    scenarioId: BASE,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(r.ok).toBe(true);
  await svc.call('standards.save', { set: SET as never });
});
afterAll(() => svc.close());

describe('the programme, worked by hand', () => {
  it('spends each year on what closes the binding gap soonest: A in 2025, then B and C in 2026', async () => {
    const g = await svc.call('gaps.evaluate', { scenarioId: BASE, standardId: 'prog-test', year: 2025, level: 'region', onlyShort: false });
    expect(g.results.find((x) => x.target === 'beds')).toMatchObject({ required: 4, shortfall: 80 });
    const r = await svc.call('programme.run', query([500, 500]));
    // 2025: A (50 beds) leaves 30 short; B + C (40 beds + the station) would leave 40: binding first → A.
    expect(placedIn(r)).toEqual({ 2025: ['A'], 2026: ['B', 'C'] });
    expect(r.years.map((y) => [y.spent, y.money])).toEqual([
      [500, 500],
      [500, 500],
    ]);
    // Binding: 30/80 × 100,000 in 2025, 0 in 2026; the station: 1 short in 2025 (weight 100,000), 0 in 2026.
    expect(r.objective).toEqual({ binding: 37500, expected: 100000, cost: 1000 });
    expect(r.optimal).toBe(true);
    expect(r.gap).toBe(0);
    const beds = r.targets.find((t) => t.target === 'beds')!;
    expect([beds.by_year['2025']!.shortfall, beds.by_year['2026']!.shortfall]).toEqual([30, 0]);
    expect([beds.met_year_before, beds.met_year]).toEqual([null, 2026]);
    expect(r.targets.find((t) => t.target === 'ems')!.met_year).toBe(2026);
    expect(r.notes.join('')).not.toContain('不一致');
  });

  it('without carry-over, money left in 2025 is lost; with it, 2026 can afford B and C', async () => {
    const off = await svc.call('programme.run', query([600, 400]));
    expect(placedIn(off)).toEqual({ 2025: ['A'], 2026: ['B'] });
    const c = off.unscheduled.find((u) => u.id === 'C')!;
    expect(c.why).toBe('money');
    const on = await svc.call('programme.run', query([600, 400], { carryOver: true }));
    expect(placedIn(on)).toEqual({ 2025: ['A'], 2026: ['B', 'C'] });
    expect(on.years[1]).toMatchObject({ money: 400, available: 500, spent: 500 });
  });

  it('keeps a fixed year, a not-before year and an order', async () => {
    // C decided for 2025: 300 left, so B (not A) in 2025, A in 2026.
    const fixed = await svc.call('programme.run', query([500, 500], { rules: [{ action: 'C', fixedYear: 2025 }] }));
    expect(placedIn(fixed)).toEqual({ 2025: ['B', 'C'], 2026: ['A'] });
    // A not before 2026: 2025 takes B and C.
    const later = await svc.call('programme.run', query([500, 500], { rules: [{ action: 'A', notBefore: 2026 }] }));
    expect(placedIn(later)).toEqual({ 2025: ['B', 'C'], 2026: ['A'] });
    // A only after C: C and B cannot both precede A in 2025 with A (700 > 500): 2025 B + C, 2026 A.
    const order = await svc.call('programme.run', query([500, 500], { rules: [{ action: 'A', after: ['C'] }] }));
    expect(placedIn(order)).toEqual({ 2025: ['B', 'C'], 2026: ['A'] });
  });

  it('says what is missing when the decided actions cost more than a year has', async () => {
    const r = await svc.call(
      'programme.run',
      query([500, 0], {
        rules: [
          { action: 'A', fixedYear: 2025 },
          { action: 'B', fixedYear: 2025 },
        ],
      }),
    );
    expect(r.moneyMissing).toEqual([{ year: 2025, amount: 300 }]);
    expect(r.notes.some((n) => n.includes('2025 年已固定的项目超出当年可用资金 300 万元'))).toBe(true);
    // Nothing meets the station in 2026 with no money: it says what the candidates would cost.
    const ems = r.targets.find((t) => t.target === 'ems')!;
    expect(ems.unmet).toMatchObject({ reachable: true, minCost: 200 });
  });

  it('a target no candidate can meet is said to need more than the candidates', async () => {
    const r = await svc.call('programme.run', { ...query([100, 100]), candidates: { projects: true, own: [] } });
    expect(r.targets.find((t) => t.target === 'beds')!.unmet).toMatchObject({ reachable: false, minCost: null });
  });

  it('writes the programme as a scenario whose gaps by year are the programme’s figures', async () => {
    const r = await svc.call('programme.run', query([500, 500]));
    const schedule = r.years.flatMap((y) => y.actions.map((a) => ({ action: a.id, year: y.year })));
    const s = await svc.call('programme.apply', { scenarioId: BASE, name: '实施计划', query: query([500, 500]), schedule, result: r });
    const projects = await svc.call('projects.list', { scenarioId: s.id });
    expect(projects.map((p) => [p.year, p.name]).sort()).toEqual([
      [2025, '开福区人民医院扩建'],
      [2026, '沙坪中心扩建'],
      [2026, '沙坪急救站'],
    ]);
    for (const year of [2025, 2026]) {
      const g = await svc.call('gaps.evaluate', { scenarioId: s.id, standardId: 'prog-test', year, level: 'region', onlyShort: false });
      for (const t of r.targets) {
        const line = g.results.find((x) => x.target === t.target && x.scope === 'region')!;
        expect({ value: line.value, shortfall: line.shortfall, status: line.status }).toEqual(t.by_year[year]);
      }
    }
    const kept = await svc.call('programme.get', { scenarioId: s.id });
    expect(kept).toMatchObject({ fromYear: 2025, toYear: 2026, standardId: 'prog-test', objective: { binding: 37500 } });
    expect(kept!.placed.map((p) => [p.year, p.cost])).toEqual([
      [2025, 500],
      [2026, 300],
      [2026, 200],
    ]);
  });
});

// The sample's 开福区 and 开政办发〔2022〕26号 §四(一)3: six premises projects for its community health centres,
// "2022年前" three, "2023年前" two, "2024年前" one. The document gives no costs or money: the test gives each an
// example estimate (万元) and each year the money of that year's projects.
describe('the sample: 开福区 2022–2024 (开政办发〔2022〕26号 §四(一)3)', () => {
  let sample: Service;
  const COSTS = [800, 800, 600, 900, 500, 700];
  let ids: number[] = [];
  beforeAll(async () => {
    sample = createPlannerService({ home: tmpDir(), door: 'direct' });
    await sample.call('plan.openSample', {});
    const projects = await sample.call('projects.list', { scenarioId: BASE });
    ids = projects.filter((p) => p.source_document === '开政办发〔2022〕26号').map((p) => p.id);
    expect(ids).toHaveLength(6);
  });
  afterAll(() => sample.close());
  const run = (money: [number, number, number]) =>
    sample.call('programme.run', {
      scenarioId: BASE,
      standardId: 'kaifu-2024',
      fromYear: 2022,
      toYear: 2024,
      money: money.map((amount, i) => ({ year: 2022 + i, amount })),
      rules: ids.map((id, i) => ({ action: `project:${id}`, cost: COSTS[i]! })),
    });
  const yearOf = (r: ProgrammeOut) => Object.fromEntries(r.years.flatMap((y) => y.actions.map((a) => [a.name, [a.preferredYear, y.year]])));

  it('with the money of each year, reproduces the document’s sequence', async () => {
    const r = await run([2200, 1400, 700]);
    // Only 开福区's own projects are candidates: the other counties' seed projects stay as they are.
    expect(r.candidates).toBe(6);
    const placed = yearOf(r);
    expect(Object.keys(placed)).toHaveLength(6);
    for (const [name, [preferred, year]] of Object.entries(placed)) expect([name, year]).toEqual([name, preferred]);
    expect(r.years.map((y) => y.spent)).toEqual([2200, 1400, 700]);
    expect(r.notes.filter((n) => /」原定 \d{4} 年/.test(n))).toEqual([]);
    expect(r.optimal).toBe(true);
  });

  it('applied, the six carry the cost they were placed at; projects after the range stay as they were', async () => {
    const q = {
      scenarioId: BASE,
      standardId: 'kaifu-2024',
      fromYear: 2022,
      toYear: 2024,
      money: [2200, 1400, 700].map((amount, i) => ({ year: 2022 + i, amount })),
      rules: ids.map((id, i) => ({ action: `project:${id}`, cost: COSTS[i]! })),
    };
    const r = await sample.call('programme.run', q);
    const schedule = r.years.flatMap((y) => y.actions.map((a) => ({ action: a.id, year: y.year })));
    const s = await sample.call('programme.apply', { scenarioId: BASE, name: '开福区实施计划', query: q, schedule, result: r });
    const before = await sample.call('projects.list', { scenarioId: BASE });
    const after = await sample.call('projects.list', { scenarioId: s.id });
    expect(after).toHaveLength(before.length);
    const kaifu = after.filter((p) => p.source_document === '开政办发〔2022〕26号');
    expect(kaifu.map((p) => p.cost).sort()).toEqual([...COSTS].sort());
    expect(after.filter((p) => p.year > 2024).map((p) => [p.name, p.year])).toEqual(before.filter((p) => p.year > 2024).map((p) => [p.name, p.year]));
    expect((await sample.call('programme.get', { scenarioId: s.id }))!.placed.reduce((sum, p) => sum + p.cost, 0)).toBe(4300);
    // Every target, access included (the 10-minute circle, by the access engine on each year's facilities), is
    // what the gap screen says of the scenario written, year by year.
    for (const year of [2022, 2023, 2024]) {
      const g = await sample.call('gaps.evaluate', { scenarioId: s.id, standardId: 'kaifu-2024', year, level: 'region', onlyShort: false });
      for (const t of r.targets) {
        const line = g.results.find((x) => x.target === t.target && x.scope === 'region')!;
        expect([t.target, year, { value: line.value, shortfall: line.shortfall, status: line.status }]).toEqual([t.target, year, t.by_year[year]]);
      }
    }
    expect(r.targets.find((t) => t.target === 'ems-10-minute-circle')).toMatchObject({ modelled: false, by_year: { 2022: { status: 'short' } } });
  });

  it('places 120 stations where they bring the 10-minute circle (开政办发〔2022〕26号 §四(二)9) most people, and the gap screen agrees', async () => {
    // The two most populous places no station reaches in 10 minutes in 2022, as the access engine says.
    const a = await sample.call('access.run', {
      scenarioId: BASE,
      types: ['ems_station'],
      urbanMinutes: 10,
      ruralMinutes: 10,
      direction: 'from',
      year: 2022,
      within: ['开福区'],
    });
    const out = a.points.filter((p) => !p.covered && p.population > 0).sort((x, y) => y.population - x.population);
    expect(out.length).toBeGreaterThan(2);
    const own = out.slice(0, 3).map((p, i) => ({
      id: `ems${i}`,
      name: `${p.name}急救站`,
      kind: 'new' as const,
      type: 'ems_station' as const,
      facility_id: `EMS-NEW-${i}`,
      lon: p.lon,
      lat: p.lat,
      cost: 200,
    }));
    const q = {
      scenarioId: BASE,
      standardId: 'kaifu-2024',
      fromYear: 2022,
      toYear: 2023,
      money: [
        { year: 2022, amount: 400 },
        { year: 2023, amount: 200 },
      ],
      candidates: { projects: false, own },
    };
    const r = await sample.call('programme.run', q);
    const ems = r.targets.find((t) => t.target === 'ems-10-minute-circle')!;
    expect(ems.modelled).toBe(true);
    // A station at the most populous place not reached reaches at least its people: placed in 2022 (a station at
    // one of the places brings people nobody reaches in 10 minutes; one that brings none more is said so).
    expect(r.years[0]!.actions.length).toBeGreaterThan(0);
    expect(ems.by_year['2022']!.shortfall!).toBeLessThanOrEqual(ems.before['2022']!.shortfall! - out[0]!.population);
    for (const u of r.unscheduled) expect(['no_effect', 'money']).toContain(u.why);
    expect(r.notes.join('')).not.toContain('不一致');
    const schedule = r.years.flatMap((y) => y.actions.map((x) => ({ action: x.id, year: y.year })));
    const s = await sample.call('programme.apply', { scenarioId: BASE, name: '急救站实施计划', query: q, schedule });
    for (const year of [2022, 2023]) {
      const g = await sample.call('gaps.evaluate', { scenarioId: s.id, standardId: 'kaifu-2024', year, level: 'region', onlyShort: false });
      const line = g.results.find((x) => x.target === 'ems-10-minute-circle' && x.scope === 'region')!;
      expect({ value: line.value, shortfall: line.shortfall, status: line.status }).toEqual(ems.by_year[year]);
    }
  });

  it('with less money in 2022, one of its three moves to 2023, and the notes say so and why', async () => {
    const r = await run([1800, 2300, 700]);
    const placed = Object.values(yearOf(r));
    expect(placed).toHaveLength(6);
    expect(placed.filter(([p, y]) => p === 2022 && y === 2023)).toHaveLength(1);
    expect(placed.filter(([p, y]) => p !== y)).toHaveLength(1);
    expect(r.notes.filter((n) => n.includes('原定 2022 年，推迟到 2023 年：2022 年的资金不足'))).toHaveLength(1);
  });

  it('without money for 2024, one project cannot be held: it is listed for money and the notes say so', async () => {
    // 2022 and 2023 are spent to the 万元; whichever is left out (then: the cheaper programme), it is one.
    const r = await run([2200, 1400, 0]);
    expect(r.unscheduled).toHaveLength(1);
    expect(r.unscheduled[0]).toMatchObject({ why: 'money', required: true, source: 'project' });
    expect(r.notes.filter((n) => n.includes('未能安排：资金不足'))).toHaveLength(1);
    expect(r.years[2]!.spent).toBe(0);
  });
});
