// `healthplan programme`, run as a planner would on the sample: 开福区's 2022–2024 (开政办发〔2022〕26号) with
// two GP recruitments of the planner's own (+30 at 伍家岭 for 500 万元, +20 at 新河 for 300 万元) and a
// budget that forces a choice (500 万元 in 2022, 300 in 2023, none in 2024); applied as a scenario whose
// `healthplan gaps --year Y` figures are the programme's by_year; the workbook; and argument errors (exit 2).
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeOut } from '../../shared/api/methods/programme.ts';
import { parseMoney, parseRules, splitPair, wanOf } from '../../electron/cli/programme-command.ts';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();
const { healthplan, file } = cliIn(dir);
type Out = ProgrammeOut & { applied_scenario?: string; sample: boolean };
interface GapsJson {
  results: { target: string; scope: string; value: number | null; shortfall: number | null; status: string; population?: number }[];
}

const own = JSON.stringify([
  { id: 'gp-xinhe', name: '新河街道社区卫生服务中心增配全科医生', kind: 'expand', facility_id: 'F430105009-CHC', deltas: { gps: 20 }, cost: 300 },
  { id: 'gp-wujialing', name: '伍家岭街道社区卫生服务中心增配全科医生', kind: 'expand', facility_id: 'F430105006-CHC', deltas: { gps: 30 }, cost: 500 },
]);
const base = ['programme', 's.hplan', '--years', '2022-2024', '--standard', 'kaifu-2024'];

beforeAll(() => {
  expect(healthplan('sample', 's.hplan').code).toBe(0);
  file('own.json', own);
}, 120_000);

describe('reading the flags', () => {
  it('money in 万元, 亿, ranges; a later entry replaces an earlier; years without money are named', () => {
    expect(wanOf('5000')).toBe(5000);
    expect(wanOf('5000万')).toBe(5000);
    expect(wanOf('5000万元')).toBe(5000);
    expect(wanOf('1.2亿')).toBe(12000);
    expect(wanOf('五千万')).toBeNull();
    expect(parseMoney('2025-2027=5000万,2026=1.2亿', { from: 2025, to: 2028 })).toEqual({
      money: [
        { year: 2025, amount: 5000 },
        { year: 2026, amount: 12000 },
        { year: 2027, amount: 5000 },
        { year: 2028, amount: 0 },
      ],
      missing: [2028],
    });
    expect(() => parseMoney('2029=100', { from: 2025, to: 2028 })).toThrow('2029 is outside --years 2025-2028');
  });

  it('ids with colons pair up in --after; --fix, --not-before, --estimate and --exclude make one rule per action', () => {
    expect(splitPair('project:13:project:12')).toEqual(['project:13', 'project:12']);
    expect(splitPair('site:G3:alloc:F001')).toEqual(['site:G3', 'alloc:F001']);
    expect(splitPair('mine:project:4')).toEqual(['mine', 'project:4']);
    expect(splitPair('project:13')).toBeNull();
    const rules = parseRules(
      { fix: 'project:1=2022', 'not-before': 'project:2=2023', estimate: 'project:2=1.5亿', exclude: 'project:9', after: 'project:2:project:1' },
      { from: 2022, to: 2024 },
    );
    expect(rules).toEqual([
      { action: 'project:1', fixedYear: 2022 },
      { action: 'project:2', notBefore: 2023, cost: 15000, after: ['project:1'] },
      { action: 'project:9', exclude: true },
    ]);
    expect(parseRules({ required: 'gp-1', optional: 'project:4' }, { from: 2022, to: 2024 })).toEqual([
      { action: 'gp-1', required: true },
      { action: 'project:4', required: false },
    ]);
    expect(() => parseRules({ required: 'project:4', optional: 'project:4' }, { from: 2022, to: 2024 })).toThrow(
      '--required and --optional both name "project:4"',
    );
  });
});

