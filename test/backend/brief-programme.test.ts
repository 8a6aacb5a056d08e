// The briefing's 分年度实施计划 slide on a real plan file: a scenario written from a programme (its
// projects added with addProject, the programme kept with putProgramme, as programme.apply does) gets
// the slide, with each year's spend against its money from the scenario's projects and the last year's
// standing from the gap engine for that year; a scenario with projects but no programme does not. The
// table's rows: each project when they fit, else by kind and type, then 另有 N 项. Then the PDF and the
// PPTX through `healthplan brief` (needs `node scripts/build.mjs`), turned to PNG to look at:
// test-results/brief-programme/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredProgramme } from '../../shared/api/methods/programme.ts';
import { planSlides, programmeOutcome, programmeRows, programmeSchedule } from '../../shared/briefing/index.ts';
import { VERDICTS } from '../../shared/gaps/result.ts';
import type { Project } from '../../shared/timeline/project.ts';
import { putProgramme } from '../../electron/backend/db/programme.ts';
import { createPlannerService, type Service } from '../../electron/backend/service.ts';
import { addProject } from '../../electron/backend/timeline/projects.ts';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const home = tmpDir();
const OUT = path.resolve(import.meta.dirname, '../../test-results/brief-programme');
let svc: Service;
const b64 = (s: string) => Buffer.from(s).toString('base64');
// 20,000 people; 长沙市's set asks 11 beds a thousand (220): H1's 50 are short until its 2026 expansion of 180.
const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份',
  '430100000000,长沙市,,市,,113.0,28.0,2025',
  'A,甲区,430100000000,区,,113.0,28.0,2025',
  'S1,一街道,A,街道,,113.0,28.0,2025',
  'C1,东社区,S1,社区,10000,113.0,28.0,2025',
  'S2,二街道,A,街道,,113.1,28.0,2025',
  'C2,西社区,S2,社区,10000,113.1,28.0,2025',
].join('\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,实有床位,执业(助理)医师,经度,纬度',
  'H1,一街道医院,二级医院,C1,50,10,113.0,28.0',
  'E1,急救站,120急救站,C1,0,2,113.0,28.0',
].join('\n');

let planPath = '';
let sid = 0; // the scenario written from the programme
let plain = 0; // a scenario with projects and no programme
const ids: Record<'platform' | 'beds' | 'centre' | 'building', number> = { platform: 0, beds: 0, centre: 0, building: 0 };
let stored: StoredProgramme;

