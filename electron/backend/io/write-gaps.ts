/** Gap results as a sheet (CSV or xlsx), with Chinese headers and each target's source. */
import ExcelJS from 'exceljs';
import type { GapReportOut } from '../../../shared/api/contract.ts';
import { writeCsvBytes } from './csv.ts';
import { markSampleWorkbook } from './sample-mark.ts';
import { statusInWords } from '../../../shared/gaps/words.ts';

const SCOPE_ZH = { region: '全域', county: '区县', township: '街道/乡镇', facility: '机构' } as const;
const HEADERS = ['指标', '指标编号', '层级', '代码', '名称', '现值', '目标值', '缺口', '单位', '状态', '到期年份', '说明', '文号', '条款', '原文'];
const WIDTHS = [26, 22, 10, 16, 28, 10, 10, 10, 6, 14, 8, 28, 24, 14, 60];

/** One row per result: the CLI's JSON fields plus the target's name and its source, for the workbook. */
export function gapRows(report: GapReportOut): (string | number | null)[][] {
  const byId = new Map(report.targets.map((t) => [t.id, t]));
  return report.results.map((r) => {
    const t = byId.get(r.target)!;
    return [
      t.name,
      r.target,
      SCOPE_ZH[r.scope],
      r.code,
      r.name,
      r.value,
      r.required,
      r.shortfall,
      r.unit,
      statusInWords(r, 'zh'),
      r.due ?? null,
      r.missing ?? '',
      t.source.document,
      t.source.clause,
      t.source.text,
    ];
  });
}

/** `sample`: the plan is the sample — the CSV gets a 数据说明 column, the workbook the note in its title and page header. */
export async function writeGaps(report: GapReportOut, format: 'csv' | 'xlsx', opts: { sample?: boolean } = {}): Promise<Uint8Array> {
  const rows = gapRows(report);
  if (format === 'csv') {
    // Through the app's one CSV writer: names that would start a formula neutralised, unit codes as codes.
    return writeCsvBytes(HEADERS, rows, { sample: !!opts.sample, kinds: { 代码: 'code' } });
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('差距', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow([`${report.standardName}（${report.year} 年）— 情景：${report.scenario}`]).font = { bold: true, size: 13 };
  const head = ws.addRow(HEADERS);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
  for (const r of rows) ws.addRow(r);
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: HEADERS.length } };
  markSampleWorkbook(wb, !!opts.sample);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
