// The 分年度实施计划 workbook, written from a hand-made programme and read back as a planner's Excel would:
// two years (100 and 80 万元, no carry-over), three projects placed (60 + 30 in 2025, 80 in 2026), one left
// out for money, one binding bed target met from 2026 with the programme and never without it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeProgramme } from '../../electron/backend/io/write-programme.ts';
import type { ProgrammeActionOut, ProgrammeOut } from '../../shared/api/methods/programme.ts';
import { tmpDir } from './tmp.ts';

const action = (id: string, name: string, cost: number, over: Partial<ProgrammeActionOut> = {}): ProgrammeActionOut => ({
  id,
  name,
  kind: 'expand',
  source: 'project',
  facility: 'F001',
  unit: '430105001',
  cost,
  costFrom: 'own',
  staff: {},
  ...over,
});

const out: ProgrammeOut = {
  standard: 'kaifu-2024',
  standardName: '开福区基层医疗卫生服务能力提升',
  standardNameEn: 'Kaifu primary care',
  scenario: '基线',
  scenarioId: 1,
  region: '开福区',
  fromYear: 2025,
  toYear: 2026,
  carryOver: false,
  years: [
    {
      year: 2025,
      money: 100,
      available: 100,
      spent: 90,
      actions: [
        action('project:1', '新河街道社区卫生服务中心扩建', 60),
        action('site:S1', '洪山街道新建社区卫生服务中心', 30, { kind: 'new', source: 'siting', facility: 'S1' }),
      ],
      staff: {},
    },
    {
      year: 2026,
      money: 80,
      available: 80,
      spent: 80,
      actions: [action('alloc:F002', '伍家岭街道社区卫生服务中心增加床位', 80, { source: 'allocation', facility: 'F002' })],
      staff: {},
    },
  ],
  unscheduled: [
    {
      ...action('own-1', '区级信息平台', 50, { kind: 'other', source: 'planner', facility: null }),
      why: 'money',
      whyText: '资金不足：两年结余 10 万元，需 50 万元',
      whyTextEn: 'Not enough money',
    },
  ],
  targets: [
    {
      target: 'beds-per-1000',
      name: '每千常住人口床位数',
      nameEn: 'Beds per 1,000',
      binding: true,
      unit: '张/千人',
      scope: 'region',
      code: 'region',
      met_year: 2026,
      met_year_before: null,
      by_year: {
        '2025': { value: 5.912, shortfall: 40, status: 'near' },
        '2026': { value: 6.1, shortfall: 0, status: 'met' },
      },
      before: {
        '2025': { value: 5.5, shortfall: 220, status: 'short' },
        '2026': { value: 5.5, shortfall: 230, status: 'short' },
      },
      modelled: true,
    },
  ],
  objective: { binding: 1234.5678, expected: 0, cost: 170 },
  bound: { binding: 1200, expected: 0 },
  gap: 0.028,
  optimal: false,
  solver: 'greedy',
  candidates: 4,
  notes: ['2026 年资金 80 万元全部安排'],
  notesEn: ['2026: all 80 spent'],
  ms: 12,
};

const dir = tmpDir();
const file = path.join(dir, '实施计划.xlsx');
let wb: ExcelJS.Workbook;
const result = (v: ExcelJS.CellValue) => (typeof v === 'object' && v !== null && 'result' in v ? v.result : v);

beforeAll(async () => {
  fs.writeFileSync(file, await writeProgramme(out, { plan: '示例.hplan', sample: true }));
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
});

