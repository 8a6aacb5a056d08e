/**
 * 分年度实施计划 workbook: the programme as a 卫健委 sends it upward — 分年度实施计划 (each year's money,
 * what may be spent, what is spent, then its projects), 项目排程 (one row per project, its cost in its
 * year's column: a Gantt-like table with each year's total against its money), 指标逐年 (each target year
 * by year without and with the programme, the year it is first met), 未安排 (candidates left out and why),
 * 说明 (the objective, the proven bound and gap, the solver, the notes). Chinese headers, frozen header
 * rows, number formats, widths, A4 landscape: the look of the 资源配置测算表 (write-allocation.ts).
 */
import ExcelJS from 'exceljs';
import { sheet, thin } from './report-sheet.ts';
import type { ProgrammeActionOut, ProgrammeCell, ProgrammeOut } from '../../../shared/api/methods/programme.ts';
import { STATUS_WORDS } from '../../../shared/gaps/words.ts';
import type { ActionSource } from '../../../shared/programme/types.ts';
import { PROJECT_KIND_LABELS } from '../../../shared/timeline/project.ts';
import { markSampleWorkbook } from './sample-mark.ts';

const YEAR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const BAR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBDD7EE' } };
const STATUS_FILL: Partial<Record<ProgrammeCell['status'], ExcelJS.Fill>> = {
  met: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2F0D9' } },
  near: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } },
  short: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE2D5' } },
};
const OVER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFBE2D5' } };
/** 万元 with one decimal (a project of 35.5 万元 is common). */
const WAN = '#,##0.0';

export const SOURCE_WORDS: Record<ActionSource, string> = { project: '规划项目', siting: '选址方案', allocation: '资源配置', planner: '自定项目' };

const kind = (a: ProgrammeActionOut) => PROJECT_KIND_LABELS[a.kind].zh;
const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
/** A SUM over rows first..last of a column, carrying its value (Excel, WPS and LibreOffice recompute; a reader sees it at once). */
const sum = (col: string, first: number, last: number, result: number): ExcelJS.CellValue =>
  last >= first ? { formula: `SUM(${col}${first}:${col}${last})`, result: round(result, 4) } : 0;

