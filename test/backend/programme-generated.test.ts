// 分年度实施计划 on generated plans: the core promise — every year's figure the programme gives
// (by_year) is what the gap engine says of the scenario it writes. Three small districts drawn from a seeded
// PRNG (streets of communities, a hospital, CHCs in some streets, health stations), a standard set of their
// own with a ratio (beds, binding), a ratio not binding (GPs), presence (a CHC in each street), a count and a
// share on a condition (CHCs with GPs ≥ 3 / ≥ 2), a per-facility minimum, one target due only from the second
// year; candidates that interact on one facility (two GP steps at one CHC, a station upgraded to a CHC and then
// given GPs, two bed steps at the hospital), new CHCs, fixed / not-before / after rules; money that binds, with
// and without carry-over. Run, apply as a scenario, then gaps.evaluate (region, the set, each year) on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import type { ProgrammeCell, ProgrammeOut, ProgrammeQueryIn } from '../../shared/api/contract.ts';
import type { GapResult } from '../../shared/gaps/result.ts';
import { mulberry32 } from '../../shared/sample/prng.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
let svc: Service;
const BASE = 1;
const b64 = (s: string) => Buffer.from(s).toString('base64');
type Own = NonNullable<NonNullable<ProgrammeQueryIn['candidates']>['own']>[number];
type Rule = NonNullable<ProgrammeQueryIn['rules']>[number];
const SOURCE = { document: '测试', clause: '生成', text: '生成的规划' };

interface Generated {
  name: string;
  units: string;
  facilities: string;
  set: Record<string, unknown>;
  own: Own[];
  rules: Rule[];
  years: number[];
  carryOver: boolean;
  /** Money a year, 万元. */
  money: number;
}

