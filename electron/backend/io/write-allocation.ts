/**
 * 资源配置测算表: the allocation as the workbook a 卫健委 sends upward — 汇总 (budgets, what was given,
 * what is left and still needed), 分单位, 分机构, 规划项目 (by year), 分年度实施计划 (when the scenario was
 * written from a programme: each year's money, spend and projects), 指标来源 — Chinese headers, frozen
 * header rows, number formats, widths, colours for what is given and what is still short, A4 landscape.
 */
import ExcelJS from 'exceljs';
import { sheet, thin } from './report-sheet.ts';
import { RESOURCE_LABELS, RESOURCES, type Resource } from '../../../shared/allocation/index.ts';
import type { AllocationOut } from '../../../shared/api/methods/allocation.ts';
import type { ProgrammeSchedule } from '../../../shared/briefing/index.ts';
import type { ProjectLine } from '../../../shared/timeline/index.ts';
import { markSampleWorkbook } from './sample-mark.ts';

const STOP_ZH = { closed: '缺口已补齐', budget: '预算用完', money: '资金用完', no_budget: '未给预算', no_target: '标准无此指标，见下方说明' } as const;
const GIVEN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFE2F0D9' } };
const SHORT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFBE2D5' } };
const INT = '#,##0';

/** Integer columns get thousands separators; the last rows' totals are formulas carrying their value. */
function numberColumns(ws: ExcelJS.Worksheet, cols: number[]): void {
  for (const c of cols) ws.getColumn(c).numFmt = INT;
}

function colour(ws: ExcelJS.Worksheet, col: string, first: number, last: number, fill: ExcelJS.Fill): void {
  if (last < first) return;
  ws.addConditionalFormatting({
    ref: `${col}${first}:${col}${last}`,
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['0'], priority: 1, style: { fill } }],
  });
}

const label = (r: Resource) => RESOURCE_LABELS[r].zh;
const used = (a: AllocationOut) => RESOURCES.filter((r) => a.budget[r] !== undefined || a.lines.some((l) => l.resource === r));

/**
 * `sample`: the plan is the sample — the note goes in the 汇总 title and every sheet's page header;
 * `programme`: the programme the scenario was written from (programme.apply) — a 分年度实施计划 sheet.
 */
