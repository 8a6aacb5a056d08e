/**
 * 导入规划项目: a projects sheet (io/projects-sheet.ts) into a scenario, all or nothing. Each row is
 * checked as projects.add checks one (completeProject), against the scenario and the rows before it
 * (a 新建 row first, so a later row may expand the facility it builds), its facility named by 机构编码 or
 * by 机构名称 (unique in the scenario, else refused naming the candidates). A row with the 编号 of a
 * project of the scenario replaces it; without one it is added; `replace`: the scenario's projects not
 * in the sheet are removed. Every problem names the row, the column and the fix; nothing is written then.
 */
import type Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ProjectImportReport } from '../../../shared/api/methods/timeline.ts';
import type { ImportProblem } from '../../../shared/model/issues.ts';
import type { Project } from '../../../shared/timeline/project.ts';
import { deleteProject, insertProject, listProjects, replaceProject } from '../db/projects.ts';
import { parseProjectSheet, type SheetProject } from '../io/projects-sheet.ts';
import { readSheet } from '../io/read-sheet.ts';
import { completeProject, scenarioRows } from './projects.ts';

export interface ImportProjectsOptions {
  scenarioId: number;
  dryRun: boolean;
  replace: boolean;
}

/** The header a problem of field `field` (as checkProject names it) belongs under. */
function headerOf(r: SheetProject, field: string): string {
  const h = r.headers;
  if (field === 'facility_id') return h.facility_id ?? h.facility ?? '机构编码';
  if (field === 'facility_name') return (r.input.kind === 'new' ? h.facility : h.facility_name) ?? '新名称';
  if (field === 'deltas')
    return (
      Object.keys(h)
        .filter((k) => k.startsWith('+'))
        .map((k) => h[k]!)
        .join('、') || '新增…'
    );
  if (field.startsWith('fields.')) {
    const k = field.slice(7);
    return h[`+${k}`] ?? h[`=${k}`] ?? k;
  }
  if (field === 'fields')
    return Object.keys(h)
      .filter((k) => k.startsWith('+') || k.startsWith('='))
      .map((k) => h[k]!)
      .join('、');
  return (
    h[field]
    ?? (
      {
        year: '年份',
        kind: '项目类型',
        name: '项目名称',
        lon: '经度',
        lat: '纬度',
        unit_code: '所在区划代码',
        type: '机构类型',
        cost: '投资（万元）',
        status: '状态',
      } as Record<string, string>
    )[field]
    ?? field
  );
}