function generate(seed: number, years: number[], carryOver: boolean): Generated {
  const r = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const d = `4301${90 + seed}`;
  const district = `生成${seed}区`;
  const streets = int(3, 4);
  const unitRows: string[] = [];
  const facilityRows: string[] = [];
  let pop = 0;
  const streetRows: string[] = [];
  const communityRows: string[] = [];
  const streetPop: number[] = [];
  for (let s = 0; s < streets; s++) {
    const code = `${d}00${s + 1}000`;
    let sp = 0;
    for (let c = 0; c < 2; c++) {
      const p = int(5, 30) * 1000;
      sp += p;
      communityRows.push(`${d}00${s + 1}00${c + 1},第${s + 1}街道${c + 1}社区,${code},社区,${p},${113 + s * 0.02 + c * 0.005},${28.2 + s * 0.02},2025`);
    }
    streetPop.push(sp);
    pop += sp;
    streetRows.push(`${code},第${s + 1}街道,${d}000000,街道,${sp},${113 + s * 0.02},${28.2 + s * 0.02},2025`);
  }
  unitRows.push(
    '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
    `${d}000000,${district},,区,${pop},113.03,28.22,2025`,
    ...streetRows,
    ...communityRows,
  );

  // Facilities: a hospital; CHCs in every street but the last (at least one street lacks one); a station in each street.
  const header = '机构编码,机构名称,机构类型,所在区划代码,经度,纬度,实有床位,全科医生';
  let beds = int(150, 400),
    gps = int(0, 5);
  facilityRows.push(header, `H1,${district}人民医院,二级医院,${d}001001,113.001,28.201,${beds},${gps}`);
  const chcs: { id: string; gps: number; street: number }[] = [];
  for (let s = 0; s < streets; s++) {
    if (s < streets - 1 && (s === 0 || r() < 0.7)) {
      const g = int(0, 4),
        b = int(0, 30);
      chcs.push({ id: `CHC${s + 1}`, gps: g, street: s });
      beds += b;
      gps += g;
      facilityRows.push(`CHC${s + 1},第${s + 1}街道社区卫生服务中心,社区卫生服务中心,${d}00${s + 1}000,${113.002 + s * 0.02},${28.202 + s * 0.02},${b},${g}`);
    }
    const g = int(0, 2);
    gps += g;
    facilityRows.push(`ST${s + 1},第${s + 1}街道卫生服务站,社区卫生服务站,${d}00${s + 1}001,${113.003 + s * 0.02},${28.203 + s * 0.02},0,${g}`);
  }
  const withThree = chcs.filter((c) => c.gps >= 3).length;
  const withTwo = chcs.filter((c) => c.gps >= 2).length;

  const round2 = (v: number) => Math.ceil(v * 100) / 100;
  const targets = [
    {
      id: 'beds',
      kind: 'ratio',
      name: '每千人床位',
      nameEn: 'Beds per 1,000',
      group: '床位',
      binding: true,
      measure: 'beds_open',
      per: 1000,
      min: round2(((beds + int(40, 120)) / pop) * 1000),
      scopes: ['region'],
      unit: '张',
      source: SOURCE,
    },
    {
      id: 'gps',
      kind: 'ratio',
      name: '每万人全科医生',
      nameEn: 'GPs per 10,000',
      group: '人员',
      measure: 'gps',
      per: 10000,
      min: round2(((gps + int(3, 8)) / pop) * 10000),
      scopes: ['region'],
      unit: '人',
      source: SOURCE,
    },
    {
      id: 'chc-per-street',
      kind: 'presence',
      name: '每个街道一个社区卫生服务中心',
      nameEn: 'A CHC in each street',
      group: '基层机构',
      binding: seed % 2 === 0,
      facilityTypes: ['chc', 'community_hospital'],
      unitKinds: ['street'],
      min: 1,
      source: SOURCE,
    },
    {
      id: 'chc-gps-3',
      kind: 'count',
      name: '全科医生3人以上的社区卫生服务中心',
      nameEn: 'CHCs with 3 or more GPs',
      group: '基层机构',
      year: years[1],
      facilityTypes: ['chc'],
      condition: { field: 'gps', op: '>=', value: 3 },
      min: withThree + 2,
      source: SOURCE,
    },
    {
      id: 'chc-gps-share',
      kind: 'share',
      name: '全科医生2人以上的社区卫生服务中心占比',
      nameEn: 'Share of CHCs with 2 or more GPs',
      group: '基层机构',
      facilityTypes: ['chc'],
      condition: { field: 'gps', op: '>=', value: 2 },
      min: Math.min(1, Math.max(0.5, (withTwo + 1) / Math.max(1, chcs.length))),
      scopes: ['region'],
      source: SOURCE,
    },
    {
      id: 'chc-beds-min',
      kind: 'facility_min',
      name: '每个社区卫生服务中心床位',
      nameEn: 'Beds at each CHC',
      group: '床位',
      facilityTypes: ['chc'],
      measure: 'beds_open',
      min: 15,
      unit: '张',
      source: SOURCE,
    },
  ];

  // Candidates, each priced; GP steps and bed steps interact through the conditions and the per-facility minimum.
  const own: Own[] = [];
  const rules: Rule[] = [];
  own.push({ id: 'H1-beds-a', name: '医院扩建一期', kind: 'expand', facility_id: 'H1', deltas: { beds_open: int(30, 70) }, cost: int(4, 9) * 100 });
  own.push({ id: 'H1-beds-b', name: '医院扩建二期', kind: 'expand', facility_id: 'H1', deltas: { beds_open: int(20, 50) }, cost: int(3, 7) * 100 });
  rules.push({ action: 'H1-beds-b', after: ['H1-beds-a'] });
  for (const c of chcs) {
    own.push({ id: `${c.id}-gp1`, name: `${c.id}全科医生一期`, kind: 'expand', facility_id: c.id, deltas: { gps: 1 }, cost: int(2, 6) * 10 });
    own.push({ id: `${c.id}-gp2`, name: `${c.id}全科医生二期`, kind: 'expand', facility_id: c.id, deltas: { gps: int(1, 2) }, cost: int(2, 6) * 10 });
    own.push({ id: `${c.id}-beds`, name: `${c.id}增设床位`, kind: 'expand', facility_id: c.id, deltas: { beds_open: int(5, 20) }, cost: int(5, 15) * 10 });
    if (r() < 0.5) rules.push({ action: `${c.id}-gp2`, after: [`${c.id}-gp1`] });
  }
  // The street without a CHC: build one, or upgrade its station to a CHC and give it GPs.
  const last = streets - 1;
  own.push({
    id: 'new-chc',
    name: '新建社区卫生服务中心',
    kind: 'new',
    facility_id: 'NEW-CHC',
    type: 'chc',
    lon: 113.004 + last * 0.02,
    lat: 28.204 + last * 0.02,
    unit_code: `${d}00${last + 1}000`,
    fields: { beds_open: int(10, 25), gps: int(1, 3) },
    cost: int(3, 6) * 100,
  });
  own.push({ id: 'ST-up', name: '服务站升级为中心', kind: 'upgrade', facility_id: `ST${last + 1}`, type: 'chc', cost: int(1, 3) * 100 });
  own.push({ id: 'ST-gp', name: '升级后增配全科医生', kind: 'expand', facility_id: `ST${last + 1}`, deltas: { gps: 2, beds_open: 10 }, cost: 80 });
  if (seed % 3 === 0) rules.push({ action: 'ST-gp', after: ['ST-up'] });
  // A decided action and a not-before one.
  const fixedOne = own[2 + int(0, own.length - 3)]!;
  rules.push({ action: fixedOne.id, fixedYear: years[int(0, years.length - 1)]! });
  const later = own.find((o) => o.id !== fixedOne.id && !rules.some((x) => x.action === o.id))!;
  rules.push({ action: later.id, notBefore: years[1]! });

  const total = own.reduce((s, o) => s + (o.cost ?? 0), 0);
  return {
    name: district,
    units: unitRows.join('\r\n'),
    facilities: facilityRows.join('\r\n'),
    set: {
      id: `gen-${seed}`,
      name: `生成标准${seed}`,
      nameEn: `Generated set ${seed}`,
      year: years[0],
      appliesTo: [district],
      documents: [{ number: '测试', title: '生成的规划' }],
      targets,
    },
    own,
    rules,
    years,
    carryOver,
    money: Math.round((total * 0.45) / years.length / 10) * 10,
  };
}

