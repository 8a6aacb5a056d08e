/** The sample plan's mark on a workbook: in the first sheet's title and in every sheet's printed header. */
import type Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { SAMPLE_NOTE } from '../../../shared/api/sample-note.ts';
import { getMeta } from '../db/meta.ts';

/** The plan is the sample (`healthplan sample`, 打开示例): its outputs say so. */
export function isSamplePlan(db: Database.Database): boolean {
  return getMeta(db, 'is_sample') === 'true';
}

/**
 * Adds 示例数据 — 部分数值为估算 after the first sheet's title (cell A1) and as the centred page header of
 * every sheet, so it shows on screen and on paper. Nothing changes for a plan that is not the sample.
 */
export function markSampleWorkbook(wb: ExcelJS.Workbook, sample: boolean): void {
  if (!sample) return;
  const first = wb.worksheets[0];
  if (first) {
    const a1 = first.getCell(1, 1);
    a1.value = typeof a1.value === 'string' && a1.value ? `${a1.value}　【${SAMPLE_NOTE.zh}】` : `【${SAMPLE_NOTE.zh}】`;
  }
  for (const ws of wb.worksheets) ws.headerFooter.oddHeader = `&C${SAMPLE_NOTE.zh}`;
}