/** `plan`: the plan file's name (说明); `sample`: the plan is the sample — the note goes in the first title and every sheet's page header. */
export async function writeProgramme(out: ProgrammeOut, opts: { plan: string; sample: boolean }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'HealthPlan 卫健资源规划台';
  // A formula whose value is 0 is written without its value (exceljs): the reader recomputes on opening.
  wb.calcProperties.fullCalcOnLoad = true;
  const range = out.fromYear === out.toYear ? `${out.fromYear} 年` : `${out.fromYear}–${out.toYear} 年`;
  const heading = `${range} · 情景「${out.scenario}」· ${out.standardName}`;
  const years = out.years.map((y) => y.year);

  // 分年度实施计划: per year its money, what may be spent, what is spent (the sum of its projects), then the projects.
  const plan = sheet(wb, '分年度实施计划', `分年度实施计划（${heading}）`, ['年份', '项目', '类型', '机构', '来源', '投资（万元）'], [10, 44, 10, 22, 12, 14]);
  plan.getColumn(6).numFmt = WAN;
  for (const y of out.years) {
    const head = plan.addRow([`${y.year} 年`, `${y.actions.length} 个项目`]);
    head.font = { bold: true };
    for (let c = 1; c <= 6; c++) head.getCell(c).fill = YEAR_FILL;
    plan.addRow([null, '当年资金', null, null, null, y.money]);
    plan.addRow([null, out.carryOver ? '可用资金（含上年结转）' : '可用资金', null, null, null, y.available]);
    const spent = plan.addRow([null, '本年安排', null, null, null, null]);
    spent.font = { bold: true };
    const first = spent.number + 1;
    for (const a of y.actions) {
      const row = plan.addRow([y.year, a.name, kind(a), a.facility ?? '', SOURCE_WORDS[a.source], a.cost]);
      row.alignment = { wrapText: true, vertical: 'top' };
      fitHeight(row, [[a.name, 44]]);
    }
    if (!y.actions.length) plan.addRow([y.year, '（本年无项目）']);
    spent.getCell(6).value = sum('F', first, first + y.actions.length - 1, y.spent);
    for (const s of [spent.number - 2, spent.number - 1, spent.number]) plan.getRow(s).getCell(2).alignment = { indent: 1 };
  }
  const total = plan.addRow([
    '合计',
    `资金 ${fmt(out.years.reduce((s, y) => s + y.money, 0))} 万元`,
    null,
    null,
    '已安排',
    out.years.reduce((s, y) => s + y.spent, 0),
  ]);
  total.font = { bold: true };
  total.eachCell((c) => {
    c.border = thin;
  });

  // 项目排程: one row per project, its cost in its year's column; each year's total, money and what is left.
  const scheduled = out.years.flatMap((y) => y.actions.map((a) => ({ a, year: y.year })));
  const gantt = sheet(
    wb,
    '项目排程',
    `项目排程（${heading}；万元）`,
    ['编号', '项目', '类型', '来源', ...years.map(String), '投资（万元）'],
    [18, 40, 8, 10, ...years.map(() => 10), 12],
  );
  const yearCol = (year: number) => 5 + years.indexOf(year);
  const lastCol = 5 + years.length;
  for (let c = 5; c <= lastCol; c++) gantt.getColumn(c).numFmt = WAN;
  for (const { a, year } of scheduled) {
    const row = gantt.addRow([a.id, a.name, kind(a), SOURCE_WORDS[a.source]]);
    const cell = row.getCell(yearCol(year));
    cell.value = a.cost;
    cell.fill = BAR_FILL;
    row.getCell(lastCol).value = a.cost;
    row.alignment = { vertical: 'top' };
  }
  if (!scheduled.length) gantt.addRow(['—', '没有安排任何项目']);
  const firstData = 3;
  const lastData = 2 + scheduled.length;
  const letter = (c: number) => gantt.getColumn(c).letter;
  const spentRow = gantt.addRow(['', '当年安排合计']);
  const moneyRow = gantt.addRow(['', '当年资金']);
  const availRow = gantt.addRow(['', out.carryOver ? '可用资金（含上年结转）' : '可用资金']);
  const leftRow = gantt.addRow(['', '结余']);
  for (const y of out.years) {
    const c = yearCol(y.year);
    spentRow.getCell(c).value = sum(letter(c), firstData, lastData, y.spent);
    moneyRow.getCell(c).value = y.money;
    availRow.getCell(c).value = y.available;
    leftRow.getCell(c).value = { formula: `${letter(c)}${availRow.number}-${letter(c)}${spentRow.number}`, result: round(y.available - y.spent, 4) };
  }
  const spentAll = out.years.reduce((s, y) => s + y.spent, 0);
  spentRow.getCell(lastCol).value = sum(letter(lastCol), firstData, lastData, spentAll);
  moneyRow.getCell(lastCol).value = out.years.reduce((s, y) => s + y.money, 0);
  for (const r of [spentRow, moneyRow, availRow, leftRow]) {
    r.font = { bold: true };
    r.eachCell((c) => {
      c.border = thin;
    });
  }
  if (years.length)
    gantt.addConditionalFormatting({
      ref: `${letter(5)}${leftRow.number}:${letter(lastCol - 1)}${leftRow.number}`,
      rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['-0.05'], priority: 1, style: { fill: OVER_FILL } }],
    });

  // 指标逐年: each target, without the programme and with it, year by year; the year it is first met.
  const targets = sheet(
    wb,
    '指标逐年',
    `指标逐年（${heading}；全区域）`,
    ['指标', '性质', '单位', '情形', ...years.map(String), '达标年份', '说明'],
    [34, 8, 12, 10, ...years.map(() => 10), 10, 48],
  );
  for (const t of out.targets) {
    for (const [label, cells, met] of [
      ['未实施', t.before, t.met_year_before],
      ['实施后', t.by_year, t.met_year],
    ] as const) {
      const after = label === '实施后';
      const note = after ? targetNote(t) : '';
      const row = targets.addRow([after ? '' : t.name, after ? '' : t.binding ? '约束性' : '预期性', after ? '' : t.unit, label]);
      years.forEach((y, i) => {
        const cell = cells[String(y)];
        const c = row.getCell(5 + i);
        if (!cell) return;
        c.value = cell.value === null ? STATUS_WORDS[cell.status].zh : round(cell.value);
        const fill = STATUS_FILL[cell.status];
        if (fill) c.fill = fill;
        if (cell.shortfall) c.note = `${STATUS_WORDS[cell.status].zh}，缺 ${cell.shortfall.toLocaleString('en-US')}${t.unit ? ` ${t.unit}` : ''}`;
      });
      row.getCell(5 + years.length).value = met ?? '未达标';
      if (note) row.getCell(6 + years.length).value = note;
      fitHeight(row, [
        [note, 48],
        [after ? '' : t.name, 34],
      ]);
      row.alignment = { vertical: 'top', wrapText: true };
      // Year cells (a status word where there is no value) to the right like the numbers; the year met centred.
      for (let c = 5; c < 5 + years.length; c++) row.getCell(c).alignment = { vertical: 'top', horizontal: 'right' };
      row.getCell(5 + years.length).alignment = { vertical: 'top', horizontal: 'center' };
      if (t.binding && !after) row.getCell(2).font = { bold: true, color: { argb: 'FFC00000' } };
      if (after) row.font = { bold: true };
      if (after) row.getCell(6 + years.length).font = { bold: false };
    }
  }
  if (!out.targets.length) targets.addRow(['—', '', '', '标准中没有可逐年测算的指标']);
  targets.addRow([]);
  targets.addRow(['底色：绿 达标，黄 接近（差 10% 以内），红 不足；批注为缺口。数字为全区域指标值，与「差距分析」所选年份一致。']);

  // 未安排
  const left = sheet(
    wb,
    '未安排',
    `未安排的候选项目（${heading}）`,
    ['编号', '项目', '类型', '机构', '来源', '投资（万元）', '原因'],
    [18, 40, 8, 20, 10, 12, 60],
  );
  left.getColumn(6).numFmt = WAN;
  for (const u of out.unscheduled) {
    const row = left.addRow([u.id, u.name, kind(u), u.facility ?? '', SOURCE_WORDS[u.source], u.cost ?? '未填造价', u.whyText]);
    row.alignment = { wrapText: true, vertical: 'top' };
    fitHeight(row, [
      [u.name, 40],
      [u.whyText, 60],
    ]);
  }
  if (!out.unscheduled.length) left.addRow(['—', '所有候选项目均已安排']);

  // 说明
  const about = sheet(wb, '说明', `测算说明（${heading}）`, ['项目', '内容'], [30, 100]);
  const solver = out.solver === 'highs' ? 'HiGHS 混合整数规划（精确模型）' : '启发式（逐年贪心），附证明下界';
  const rows: [string, string | number][] = [
    ['方案文件', opts.plan],
    ['情景', out.scenario],
    ['标准', `${out.standardName}（${out.standard}）`],
    ['区域', out.region],
    ['年份', range],
    ['资金结转', out.carryOver ? '允许：当年未用完的资金转入下一年' : '不结转：每年只能用当年资金'],
    ['候选项目', out.candidates],
    ['已安排', scheduled.length],
    ['未安排', out.unscheduled.length],
    ['目标函数', '先使约束性指标尽早达标，再使预期性指标尽早达标（按人口加权的逐年短缺之和，越早越好），最后投资最少'],
    ['约束性指标加权短缺（人·年）', round(out.objective.binding)],
    ['预期性指标加权短缺（人·年）', round(out.objective.expected)],
    ['总投资（万元）', round(out.objective.cost, 1)],
    ['下界：约束性（人·年）', round(out.bound.binding)],
    ['下界：预期性（人·年）', round(out.bound.expected)],
    ['与最优的差距', out.optimal ? '0（已证明最优）' : `不超过 ${(out.gap * 100).toFixed(1)}%`],
    ['求解方法', solver],
    ['用时（毫秒）', out.ms],
  ];
  const text = (k: string, v: string | number) => {
    const row = about.addRow([k, v]);
    row.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    fitHeight(row, [[String(v), 100]]);
  };
  for (const [k, v] of rows) text(k, v);
  about.addRow([]);
  about.addRow(['说明']).font = { bold: true };
  for (const n of out.notes) text('', n);
  text(
    '',
    '逐年指标由差距分析引擎按本计划写入的情景计算（与「healthplan gaps --year 年份」一致）；下界为任何排程都不能更好的值，差距 =（目标值 − 下界）÷ 目标值。',
  );

  markSampleWorkbook(wb, opts.sample);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Rows of wrapped text are given their height (LibreOffice keeps a row's default height on opening): the most
 * lines any of its texts takes in its column width (a CJK character about two widths, other characters one).
 */
function fitHeight(row: ExcelJS.Row, texts: [string, number][]): void {
  let lines = 1;
  for (const [t, width] of texts) {
    let w = 0;
    for (const ch of t) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    lines = Math.max(lines, Math.ceil(w / Math.max(1, width - 2)));
  }
  if (lines > 1) row.height = 15 * lines;
}

const fmt = (n: number) => round(n, 1).toLocaleString('en-US');

function targetNote(t: ProgrammeOut['targets'][number]): string {
  const parts: string[] = [];
  if (!t.modelled) parts.push('未纳入优化（逐年可达性需各自路网测算，或为参考指标）');
  if (t.unmet) parts.push(t.unmet.text);
  return parts.join('；');
}