export async function writeAllocation(
  a: AllocationOut,
  opts: { plan: string; projects?: ProjectLine[]; sample?: boolean; programme?: ProgrammeSchedule | null },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'HealthPlan 卫健资源规划台';
  const scope = a.scope === 'county' ? '区县' : '街道/乡镇';
  const heading = `${a.year} 年 · 情景「${a.scenario}」· ${a.standardName} · 按${scope}测算`;

  // 汇总
  const sum = sheet(
    wb,
    '汇总',
    `资源配置测算汇总（${heading}）`,
    ['资源', '预算', '已定项目', '本次配置', '结余', '尚缺：追加预算可补', '尚缺：需新建机构', '说明'],
    [16, 12, 12, 12, 12, 18, 18, 40],
  );
  for (const r of used(a)) {
    sum.addRow([
      label(r),
      a.budget[r] ?? null,
      a.committed[r],
      a.allocated[r],
      a.unspent[r],
      a.still_needed[r].budget,
      a.still_needed[r].new_capacity,
      STOP_ZH[a.stopped[r]],
    ]);
  }
  if (a.budget.money !== undefined)
    sum.addRow(['资金（元）', a.budget.money, null, a.spent_money, a.unspent.money, a.still_needed.money, null, '按单位成本计']);
  numberColumns(sum, [2, 3, 4, 5, 6, 7]);
  sum.addRow([]);
  sum.addRow([`方案：${opts.plan}`]);
  for (const n of a.notes) sum.addRow([n]);
  sum.addRow([
    '缺口按所选标准的比例指标计算，与差距分析一致；配置规则：最短板优先（按达标程度从低到高补齐），不超过机构上限（床位按业务用房面积及机构类型上限）。',
  ]);

  // 分单位, 分机构
  const unitLines = a.lines.filter((l) => l.scope === 'unit');
  const facLines = a.lines.filter((l) => l.scope === 'facility');
  const unitName = new Map(unitLines.map((l) => [l.code, l.name]));
  const byUnit = sheet(
    wb,
    '分单位',
    `分单位配置（${heading}）`,
    ['区划代码', '单位', '资源', '现有', '已定项目', '本次配置', '配置后', '尚缺', '说明'],
    [15, 16, 14, 10, 10, 10, 10, 10, 100],
  );
  for (const l of unitLines)
    byUnit.addRow([l.code, l.name, label(l.resource), l.current, l.committed, l.allocated, l.result, l.remaining_shortfall, l.reason]).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  totals(byUnit, unitLines.length, [4, 5, 6, 7, 8]);
  numberColumns(byUnit, [4, 5, 6, 7, 8]);
  colour(byUnit, 'F', 3, unitLines.length + 2, GIVEN_FILL);
  colour(byUnit, 'H', 3, unitLines.length + 2, SHORT_FILL);

  const byFac = sheet(
    wb,
    '分机构',
    `分机构配置（${heading}）`,
    ['机构编码', '机构名称', '所在单位', '资源', '现有', '已定项目', '本次配置', '配置后', '说明'],
    [20, 30, 14, 14, 10, 10, 10, 10, 70],
  );
  for (const l of facLines)
    byFac.addRow([
      l.code,
      l.name,
      unitName.get(l.unitCode) ?? l.unitCode,
      label(l.resource),
      l.current,
      l.committed,
      l.allocated,
      l.result,
      l.reason,
    ]).alignment = { wrapText: true, vertical: 'top' };
  totals(byFac, facLines.length, [5, 6, 7, 8]);
  numberColumns(byFac, [5, 6, 7, 8]);
  colour(byFac, 'G', 3, facLines.length + 2, GIVEN_FILL);

  // 规划项目
  const proj = sheet(wb, '规划项目', `规划项目（按年份）`, ['年份', '项目', '类型', '机构', '内容', '投资（万元）', '依据'], [8, 30, 10, 28, 30, 12, 36]);
  const projects = [...(opts.projects ?? [])].sort((x, y) => x.year - y.year);
  for (const p of projects) proj.addRow([p.year, p.name, p.kind, p.facility, p.change, p.cost, p.source]);
  if (!projects.length) proj.addRow(['—', '本情景尚无规划项目']);
  proj.getColumn(6).numFmt = '#,##0.0';

  if (opts.programme) programmeSheet(wb, a.scenario, opts.programme);

  // 指标来源
  const src = sheet(wb, '指标来源', `指标来源（${a.standardName}）`, ['指标', '编号', '文号', '条款', '原文'], [26, 22, 26, 16, 80]);
  for (const t of a.targets) src.addRow([t.name, t.id, t.source.document, t.source.clause, t.source.text]).alignment = { wrapText: true, vertical: 'top' };
  markSampleWorkbook(wb, !!opts.sample);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A 合计 row under n data rows: SUM formulas carrying their value (Excel, WPS and LibreOffice recompute; a reader sees it at once). */
function totals(ws: ExcelJS.Worksheet, n: number, cols: number[]): void {
  const row = ws.addRow(['合计']);
  row.font = { bold: true };
  for (const c of cols) {
    const letter = ws.getColumn(c).letter;
    let total = 0;
    for (let r = 3; r < 3 + n; r++) {
      const v = ws.getCell(r, c).value;
      if (typeof v === 'number') total += v;
    }
    row.getCell(c).value = n ? { formula: `SUM(${letter}3:${letter}${n + 2})`, result: total } : 0;
  }
  row.eachCell((c) => {
    c.border = thin;
  });
}

const YEAR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F5F9' } };

/**
 * 分年度实施计划: each year's projects (项目, 类型, 机构, 投资), then its 小计 row — the year's money, what
 * could be spent (with carry-over, what earlier years left), the spend (a SUM of its projects) and what
 * is left — and a 合计 row over the years. Projects as the scenario now has them (briefProgramme's rule).
 */
function programmeSheet(wb: ExcelJS.Workbook, scenario: string, p: ProgrammeSchedule): void {
  const ws = sheet(
    wb,
    '分年度实施计划',
    `分年度实施计划（情景「${scenario}」· ${p.fromYear}—${p.toYear} 年 · ${p.carryOver ? '结余资金结转下年' : '当年资金当年使用'}）`,
    ['年份', '项目', '类型', '机构', '投资（万元）', '当年资金（万元）', '可用资金（万元）', '结余（万元）'],
    [8, 40, 10, 30, 14, 16, 16, 14],
  );
  const subtotals: number[] = [];
  for (const y of p.years) {
    const first = ws.rowCount + 1;
    for (const x of p.projects.filter((q) => q.year === y.year))
      ws.addRow([y.year, x.name, x.kindLabel, x.facility, x.cost]).alignment = { wrapText: true, vertical: 'top' };
    const last = ws.rowCount;
    const row = ws.addRow([y.year, `小计（${y.count} 个项目）`, null, null, null, y.money, y.available, null]);
    row.getCell(5).value = y.count ? { formula: `SUM(E${first}:E${last})`, result: y.spent } : 0;
    row.getCell(8).value = { formula: `G${row.number}-E${row.number}`, result: Math.round((y.available - y.spent) * 1e6) / 1e6 };
    row.font = { bold: true };
    row.eachCell({ includeEmpty: true }, (c) => {
      c.fill = YEAR_FILL;
      c.border = thin;
    });
    subtotals.push(row.number);
  }
  const total = ws.addRow(['合计', `${p.projects.length} 个项目`, null, null, null, p.money, null, null]);
  const sumOf = (col: string) => subtotals.map((r) => `${col}${r}`).join(',');
  total.getCell(5).value = subtotals.length ? { formula: `SUM(${sumOf('E')})`, result: p.spent } : 0;
  total.getCell(6).value = subtotals.length ? { formula: `SUM(${sumOf('F')})`, result: p.money } : 0;
  total.getCell(8).value = { formula: `F${total.number}-E${total.number}`, result: Math.round((p.money - p.spent) * 1e6) / 1e6 };
  total.font = { bold: true };
  total.eachCell((c) => {
    c.border = thin;
  });
  for (const c of [5, 6, 7, 8]) ws.getColumn(c).numFmt = '#,##0.0';
  ws.addRow([]);
  const notes = [
    `${p.optimal ? '已证最优；' : p.optimal === false && p.gap !== null ? `与最优相差不超过 ${(p.gap * 100).toFixed(1)}%；` : ''}生成于 ${p.written.slice(0, 10)}。投资为情景中各项目的投资估算（未填的按计划测算时的造价）。`,
    ...(p.changed ? [`生成后有 ${p.changed} 个项目改动了年份或投资，按情景现状列出。`] : []),
    ...(p.gone ? [`计划中的 ${p.gone} 个项目已从情景删除。`] : []),
    ...(p.outside ? [`${p.outside} 个项目已移出 ${p.fromYear}—${p.toYear} 年，未列出。`] : []),
  ];
  for (const n of notes) ws.addRow([n]);
}