beforeAll(async () => {
  svc = createPlannerService({ home, door: 'direct' });
  await svc.call('plan.new', { path: 'programme' });
  const imported = await svc.call('tables.import', {
    scenarioId: 1,
    units: { fileName: 'u.csv', dataBase64: b64(UNITS) },
    facilities: { fileName: 'f.csv', dataBase64: b64(FACILITIES) },
  });
  expect(imported.ok).toBe(true);
  await svc.call('gaps.setSettings', { standardId: 'changsha-14fyp-2025', year: 2025 });
  sid = (await svc.call('scenarios.create', { name: '实施计划' })).id;
  plain = (await svc.call('scenarios.create', { name: '仅有项目' })).id;
  const db = svc.workspace.requirePlan().db;
  planPath = svc.workspace.requirePlan().path;
  ids.platform = addProject(db, sid, { year: 2025, kind: 'other', name: '区域卫生信息平台', cost: 800, responsible_unit: '区卫生健康局' }).id;
  ids.beds = addProject(db, sid, { year: 2026, kind: 'expand', facility_id: 'H1', name: '一街道医院扩建', deltas: { beds_open: 180 }, cost: 1500 }).id;
  ids.centre = addProject(db, sid, {
    year: 2026,
    kind: 'new',
    type: 'chc',
    lon: 113.1,
    lat: 28.0,
    facility_name: '二街道社区卫生服务中心',
    fields: { beds_open: 0 },
    cost: 600,
  }).id;
  // Already under way: not one the programme placed, so neither on its slide nor in its spend.
  ids.building = addProject(db, sid, { year: 2025, kind: 'expand', facility_id: 'H1', deltas: { physicians: 5 }, cost: 300, status: 'building' }).id;
  addProject(db, plain, { year: 2026, kind: 'expand', facility_id: 'H1', deltas: { beds_open: 180 }, cost: 1500 });
  stored = {
    standardId: 'changsha-14fyp-2025',
    fromYear: 2025,
    toYear: 2026,
    carryOver: true,
    money: [
      { year: 2025, amount: 1000 },
      { year: 2026, amount: 2000 },
    ],
    placed: [
      { project: ids.platform, action: 'planner:platform', year: 2025, cost: 800 },
      { project: ids.beds, action: 'alloc:H1', year: 2026, cost: 1500 },
      { project: ids.centre, action: 'site:S1', year: 2026, cost: 600 },
    ],
    objective: { binding: 0, expected: 20_000, cost: 2900 },
    gap: 0,
    optimal: true,
    written: '2025-03-01T08:00:00.000Z',
  };
  putProgramme(db, sid, stored);
  // Six years, 14 projects: more than the slide's rows, so by kind and type (printed in English below).
  const six = (await svc.call('scenarios.create', { name: '六年计划' })).id;
  const placed: StoredProgramme['placed'] = [];
  const place = (year: number, cost: number, input: Omit<Parameters<typeof addProject>[2], 'year' | 'cost'>) =>
    placed.push({ project: addProject(db, six, { ...input, year, cost }).id, action: `a${placed.length}`, year, cost });
  for (let y = 2025; y <= 2030; y++) {
    place(y, 400, { kind: 'expand', facility_id: 'H1', name: `Ward ${y}`, deltas: { beds_open: 30 } });
    place(y, 900, { kind: 'new', type: 'chc', lon: 113 + (y - 2025) * 0.02, lat: 28.0, facility_name: `Centre ${y}`, fields: { beds_open: 0 } });
  }
  place(2026, 120, { kind: 'other', name: 'IT platform' });
  place(2029, 80, { kind: 'other', name: 'Training' });
  putProgramme(db, six, {
    ...stored,
    fromYear: 2025,
    toYear: 2030,
    carryOver: false,
    money: [2025, 2026, 2027, 2028, 2029, 2030].map((year) => ({ year, amount: 1500 })),
    placed,
    optimal: false,
    gap: 0.034,
  });
}, 60_000);
let closed = false;
const close = () => {
  if (!closed) svc.close();
  closed = true;
};
afterAll(close);

