/**
 * 导入路网、导入边界: a road file replaces the plan's whole network in one transaction; a boundary file
 * sets the boundaries of the units it matches, in one transaction. Nothing is written on a dry run,
 * when the file cannot be read (FILE_ERROR), or when it holds nothing usable (ok: false).
 */
import type { BoundaryImportReport, RoadImportReport } from '../../shared/api/contract.ts';
import type { Crs } from '../../shared/geo/crs.ts';
import { roadMsg } from '../../shared/access/road-import.ts';
import type { PlanDb } from './db/plan-file.ts';
import { upsertBoundaries } from './db/boundaries.ts';
import { replaceRoadNetwork } from './db/roads.ts';
import { readBoundaryFile, type PlanUnitRef } from './io/read-boundaries.ts';
import { readRoadFile } from './io/read-roads.ts';

type Write = <T>(fn: (p: PlanDb) => T) => T;
export interface FileIn {
  fileName: string;
  bytes: Uint8Array;
}

export async function importRoads(
  file: FileIn,
  opts: { crs: Crs; dryRun: boolean; onProgress?: (done: number, total: number) => void },
  write: Write,
): Promise<RoadImportReport> {
  const r = await readRoadFile(file.fileName, file.bytes, { crs: opts.crs, onProgress: opts.onProgress });
  const segments = r.network.offsets.length - 1;
  const problems = r.problems;
  if (segments === 0) {
    const droppedWords = Object.entries(r.dropped)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const m = droppedWords && r.skipped === 0 ? roadMsg.noDrivable(droppedWords) : roadMsg.noRoads();
    problems.unshift({ feature: 0, message: m.zh, messageEn: m.en });
  }
  const report: RoadImportReport = {
    ok: segments > 0,
    fileName: file.fileName,
    format: r.format,
    crs: opts.crs,
    dryRun: opts.dryRun,
    features: r.features,
    segments,
    points: r.points,
    km: r.km,
    kmByClass: r.kmByClass,
    dropped: r.dropped,
    skipped: r.skipped,
    problems,
    problemsTruncated: r.problemsTruncated,
  };
  if (report.ok && !opts.dryRun) {
    write((p) => replaceRoadNetwork(p.db, r.network, { segments, points: r.points, km: r.km, kmByClass: r.kmByClass, bbox: r.bbox }));
  }
  return report;
}

/** Every unit code and name of the plan (any scenario; the baseline's name first). */
export function planUnitRefs(p: PlanDb): PlanUnitRef[] {
  return p.db.prepare('SELECT DISTINCT code, name FROM unit ORDER BY scenario_id, code').all() as PlanUnitRef[];
}

export function importBoundaries(p: PlanDb, file: FileIn, opts: { crs: Crs; dryRun: boolean; replace: boolean }, write: Write): BoundaryImportReport {
  const r = readBoundaryFile(file.fileName, file.bytes, planUnitRefs(p), { crs: opts.crs });
  const matched = r.matches.size;
  const report: BoundaryImportReport = {
    ok: matched > 0,
    fileName: file.fileName,
    crs: opts.crs,
    dryRun: opts.dryRun,
    features: r.features,
    matched,
    added: 0,
    changed: 0,
    byCode: r.byCode,
    byName: r.byName,
    unmatched: r.unmatched,
    problems: r.problems,
    problemsTruncated: r.problemsTruncated,
  };
  if (matched === 0) {
    report.problems.unshift({
      feature: 0,
      message: '文件中没有与方案单位匹配的边界：方案未做改动。请确认要素属性中有区划代码（code、区划代码、adcode）或名称（name、名称），且单位已导入方案',
      messageEn:
        'No feature of the file matched a unit of the plan; nothing was changed. Check that features carry a code (code, 区划代码, adcode) or name (name, 名称) and that the units are in the plan',
    });
    return report;
  }
  if (opts.dryRun) {
    const has = p.db.prepare('SELECT 1 FROM unit_boundary WHERE code = ?').pluck();
    for (const code of r.matches.keys()) {
      if (has.get(code)) report.changed++;
      else report.added++;
    }
  } else
    Object.assign(
      report,
      write((w) => upsertBoundaries(w.db, r.matches, { replace: opts.replace })),
    );
  return report;
}