describe('healthplan programme on the sample', () => {
  let out: Out;
  let r: ReturnType<typeof healthplan>;
  beforeAll(() => {
    r = healthplan(
      ...base,
      '--money',
      '2022=500万,2023=300万',
      '--actions',
      'own.json',
      '--exclude',
      'project:1,project:2',
      '--format',
      'json',
      '--apply',
      '开福实施计划',
    );
    out = JSON.parse(r.out) as Out;
  }, 120_000);

  it('places the larger recruitment first within each year’s money, and says 2024 has none', () => {
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('2024 年未给资金，按 0 计');
    expect(out.sample).toBe(true);
    expect(out.years.map((y) => [y.year, y.money, y.spent, y.actions.map((a) => a.id)])).toEqual([
      [2022, 500, 500, ['gp-wujialing']],
      [2023, 300, 300, ['gp-xinhe']],
      [2024, 0, 0, []],
    ]);
    // Excluded candidates are in neither list; unpriced 计划 projects are left out saying why.
    const ids = new Set(out.unscheduled.map((u) => u.id));
    expect(ids.has('project:1')).toBe(false);
    expect(out.unscheduled.find((u) => u.id === 'project:3')).toMatchObject({ why: 'unpriced' });
  });

  it('GPs per 10,000: 开福区’s 300 GPs become 330 in 2022 and 350 from 2023, met from 2023 (never before)', () => {
    const gp = out.targets.find((t) => t.target === 'gps-per-10000')!;
    expect(gp.met_year_before).toBeNull();
    expect(gp.met_year).toBe(2023);
    // Same population, so the ratio scales with the GPs: value × (300 + added) ÷ 300.
    expect(gp.by_year['2022']!.value!).toBeCloseTo((gp.before['2022']!.value! * 330) / 300, 3);
    expect(gp.by_year['2023']!.value!).toBeCloseTo((gp.before['2023']!.value! * 350) / 300, 3);
    expect(gp.by_year['2024']!.value!).toBeCloseTo((gp.before['2024']!.value! * 350) / 300, 3);
    expect(gp.by_year['2024']).toMatchObject({ shortfall: 0, status: 'met' });
    // 300 GPs in 2024, by the gap engine on the baseline: value × population ÷ 10,000.
    const g = JSON.parse(healthplan('gaps', 's.hplan', '--standard', 'kaifu-2024', '--year', '2024', '--level', 'region').out) as GapsJson;
    const line = g.results.find((x) => x.target === 'gps-per-10000')!;
    expect(Math.round((line.value! * line.population!) / 10_000)).toBe(300);
    expect(line.value!).toBeCloseTo(gp.before['2024']!.value!, 4);
  });

  it('--apply: the new scenario’s gaps for every year are the programme’s by_year (the gap engine is the judge)', () => {
    expect(out.applied_scenario).toBe('开福实施计划');
    expect(r.err).toContain('已新建情景「开福实施计划」');
    expect(out.targets.filter((x) => x.modelled).length).toBeGreaterThanOrEqual(8);
    for (const year of ['2022', '2023', '2024']) {
      const g = JSON.parse(
        healthplan('gaps', 's.hplan', '--standard', 'kaifu-2024', '--scenario', '开福实施计划', '--year', year, '--level', 'region').out,
      ) as GapsJson;
      // Every target, the 10-minute circle too (the access engine on that year's facilities; shown, and optimised
      // only where a candidate can change who is reached), is what `gaps --year` says of the scenario written.
      expect(out.targets.find((x) => x.target === 'ems-10-minute-circle')!.by_year[year]!.status).not.toBe('not_evaluated');
      for (const t of out.targets) {
        const line = g.results.find((x) => x.target === t.target && x.scope === 'region')!;
        expect({ target: t.target, year, value: line.value, shortfall: line.shortfall, status: line.status }).toEqual({
          target: t.target,
          year,
          ...t.by_year[year],
        });
      }
    }
    const projects = healthplan('projects', 'list', 's.hplan', '--scenario', '开福实施计划').out;
    expect(projects).toMatch(/2022\t扩建\t计划\t伍家岭街道社区卫生服务中心增配全科医生/);
    expect(projects).toMatch(/2023\t扩建\t计划\t新河街道社区卫生服务中心增配全科医生/);
  }, 120_000);

  it('text: each year with its spend, the targets’ years before → after, what is left out', () => {
    const t = healthplan(...base, '--money', '2022=500万,2023=300万', '--actions', 'own.json', '--format', 'text');
    expect(t.code, t.err).toBe(0);
    expect(t.out).toContain('2022 年：资金 500 万元，安排 500 万元（1 个项目）');
    expect(t.out).toContain('[扩建] 伍家岭街道社区卫生服务中心增配全科医生 — 500 万元（自定项目 gp-wujialing）');
    expect(t.out).toContain('2024 年未给资金，按 0 计');
    expect(t.out).toMatch(/每万人口全科医生数: 未达标 → 2023; 2024: 4\.02 达标/);
    expect(t.out).toContain('未安排');
  }, 120_000);

  it('--fix to a year without money keeps it there and says what is missing; --after keeps the order', () => {
    const args = [...base, '--actions', 'own.json', '--exclude', 'project:1,project:2'];
    const f = healthplan(...args, '--money', '2022=500万,2023=300万', '--fix', 'gp-wujialing=2024', '--format', 'text');
    expect(f.code, f.err).toBe(0);
    expect(f.out).toContain('2024 年：已定项目超出可用资金 500 万元（仍按已定年份安排）');
    expect(f.out).toContain('2024 年：资金 0 万元，安排 500 万元（1 个项目）');
    expect(f.out).toContain('2022 年：资金 500 万元，安排 300 万元（1 个项目）'); // 新河 alone, the year before 伍家岭's fixed one
    // 伍家岭 after 新河: both in 2022 would cost 800 of 500, so 新河 in 2022 and 伍家岭 when 500 is there (2024).
    const a = JSON.parse(healthplan(...args, '--money', '2022=500万,2023=300万,2024=500万', '--after', 'gp-wujialing:gp-xinhe').out) as Out;
    expect(a.years.map((y) => [y.year, y.actions.map((x) => x.id)])).toEqual([
      [2022, ['gp-xinhe']],
      [2023, []],
      [2024, ['gp-wujialing']],
    ]);
  }, 120_000);

  it('xlsx: the workbook the app exports, its years’ spend as the JSON says', async () => {
    const x = healthplan(...base, '--money', '2022=500万,2023=300万', '--actions', 'own.json', '--format', 'xlsx', '--out', 'p.xlsx');
    expect(x.code, x.err).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${dir}/p.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['分年度实施计划', '项目排程', '指标逐年', '未安排', '说明']);
    const g = wb.getWorksheet('项目排程')!;
    expect(g.getRow(2).values).toEqual([undefined, '编号', '项目', '类型', '来源', '2022', '2023', '2024', '投资（万元）']);
    expect(g.getRow(3).values).toEqual([
      undefined,
      'gp-wujialing',
      '伍家岭街道社区卫生服务中心增配全科医生',
      '扩建',
      '自定项目',
      500,
      undefined,
      undefined,
      500,
    ]);
    expect(g.getRow(4).getCell(6).value).toBe(300);
  }, 120_000);

  it('siting:F and allocation:F as the site and allocate commands write them become candidates, priced by --costs', () => {
    file(
      'site.json',
      JSON.stringify({
        type: 'chc',
        chosen: [{ id: 'G1', name: '湘江北路口', lon: 112.98, lat: 28.25, newly_covered: 100, served: 100, source: 'generated' }],
      }),
    );
    file(
      'alloc.json',
      JSON.stringify({
        lines: [
          { scope: 'unit', code: '430105', resource: 'gps', allocated: 5 },
          { scope: 'facility', code: 'F430105009-CHC', resource: 'gps', allocated: 5 },
        ],
      }),
    );
    const c = healthplan(
      ...base,
      '--money',
      '2022-2024=100万',
      '--candidates',
      'siting:site.json+allocation:alloc.json',
      '--costs',
      'gps=10万,facility:chc=800万',
    );
    expect(c.code, c.err).toBe(0);
    const j = JSON.parse(c.out) as Out;
    const all = [...j.years.flatMap((y) => y.actions), ...j.unscheduled];
    expect(all.map((a) => [a.source, a.cost]).sort()).toEqual([
      ['allocation', 50], // 5 GPs × 10 万元
      ['siting', 800],
    ]);
    expect(j.years.map((y) => y.money)).toEqual([100, 100, 100]);
  }, 120_000);
});