describe('the programme workbook', () => {
  it('has its five sheets, Chinese headers, frozen header rows, A4 landscape, and says the sample is the sample', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['分年度实施计划', '项目排程', '指标逐年', '未安排', '说明']);
    const plan = wb.getWorksheet('分年度实施计划')!;
    expect(plan.getRow(2).values).toEqual([undefined, '年份', '项目', '类型', '机构', '来源', '投资（万元）']);
    expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(plan.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(String(plan.getCell(1, 1).value)).toContain('2025–2026 年 · 情景「基线」');
    expect(String(plan.getCell(1, 1).value)).toContain('示例数据');
  });

  it('分年度实施计划: each year its money, what may be spent, what is spent (the sum of its projects), then its projects', () => {
    const plan = wb.getWorksheet('分年度实施计划')!;
    const rows = Array.from({ length: plan.rowCount }, (_, i) => plan.getRow(i + 1));
    const at = rows.findIndex((r) => r.getCell(1).value === '2025 年');
    expect(rows[at + 1]!.getCell(2).value).toBe('当年资金');
    expect(rows[at + 1]!.getCell(6).value).toBe(100);
    expect(rows[at + 2]!.getCell(6).value).toBe(100);
    expect(rows[at + 3]!.getCell(2).value).toBe('本年安排');
    expect(rows[at + 3]!.getCell(6).value).toEqual({ formula: `SUM(F${at + 5}:F${at + 6})`, result: 90 }); // 60 + 30
    expect(rows[at + 4]!.values).toEqual([undefined, 2025, '新河街道社区卫生服务中心扩建', '扩建', 'F001', '规划项目', 60]);
    expect(rows[at + 5]!.values).toEqual([undefined, 2025, '洪山街道新建社区卫生服务中心', '新建', 'S1', '选址方案', 30]);
    const y26 = rows.findIndex((r) => r.getCell(1).value === '2026 年');
    expect(result(rows[y26 + 3]!.getCell(6).value)).toBe(80);
    const total = rows.at(-1)!;
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(6).value).toBe(170);
  });

  it('项目排程: one row per project with its cost in its year column only; each year spent against its money', () => {
    const g = wb.getWorksheet('项目排程')!;
    expect(g.getRow(2).values).toEqual([undefined, '编号', '项目', '类型', '来源', '2025', '2026', '投资（万元）']);
    expect(g.getRow(5).values).toEqual([undefined, 'alloc:F002', '伍家岭街道社区卫生服务中心增加床位', '扩建', '资源配置', undefined, 80, 80]);
    expect(g.getRow(3).getCell(5).value).toBe(60);
    expect(g.getRow(3).getCell(6).value).toBeNull();
    const spent = g.getRow(6);
    expect(spent.getCell(2).value).toBe('当年安排合计');
    expect(spent.getCell(5).value).toEqual({ formula: 'SUM(E3:E5)', result: 90 });
    expect(result(spent.getCell(6).value)).toBe(80);
    expect(result(spent.getCell(7).value)).toBe(170);
    expect(g.getRow(7).getCell(5).value).toBe(100); // 当年资金
    expect(g.getRow(9).getCell(2).value).toBe('结余');
    expect(result(g.getRow(9).getCell(5).value)).toBe(10);
    expect(g.getRow(9).getCell(6).value).toMatchObject({ formula: 'F8-F6' }); // 80 − 80 (a value of 0 is left for the reader to compute)
  });

  it('指标逐年: without and with the programme year by year, binding marked, the year first met', () => {
    const t = wb.getWorksheet('指标逐年')!;
    expect(t.getRow(2).values).toEqual([undefined, '指标', '性质', '单位', '情形', '2025', '2026', '达标年份', '说明']);
    expect(t.getRow(3).values).toEqual([undefined, '每千常住人口床位数', '约束性', '张/千人', '未实施', 5.5, 5.5, '未达标']);
    expect(t.getRow(4).getCell(4).value).toBe('实施后');
    expect(t.getRow(4).getCell(5).value).toBe(5.91); // 5.912 to two decimals
    expect(t.getRow(4).getCell(6).value).toBe(6.1);
    expect(t.getRow(4).getCell(7).value).toBe(2026);
    expect(t.getRow(3).getCell(5).note).toBe('不足，缺 220 张/千人');
  });

  it('未安排 says why; 说明 gives the objective, bound, gap and solver', () => {
    const u = wb.getWorksheet('未安排')!;
    expect(u.getRow(3).values).toEqual([undefined, 'own-1', '区级信息平台', '其他项目', '', '自定项目', 50, '资金不足：两年结余 10 万元，需 50 万元']);
    const about = wb.getWorksheet('说明')!;
    const kv = new Map(Array.from({ length: about.rowCount }, (_, i) => about.getRow(i + 1)).map((r) => [r.getCell(1).value, r.getCell(2).value]));
    expect(kv.get('约束性指标加权短缺（人·年）')).toBe(1234.57);
    expect(kv.get('下界：约束性（人·年）')).toBe(1200);
    expect(kv.get('与最优的差距')).toBe('不超过 2.8%');
    expect(kv.get('求解方法')).toContain('启发式');
    expect(kv.get('方案文件')).toBe('示例.hplan');
  });

  const soffice = spawnSync('soffice', ['--version']).status === 0;
  it.skipIf(!soffice)(
    'converts to PDF with LibreOffice headless, every sheet printed',
    () => {
      const outDir = path.join(dir, 'pdf');
      const r = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file],
        {
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      expect(r.status, r.stderr).toBe(0);
      const pdf = path.join(outDir, '实施计划.pdf');
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      if (text.status === 0)
        for (const word of ['分年度实施计划', '项目排程', '每千常住人口床位数', '区级信息平台', '测算说明']) expect(text.stdout).toContain(word);
    },
    150_000,
  );
});