const cell = (x: GapResult | undefined): ProgrammeCell => ({ value: x?.value ?? null, shortfall: x?.shortfall ?? null, status: x?.status ?? 'missing_data' });

const PLANS: [number, number[], boolean][] = [
  [1, [2025, 2026, 2027], false],
  [2, [2025, 2026, 2027, 2028], true],
  [3, [2025, 2026], false],
];

beforeAll(() => {
  svc = createPlannerService({ home, door: 'direct' });
});
afterAll(() => svc.close());

describe('the programme on generated plans: by_year is the gap engine on the scenario it writes', () => {
  for (const [seed, years, carryOver] of PLANS) {
    it(`plan ${seed}: ${years.length} years, carry-over ${carryOver ? 'on' : 'off'}`, async () => {
      const g = generate(seed, years, carryOver);
      await svc.call('plan.new', { path: `generated-${seed}` });
      const imported = await svc.call('tables.import', {
        scenarioId: BASE,
        units: { fileName: 'u.csv', dataBase64: b64(g.units) },
        facilities: { fileName: 'f.csv', dataBase64: b64(g.facilities) },
      });
      expect(imported.ok).toBe(true);
      await svc.call('standards.save', { set: g.set as never });
      const query: ProgrammeQueryIn = {
        scenarioId: BASE,
        standardId: `gen-${seed}`,
        fromYear: years[0]!,
        toYear: years.at(-1)!,
        money: years.map((year) => ({ year, amount: g.money })),
        carryOver: g.carryOver,
        candidates: { projects: true, own: g.own },
        rules: g.rules,
      };
      const r: ProgrammeOut = await svc.call('programme.run', query);
      const where = `plan ${seed} (${g.name}, ${g.money} 万元 a year): ${JSON.stringify(r.years.map((y) => [y.year, y.spent, y.actions.map((a) => a.id)]))}`;
      expect(r.notes.join('\n'), where).not.toContain('不一致');
      expect(r.solver, where).toBe('highs');
      // Not vacuous: the money buys something, not everything, and some target moves.
      const placed = r.years.flatMap((y) => y.actions.map((a) => ({ action: a.id, year: y.year })));
      expect(placed.length, where).toBeGreaterThan(0);
      expect(
        r.unscheduled.some((u) => u.why === 'money'),
        where,
      ).toBe(true);
      expect(
        r.targets.some((t) => years.some((y) => t.by_year[y]!.shortfall !== t.before[y]!.shortfall)),
        where,
      ).toBe(true);
      // The rules held: the fixed action in its year, the not-before one not earlier, each after its predecessor.
      const yearOf = new Map(placed.map((p) => [p.action, p.year]));
      for (const rule of g.rules) {
        if (rule.fixedYear !== undefined) expect(yearOf.get(rule.action), `${where}: ${rule.action} fixed`).toBe(rule.fixedYear);
        if (rule.notBefore !== undefined && yearOf.has(rule.action)) expect(yearOf.get(rule.action)!, where).toBeGreaterThanOrEqual(rule.notBefore);
        for (const b of rule.after ?? [])
          if (yearOf.has(rule.action))
            expect(yearOf.get(b) ?? Number.POSITIVE_INFINITY, `${where}: ${rule.action} after ${b}`).toBeLessThanOrEqual(yearOf.get(rule.action)!);
      }
      // Within each year's money.
      let carried = 0;
      for (const y of r.years) {
        const available = (g.carryOver ? carried : 0) + g.money;
        expect(y.spent, where).toBeLessThanOrEqual(available + 1e-6);
        expect(y.spent, where).toBeCloseTo(
          y.actions.reduce((s, a) => s + (a.cost ?? 0), 0),
          4,
        );
        carried = available - y.spent;
      }

      const s = await svc.call('programme.apply', { scenarioId: BASE, name: '实施计划', query, schedule: placed, result: r });
      const projects = await svc.call('projects.list', { scenarioId: s.id });
      expect(projects.map((p) => [p.year, p.name]).sort(), where).toEqual(placed.map((p) => [p.year, g.own.find((o) => o.id === p.action)!.name]).sort());
      expect(r.targets.map((t) => t.target).sort()).toEqual(((g.set.targets as { id: string }[]).map((t) => t.id) as string[]).sort());
      for (const year of years) {
        const after = await svc.call('gaps.evaluate', { scenarioId: s.id, standardId: `gen-${seed}`, year, level: 'region', onlyShort: false });
        const before = await svc.call('gaps.evaluate', { scenarioId: BASE, standardId: `gen-${seed}`, year, level: 'region', onlyShort: false });
        for (const t of r.targets) {
          const line = (rs: GapResult[]) => rs.find((x) => x.target === t.target && x.scope === 'region');
          expect(line(after.results), `${where}: ${t.target} ${year} has a region line`).toBeDefined();
          expect(cell(line(after.results)), `${where}: ${t.target} in ${year}`).toEqual(t.by_year[year]);
          expect(cell(line(before.results)), `${where}: ${t.target} in ${year}, without the programme`).toEqual(t.before[year]);
        }
      }
    });
  }
});