describe('brief.get with a stored programme', () => {
  it('carries the programme: each year its money, what could be spent (carried over) and what its placed projects cost', async () => {
    const b = await svc.call('brief.get', { scenarioId: sid });
    const p = b.programme!;
    expect(p).toBeTruthy();
    expect([p.fromYear, p.toYear, p.carryOver]).toEqual([2025, 2026, true]);
    // 2025: 800 of 1,000 (the 在建 300 is not the programme's); 2026: 1,500 + 600 = 2,100 of 2,000 + the 200 left = 2,200.
    expect(p.years).toEqual([
      { year: 2025, money: 1000, available: 1000, spent: 800, count: 1 },
      { year: 2026, money: 2000, available: 2200, spent: 2100, count: 2 },
    ]);
    expect([p.spent, p.money]).toEqual([2900, 3000]);
    // The stored programme's own figures: each year's spend is the sum of its placed costs.
    for (const y of p.years) expect(y.spent).toBe(stored.placed.filter((x) => x.year === y.year).reduce((s, x) => s + x.cost, 0));
    // By year, 新建 before 扩建 within a year (the order projects apply in).
    expect(p.projects.map((x) => [x.year, x.kindLabel, x.typeLabel, x.name, x.facility, x.cost])).toEqual([
      [2025, '其他项目', '', '区域卫生信息平台', '区卫生健康局', 800],
      [2026, '新建', '社区卫生服务中心', '二街道社区卫生服务中心', '二街道社区卫生服务中心', 600],
      [2026, '扩建', '二级医院', '一街道医院扩建', '一街道医院', 1500],
    ]);
    expect([p.changed, p.gone, p.outside, p.optimal, p.gap]).toEqual([0, 0, 0, true, 0]);
    // Its slide comes after the proposals and before the projects by year.
    const kinds = planSlides(b).map((s) => s.kind);
    expect(kinds.indexOf('programme')).toBeGreaterThan(0);
    expect(kinds.indexOf('timeline')).toBe(kinds.indexOf('programme') + 1);
  });

  it("says what the last year achieves from the gap engine's own results for 2026 (the briefing's year being 2025)", async () => {
    const b = await svc.call('brief.get', { scenarioId: sid });
    const gaps2026 = await svc.call('gaps.evaluate', { scenarioId: sid, year: 2026 });
    const last = b.programme!.last;
    expect(last.year).toBe(2026);
    expect(last.region).toEqual(gaps2026.results.filter((r) => r.scope === 'region'));
    // Beds: 230 for 20,000 people (11.5 a thousand) in 2026, met; in the briefed 2025 still 50 (2.5), short.
    const beds = (rs: typeof last.region) => rs.find((r) => r.target === 'beds-per-1000')!;
    expect([beds(last.region).value, beds(last.region).status]).toEqual([11.5, 'met']);
    expect([beds(b.current.region).value, beds(b.current.region).status]).toEqual([2.5, 'short']);
    const o = programmeOutcome(b.programme!, b.targets);
    const judged = last.region.filter((r) => VERDICTS.includes(r.status));
    expect(o.judged).toBe(judged.length);
    expect(o.met).toBe(judged.filter((r) => r.status === 'met').length);
    expect(o.met).toBeGreaterThan(0);
    expect(o.unmet.map((t) => t.id)).not.toContain('beds-per-1000');
    expect(o.unmet.length).toBe(o.judged - o.met);
  });

  it('has no programme slide for a scenario with projects but no programme; its projects slide stays', async () => {
    const b = await svc.call('brief.get', { scenarioId: plain });
    expect(b.programme).toBeNull();
    const kinds = planSlides(b).map((s) => s.kind);
    expect(kinds).not.toContain('programme');
    expect(kinds).toContain('timeline');
  });

  it('lists the projects as the scenario now has them, and counts those changed since', async () => {
    const projects = (await svc.call('projects.list', { scenarioId: sid })) as Project[];
    const facilities = await svc.call('facilities.list', { scenarioId: sid });
    const moved = projects.map((p) => (p.id === ids.centre ? { ...p, cost: 700 } : p)).filter((p) => p.id !== ids.platform);
    const s = programmeSchedule(stored, moved, facilities);
    expect(s.years.map((y) => [y.year, y.spent, y.available])).toEqual([
      [2025, 0, 1000],
      [2026, 2200, 3000], // 1,000 carried from 2025
    ]);
    expect([s.changed, s.gone]).toEqual([1, 1]);
    const outside = programmeSchedule(
      stored,
      projects.map((p) => (p.id === ids.beds ? { ...p, year: 2027 } : p)),
      facilities,
    );
    expect([outside.changed, outside.outside, outside.projects.length, outside.spent]).toEqual([1, 1, 2, 1400]);
    // A project with no 投资估算 of its own (the programme priced it: an estimate, the 造价标准) costs what the programme said; not a change.
    const unpriced = programmeSchedule(
      stored,
      projects.map((p) => (p.id === ids.beds ? { ...p, cost: null } : p)),
      facilities,
    );
    expect([unpriced.changed, unpriced.years[1]!.spent]).toEqual([0, 2100]);
  });
});