export async function importProjects(
  db: Database.Database,
  file: { fileName: string; bytes: Uint8Array },
  opts: ImportProjectsOptions,
  write: (fn: () => void) => void,
): Promise<ProjectImportReport> {
  const { sheet, encoding } = await readSheet(file.fileName, file.bytes);
  const parsed = parseProjectSheet(sheet);
  const problems: ImportProblem[] = [...parsed.problems];
  const report: ProjectImportReport = {
    ok: false,
    table: 'projects',
    fileName: file.fileName,
    encoding,
    rows: parsed.dataRows,
    added: 0,
    changed: 0,
    unchanged: 0,
    removed: 0,
    columns: parsed.columns,
    ignoredColumns: parsed.ignoredColumns,
    problems,
    problemsTruncated: 0,
    dryRun: opts.dryRun,
  };

  const rows = scenarioRows(db, opts.scenarioId);
  const existing = new Map(rows.projects.map((p) => [p.id, p]));
  // Numbers given twice, or of no project of the scenario.
  const byId = new Map<number, number>();
  for (const r of parsed.rows) {
    if (r.id === null) continue;
    const header = r.headers.id!;
    if (byId.has(r.id))
      problems.push({
        row: r.row,
        column: header,
        value: String(r.id),
        message: `第 ${r.row} 行「${header}」：编号 ${r.id} 已在第 ${byId.get(r.id)} 行出现：每个项目只写一行（新项目的编号留空）`,
        messageEn: `Row ${r.row}, column ${header}: number ${r.id} is on row ${byId.get(r.id)} already; one row per project (leave the number empty for a new one)`,
      });
    else byId.set(r.id, r.row);
    if (!existing.has(r.id)) r.id = null; // a number of another plan or scenario: added as a new project
  }
  // What each row is checked against: the scenario's projects the sheet keeps, then the rows checked so far.
  const kept = rows.projects.filter((p) => !opts.replace && !parsed.rows.some((r) => r.id === p.id));
  const context = { ...rows, projects: [...kept] };
  const done: { r: SheetProject; project: Omit<Project, 'id'> }[] = [];
  const order = [...parsed.rows.filter((r) => r.input.kind === 'new'), ...parsed.rows.filter((r) => r.input.kind !== 'new')];
  for (const r of order) {
    if (r.facilityByName !== null) {
      const name = r.facilityByName;
      const header = r.headers.facility!;
      const present = rows.facilities.filter((f) => f.name === name).map((f) => f.id);
      const built = context.projects.filter((p) => p.kind === 'new' && (p.facility_name ?? p.name) === name).map((p) => p.facility_id!);
      const ids = [...new Set([...present, ...built])];
      if (ids.length !== 1) {
        problems.push(
          ids.length === 0
            ? {
                row: r.row,
                column: header,
                value: name,
                message: `第 ${r.row} 行「${header}」：当前情景中没有名为「${name}」的机构：请核对名称，或填写「机构编码」`,
                messageEn: `Row ${r.row}, column ${header}: no facility named "${name}" in this scenario; check the name or give its ID (机构编码)`,
              }
            : {
                row: r.row,
                column: header,
                value: name,
                message: `第 ${r.row} 行「${header}」：名为「${name}」的机构有 ${ids.length} 个（${ids.join('、')}）：请在「机构编码」中填写其中一个`,
                messageEn: `Row ${r.row}, column ${header}: ${ids.length} facilities are named "${name}" (${ids.join(', ')}); give one of their IDs (机构编码)`,
              },
        );
        continue;
      }
      r.input.facility_id = ids[0]!;
    }
    try {
      const project = completeProject(db, opts.scenarioId, r.input, undefined, context);
      done.push({ r, project });
      context.projects.push({ ...project, id: -r.row });
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'INVALID_ARGS') throw e;
      const said = (e.details as { problems?: { field: string; message: string; messageEn: string }[] } | undefined)?.problems ?? [
        { field: '', message: e.message, messageEn: e.messageEn },
      ];
      for (const p of said) {
        const header = headerOf(r, p.field);
        problems.push({
          row: r.row,
          column: header,
          message: `第 ${r.row} 行「${header}」：${p.message}`,
          messageEn: `Row ${r.row}, column ${header}: ${p.messageEn}`,
        });
      }
    }
  }
  problems.sort((a, b) => a.row - b.row);
  if (problems.length) return report;

  done.sort((a, b) => a.r.row - b.r.row);
  const count = () => {
    let added = 0,
      changed = 0,
      unchanged = 0;
    for (const { r, project } of done) {
      if (r.id === null) {
        added++;
        continue;
      }
      const { id: _, ...before } = existing.get(r.id)!;
      if (isDeepStrictEqual(before, project)) unchanged++;
      else changed++;
    }
    const inSheet = new Set(done.map((d) => d.r.id));
    return { added, changed, unchanged, removed: opts.replace ? rows.projects.filter((p) => !inSheet.has(p.id)).length : 0 };
  };
  Object.assign(report, { ok: true, rows: done.length }, count());
  if (opts.dryRun) return report;
  write(() => {
    const inSheet = new Set(done.map((d) => d.r.id));
    if (opts.replace) for (const p of listProjects(db, opts.scenarioId)) if (!inSheet.has(p.id)) deleteProject(db, opts.scenarioId, p.id);
    for (const { r, project } of done) {
      if (r.id === null) insertProject(db, opts.scenarioId, project);
      else replaceProject(db, opts.scenarioId, r.id, project);
    }
  });
  return report;
}
