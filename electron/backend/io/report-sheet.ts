/**
 * A report sheet as the workbooks we write lay it out (资源配置测算表, 分年度实施计划): a title row (wrapped when
 * long), a header row, both frozen and printed on every A4 landscape page, the sheet's name and page in the footer.
 */
import type ExcelJS from 'exceljs';

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
export const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

export function sheet(wb: ExcelJS.Workbook, name: string, title: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${name} 第 &P 页，共 &N 页` },
  });
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = title;
  ws.getRow(1).font = { bold: true, size: 13 };
  // A long title (a set's full name; the sample's mark after it on the first sheet) wraps rather than running off the page.
  ws.getCell(1, 1).alignment = { wrapText: true, vertical: 'middle' };
  const width = widths.reduce((a, b) => a + b, 0);
  let w = 24; // room for the sample's mark
  for (const ch of title) w += ch.charCodeAt(0) > 0x2e80 ? 2.4 : 1.2; // 13 pt bold
  if (w > width) ws.getRow(1).height = 18 * Math.ceil(w / width);
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((c) => {
    c.fill = HEAD_FILL;
    c.border = thin;
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}