describe('the Gantt rows', () => {
  const project = (id: number, year: number, kind: Project['kind'], type: Project['type'], cost: number): Project => ({
    id,
    year,
    kind,
    facility_id: kind === 'other' ? null : `F${id}`,
    name: `项目${id}`,
    lon: null,
    lat: null,
    unit_code: null,
    type,
    facility_name: null,
    deltas: {},
    fields: {},
    cost,
    source_document: null,
    source_clause: null,
    note: null,
    responsible_unit: null,
    status: 'planned',
  });
  const record = (ps: Project[]) => ({
    fromYear: 2025,
    toYear: 2027,
    carryOver: false,
    money: [2025, 2026, 2027].map((year) => ({ year, amount: 5000 })),
    placed: ps.map((p) => ({ project: p.id, action: `project:${p.id}`, year: p.year, cost: p.cost! })),
    gap: 0,
    optimal: true,
    written: '2025-03-01',
  });

  it('one row a project while they fit (10)', () => {
    const ps = Array.from({ length: 10 }, (_, i) => project(i + 1, 2025 + (i % 3), 'upgrade', 'chc', 100 * (i + 1)));
    const rows = programmeRows(programmeSchedule(record(ps), ps, []));
    expect(rows.map((r) => r.what)).toEqual(Array(10).fill('project'));
    expect(rows[0]).toMatchObject({ label: '项目1', cells: { 2025: { cost: 100, count: 1 } }, total: 100 });
  });

  it('by kind and type when more, each cell the year’s sum and count; the cells add up to the spend', () => {
    // 6 新建 CHCs (2025: 3 × 1,000; 2026: 3 × 1,000), 5 扩建 THCs (2026–2027, 200 each), 1 其他 (2027, 50).
    const ps = [
      ...Array.from({ length: 6 }, (_, i) => project(i + 1, i < 3 ? 2025 : 2026, 'new', 'chc', 1000)),
      ...Array.from({ length: 5 }, (_, i) => project(10 + i, i < 2 ? 2026 : 2027, 'expand', 'thc', 200)),
      project(20, 2027, 'other', null, 50),
    ];
    const s = programmeSchedule(record(ps), ps, []);
    const rows = programmeRows(s);
    expect(rows.map((r) => [r.what, r.label, r.count, r.total])).toEqual([
      ['group', '新建 · 社区卫生服务中心', 6, 6000],
      ['group', '扩建 · 乡镇卫生院', 5, 1000],
      ['group', '其他项目', 1, 50],
    ]);
    expect(rows[0]!.cells).toEqual({ 2025: { cost: 3000, count: 3 }, 2026: { cost: 3000, count: 3 } });
    expect(rows[1]!.cells).toEqual({ 2026: { cost: 400, count: 2 }, 2027: { cost: 600, count: 3 } });
    for (const y of s.years) expect(rows.reduce((t, r) => t + (r.cells[y.year]?.cost ?? 0), 0)).toBe(y.spent);
    expect(s.years.map((y) => y.spent)).toEqual([3000, 3400, 650]);
  });

  it('the costliest groups when even those do not fit, the rest on a last row: 另有 N 项', () => {
    // Four groups in at most 3 rows: the two costliest, then the other two (3 projects) on one row.
    const ps = [
      project(1, 2025, 'new', 'chc', 900),
      project(2, 2025, 'expand', 'thc', 500),
      project(3, 2026, 'upgrade', 'central_thc', 100),
      project(4, 2026, 'other', null, 30),
      project(5, 2027, 'other', null, 20),
    ];
    const rows = programmeRows(programmeSchedule(record(ps), ps, []), 3);
    expect(rows.map((r) => [r.what, r.label, r.count, r.total])).toEqual([
      ['group', '新建 · 社区卫生服务中心', 1, 900],
      ['group', '扩建 · 乡镇卫生院', 1, 500],
      ['rest', '', 3, 150],
    ]);
    expect(rows[2]!.cells).toEqual({ 2026: { cost: 130, count: 2 }, 2027: { cost: 20, count: 1 } });
  });
});

