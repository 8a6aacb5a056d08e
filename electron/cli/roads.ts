/** `healthplan import --roads F --boundaries F`: the road network and unit boundaries, with progress and reports. */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiArgs, BoundaryImportReport, RoadImportReport } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { CliService } from './api.ts';
import { UsageError, type Lang } from './output.ts';

const km = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });
const n = (v: number) => v.toLocaleString('en-US');
/** Progress lines are printed for files above this size. */
const PROGRESS_BYTES = 5_000_000;

function readFile(f: string) {
  if (!fs.existsSync(f)) throw new UsageError(`找不到文件 / file not found: ${f}`);
  return { fileName: path.basename(f), dataBase64: fs.readFileSync(f).toString('base64'), size: fs.statSync(f).size };
}

export function printRoadReport(r: RoadImportReport, lang: Lang): void {
  const en = lang === 'en';
  const format = r.format === 'osm.pbf' ? 'OpenStreetMap .osm.pbf' : 'GeoJSON';
  const out = r.ok ? console.log : console.error;
  if (r.ok) {
    out(
      en
        ? `road network ← ${r.fileName} (${format}): ${r.dryRun ? 'would keep' : 'kept'} ${n(r.segments)} segments (${n(r.points)} points), ${km(r.km)} km${r.dryRun ? ' — dry run, nothing written' : "; the plan's network was replaced"}`
        : `路网 ← ${r.fileName}（${format}）：${r.dryRun ? '将保留' : '保留'} ${n(r.segments)} 条路段（${n(r.points)} 个点），共 ${km(r.km)} km${r.dryRun ? '（只检查，未写入）' : '；已替换方案中的路网'}`,
    );
    const byClass = Object.entries(r.kmByClass)
      .map(([k, v]) => `${k || (en ? '(no class)' : '（无等级）')} ${km(v)} km`)
      .join(en ? ', ' : '，');
    if (byClass) out(`  ${en ? 'by class' : '按等级'}: ${byClass}`);
  } else {
    out(
      en
        ? `road network ← ${r.fileName} (${format}): nothing to import; nothing was written`
        : `路网 ← ${r.fileName}（${format}）：没有可导入的道路，未写入任何数据`,
    );
  }
  const dropped = Object.entries(r.dropped)
    .map(([k, v]) => `${k} ${n(v)}`)
    .join(en ? ', ' : '，');
  if (dropped) out(`  ${en ? 'dropped (not for cars)' : '已舍弃（不可行车）'}: ${dropped}`);
  if (r.skipped) out(en ? `  skipped ${n(r.skipped)} feature(s) or part(s) with problems:` : `  跳过 ${n(r.skipped)} 个有问题的要素（或分段）：`);
  else if (r.problems.length) out(en ? '  notes:' : '  提示：');
  for (const p of r.problems) out(`  ${en ? p.messageEn : p.message}`);
  if (r.problemsTruncated) out(en ? `  … and ${n(r.problemsTruncated)} more` : `  …… 另有 ${n(r.problemsTruncated)} 个问题未列出`);
}

export function printBoundaryReport(r: BoundaryImportReport, lang: Lang): void {
  const en = lang === 'en';
  const out = r.ok ? console.log : console.error;
  out(
    en
      ? `boundaries ← ${r.fileName}: ${n(r.features)} features, ${r.dryRun ? 'would match' : 'matched'} ${n(r.matched)} units (by code ${n(r.byCode)}, by name ${n(r.byName)}; new ${n(r.added)}, replaced ${n(r.changed)})${r.dryRun ? ' — dry run, nothing written' : ''}`
      : `边界 ← ${r.fileName}：${n(r.features)} 个要素，${r.dryRun ? '将匹配' : '匹配'} ${n(r.matched)} 个单位（按代码 ${n(r.byCode)}，按名称 ${n(r.byName)}；新增 ${n(r.added)}，替换 ${n(r.changed)}）${r.dryRun ? '（只检查，未写入）' : ''}`,
  );
  if (r.unmatched.length) {
    out(en ? `  ${n(r.unmatched.length)} feature(s) not matched:` : `  ${n(r.unmatched.length)} 个要素未匹配：`);
    for (const u of r.unmatched) {
      const who = [u.code, u.name].filter(Boolean).join(' ');
      out(en ? `  feature ${u.feature}${who ? ` (${who})` : ''}: ${u.reasonEn}` : `  第 ${u.feature} 个要素${who ? `（${who}）` : ''}：${u.reason}`);
    }
  }
  for (const p of r.problems) out(`  ${en ? p.messageEn : p.message}`);
  if (r.problemsTruncated) out(en ? `  … and ${n(r.problemsTruncated)} more` : `  …… 另有 ${n(r.problemsTruncated)} 个问题未列出`);
}

/**
 * Imports --roads, then --boundaries (after the units, which boundaries match), each in a transaction
 * of its own. A file that cannot be read is reported like a rejected import. Returns whether all went well.
 */
export async function importRoadsAndBoundaries(
  svc: CliService,
  opts: { roads?: string; boundaries?: string; crs: ApiArgs<'roads.import'>['crs']; dryRun: boolean },
  lang: Lang,
): Promise<boolean> {
  const en = lang === 'en';
  const refused = (what: string, e: unknown) => {
    if (!(e instanceof ApiError) || e.code !== 'FILE_ERROR') throw e;
    console.error(`${what}: ${en ? e.messageEn : e.message}`);
    console.error(en ? '  nothing was written' : '  未写入任何数据');
    return false;
  };
  if (opts.roads) {
    const f = readFile(opts.roads);
    let last = -1;
    svc.workspace.onProgress =
      f.size < PROGRESS_BYTES
        ? null
        : (_task, done, total) => {
            const pct = Math.floor((done / Math.max(1, total)) * 10) * 10;
            if (pct === last) return;
            last = pct;
            console.error(en ? `  reading the road network … ${pct}%` : `  正在读取路网…… ${pct}%`);
          };
    try {
      const r = await svc.call('roads.import', { file: { fileName: f.fileName, dataBase64: f.dataBase64 }, crs: opts.crs, dryRun: opts.dryRun });
      printRoadReport(r, lang);
      if (!r.ok) return false;
    } catch (e) {
      return refused(en ? `road network ← ${f.fileName}` : `路网 ← ${f.fileName}`, e);
    } finally {
      svc.workspace.onProgress = null;
    }
  }
  if (opts.boundaries) {
    const f = readFile(opts.boundaries);
    try {
      const r = await svc.call('boundaries.import', { file: { fileName: f.fileName, dataBase64: f.dataBase64 }, crs: opts.crs, dryRun: opts.dryRun });
      printBoundaryReport(r, lang);
      if (!r.ok && opts.roads && !opts.dryRun) console.error(en ? '  (the road network above was imported)' : '  （上面的路网已导入）');
      if (!r.ok) return false;
    } catch (e) {
      return refused(en ? `boundaries ← ${f.fileName}` : `边界 ← ${f.fileName}`, e);
    }
  }
  return true;
}

/** The road network and boundaries line of `healthplan info`. */
export async function roadInfo(svc: CliService): Promise<{ roads: { segments: number; km: number }; boundaries: number }> {
  const r = await svc.call('roads.summary', {});
  const b = await svc.call('boundaries.summary', {});
  return { roads: { segments: r.segments, km: r.km }, boundaries: b.units };
}
