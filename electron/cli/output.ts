/** How the CLI speaks: Chinese by default (HEALTHPLAN_LANG=en or --lang en for English). */
import fs from 'node:fs';
import { ApiError } from '../../shared/api/errors.ts';
import type { ImportReport } from '../../shared/api/import-report.ts';
import { sampleFields } from '../../shared/api/sample-note.ts';
import { fileErrorOf } from '../backend/file-errors.ts';

export type Lang = 'zh' | 'en';

export class UsageError extends Error {}

/**
 * A result as the JSON every analysis command writes: `sample` (and on the sample plan its `sample_note`,
 * 示例数据 — 部分数值为估算) first, then the command's own fields.
 */
export function jsonText(body: object, sample: boolean, lang: Lang): string {
  return `${JSON.stringify({ ...sampleFields(sample, lang), ...body }, null, 2)}\n`;
}

/**
 * Writes a command's output file. A file that could not be written whole is removed when it was not
 * there before (a full disk leaves no half-written CSV behind), and the error says which file and why
 * (a missing folder, a full disk: file-errors.ts).
 */
export function writeOutput(file: string, data: string | Uint8Array): void {
  const existed = fs.existsSync(file);
  try {
    fs.writeFileSync(file, data);
  } catch (e) {
    if (!existed) {
      try {
        if (fs.statSync(file).isFile()) fs.rmSync(file, { force: true });
      } catch {
        /* nothing was made */
      }
    }
    throw fileErrorOf(e, file) ?? e;
  }
}

/**
 * Prints an error; returns the exit code (README): 2 usage, 1 an error the message explains, 70 a
 * defect of ours (with the stack, for a bug report). A file-system or SQLite error (a full disk, a
 * folder given as a file, a missing folder) is an explained error, not a defect.
 */
export function printError(e: unknown, lang: Lang): number {
  if (e instanceof UsageError) {
    console.error(e.message);
    return 2;
  }
  e = fileErrorOf(e) ?? e;
  // The message names the field and the fix in the chosen language; the code in brackets is for scripts.
  if (e instanceof ApiError) {
    console.error(`${lang === 'en' ? 'Error' : '错误'} [${e.code}]: ${lang === 'en' ? e.messageEn || e.message : e.message}`);
    return 1;
  }
  console.error(`${lang === 'en' ? 'Internal error' : '内部错误'}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return 70;
}

export function printImportReport(r: ImportReport, lang: Lang): void {
  const table = lang === 'en' ? r.table : ({ units: '行政区划', facilities: '医疗卫生机构', populations: '人口（按年份）' } as const)[r.table];
  if (r.ok) {
    const verb = r.dryRun ? (lang === 'en' ? 'would add' : '将新增') : lang === 'en' ? 'added' : '新增';
    console.log(
      lang === 'en'
        ? `${table} ← ${r.fileName} (${r.encoding}): ${r.rows} rows; ${verb} ${r.added}, changed ${r.changed}, unchanged ${r.unchanged}`
        : `${table} ← ${r.fileName}（${r.encoding}）：${r.rows} 行；${verb} ${r.added} 条，修改 ${r.changed} 条，未变 ${r.unchanged} 条`,
    );
    if (r.ignoredColumns.length) console.log(`${lang === 'en' ? '  ignored columns' : '  未识别的列（已忽略）'}: ${r.ignoredColumns.join(', ')}`);
    // What the import passed over (title rows, a two-row header, totals, the sheet read of several): said, not hidden.
    for (const n of r.notes ?? []) console.log(`  ${lang === 'en' ? n.messageEn : n.message}`);
    return;
  }
  const count = r.problems.length + r.problemsTruncated;
  if (count === 0) {
    // This file was fine; another file of the same import was not, and an import is all or nothing.
    console.error(
      lang === 'en'
        ? `${table} ← ${r.fileName}: no problems, but another file of this import has some, so nothing was written`
        : `${table} ← ${r.fileName}：本文件没有问题，但同批导入的其他文件有问题，为保持一致未写入任何数据`,
    );
    return;
  }
  console.error(
    lang === 'en' ? `${table} ← ${r.fileName}: ${count} problem(s); nothing was written` : `${table} ← ${r.fileName}：发现 ${count} 个问题，未写入任何数据`,
  );
  // Each message names its row and column already.
  for (const p of r.problems) console.error(`  ${lang === 'en' ? p.messageEn : p.message}`);
  if (r.problemsTruncated) console.error(lang === 'en' ? `  … and ${r.problemsTruncated} more` : `  …… 另有 ${r.problemsTruncated} 个问题未列出`);
  // Facility types not read, each once: added with `healthplan types FILE --set '写法=类型'` the same file imports.
  for (const u of r.unknownTypes ?? []) {
    console.error(
      lang === 'en'
        ? `  type not known: "${u.written}" (${u.rows.length} row(s): ${u.rows.slice(0, 10).join(', ')}${u.rows.length > 10 ? ' …' : ''})`
        : `  未能识别的机构类型「${u.written}」：${u.rows.length} 行（第 ${u.rows.slice(0, 10).join('、')}${u.rows.length > 10 ? ' …' : ''} 行）`,
    );
  }
  for (const n of r.notes ?? []) console.error(`  ${lang === 'en' ? n.messageEn : n.message}`);
}