describe('argument errors exit 2 naming the option and the fix', () => {
  const bad = (...args: string[]) => {
    const r = healthplan(...base, ...args);
    expect(r.code, r.err).toBe(2);
    return r.err;
  };
  it('money, years, rules, candidates, format', () => {
    expect(bad('--money', '2022=五千万')).toContain('--money: YEAR=AMOUNT');
    expect(bad('--money', '2025=5000万')).toContain('--money: 2025 is outside --years 2022-2024');
    expect(bad()).toContain('--money');
    expect(healthplan('programme', 's.hplan', '--years', '2024-2022', '--money', '2022=1').err).toContain('--years: FROM-TO');
    expect(bad('--money', '2022=1', '--fix', 'project:1=2030')).toContain('--fix project:1=2030: 2030 is outside --years 2022-2024');
    expect(bad('--money', '2022=1', '--after', 'project:1')).toContain('--after: LATER:EARLIER');
    expect(bad('--money', '2022=1', '--staff', 'doctors=3')).toContain('--staff: physicians=N');
    expect(bad('--money', '2022=1', '--costs', 'facility:palace=1')).toContain('"palace" is not a facility type');
    expect(bad('--money', '2022=1', '--candidates', 'siting:none.json')).toContain('healthplan site PLAN --type … --format json');
    expect(bad('--money', '2022=1', '--actions', 'own.json', '--candidates', 'projects+dreams')).toContain('"dreams" is none of these');
    file('bad-own.json', JSON.stringify([{ id: 'x', name: 'x', kind: 'build' }]));
    expect(bad('--money', '2022=1', '--actions', 'bad-own.json')).toContain('--actions: bad-own.json: [0].kind');
    expect(bad('--money', '2022=1', '--format', 'xlsx')).toContain('--format xlsx needs --out');
  }, 120_000);
});