// The slide drawn: the PDF page and the PPTX slide, through `healthplan brief` (the built renderer).
const built = fs.existsSync(path.resolve(import.meta.dirname, '../../out/renderer/index.html'));
describe.skipIf(!built)('the slide in the PDF and the PPTX', () => {
  const dir = tmpDir();
  const { healthplan } = cliIn(dir);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.status} ${r.stderr}`);
    return r.stdout;
  };
  const squash = (s: string) => s.replace(/\s+/g, '');
  let file = '';
  beforeAll(() => {
    close(); // the CLI opens the plan file itself
    file = path.join(dir, 'programme.hplan');
    fs.copyFileSync(planPath, file);
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
  });

  it('prints the 分年度实施计划 page: the projects in their years, the spend row, the outcome line', () => {
    const pdf = path.join(dir, '实施计划.pdf');
    const r = healthplan('brief', file, '--scenario', '实施计划', '--pdf', pdf);
    expect(r.code, r.err).toBe(0);
    const pages = run('pdftotext', ['-layout', pdf, '-']).split('\f');
    const i = pages.findIndex((p) => p.includes('分年度实施计划'));
    expect(i).toBeGreaterThan(0);
    const page = squash(pages[i]!);
    for (const s of ['区域卫生信息平台', '二街道社区卫生服务中心', '一街道医院扩建', '2025', '2026', '合计']) expect(page, s).toContain(s);
    expect(page).toContain(squash('800 / 1,000')); // 2025
    expect(page).toContain(squash('2,100 / 2,000')); // 2026, with 2,200 available
    expect(page).toContain(squash('可用 2,200'));
    expect(page).toContain(squash('2,900 / 3,000'));
    expect(page).toContain('到2026年');
    expect(page).not.toContain('300'); // the 在建 project is not the programme's
    run('pdftoppm', ['-r', '60', '-png', '-f', String(i + 1), '-l', String(i + 1), pdf, path.join(OUT, 'pdf')]);
  }, 180_000);

  it('puts the same slide in the PPTX (LibreOffice opens it)', () => {
    const pptx = path.join(dir, '实施计划.pptx');
    const r = healthplan('brief', file, '--scenario', '实施计划', '--pptx', pptx);
    expect(r.code, r.err).toBe(0);
    const profile = fs.mkdtempSync(path.join(dir, 'lo-'));
    const lo = path.join(dir, 'lo');
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', lo, pptx]);
    const pdf = path.join(lo, '实施计划.pdf');
    const pages = run('pdftotext', ['-layout', pdf, '-']).split('\f');
    const i = pages.findIndex((p) => p.includes('分年度实施计划'));
    expect(i).toBeGreaterThan(0);
    const page = squash(pages[i]!);
    for (const s of ['区域卫生信息平台', '一街道医院扩建', '800/1,000', '2,100/2,000', '2,900/3,000', '到2026年']) expect(page, s).toContain(s);
    run('pdftoppm', ['-r', '60', '-png', '-f', String(i + 1), '-l', String(i + 1), pdf, path.join(OUT, 'pptx')]);
  }, 240_000);

  it('groups 14 projects over six years by kind and type, in English', () => {
    const pdf = path.join(dir, 'six.pdf');
    const r = healthplan('brief', file, '--scenario', '六年计划', '--pdf', pdf, '--lang', 'en');
    expect(r.code, r.err).toBe(0);
    // In reading order (not -layout): a label wrapped in its cell stays in one piece.
    const pages = run('pdftotext', [pdf, '-']).split('\f');
    const i = pages.findIndex((p) => squash(p).includes('Phasedprogramme'));
    expect(i).toBeGreaterThan(0);
    const page = squash(pages[i]!);
    // 扩建 · 二级医院: 400 a year, 2,400 in all; 新建 · CHC: 900 a year, 5,400; 其他: 120 + 80.
    for (const s of ['Expansion·Secondaryhospital', 'Newfacility·Communityhealthcentre', '2,400', '5,400', '1,420/1,500', '1,380/1,500', '8,000/9,000'])
      expect(page, s).toContain(s);
    expect(page).toContain('Within3.4%oftheoptimum');
    expect(page).not.toContain('Ward2025'); // grouped: no project row
    run('pdftoppm', ['-r', '60', '-png', '-f', String(i + 1), '-l', String(i + 1), pdf, path.join(OUT, 'pdf-six-en')]);
  }, 180_000);
});
