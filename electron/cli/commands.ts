/** The `healthplan` commands, each a thin use of the service. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from './api.ts';
import { accessCommand } from './access-command.ts';
import { siteCommand } from './site-command.ts';
import { allocateCommand } from './allocate-command.ts';
import { briefCommand } from './brief-command.ts';
import { checkCommand } from './check-command.ts';
import { typesCommand } from './types-command.ts';
import { projectsCommand } from './projects-command.ts';
import { programmeCommand } from './programme-command.ts';
import { referralCommand } from './referral-command.ts';
import { writeSamplePlan } from '../backend/sample/write-sample.ts';
import { deletePlanFile } from '../backend/db/plan-file.ts';
import { jsonText, printImportReport, UsageError, writeOutput } from './output.ts';
import { fileErrorOf } from '../backend/file-errors.ts';
import { facilityTypeLabel, unitKindLabel } from '../backend/plan-info.ts';
import { importTarget, scenarioId } from './scenario.ts';
import { importRoadsAndBoundaries, roadInfo } from './roads.ts';
import { choice } from './options.ts';
import type { ApiArgs, ImportReport } from '../../shared/api/contract.ts';
import { Crs } from '../../shared/api/schemas.ts';
import { Scope } from '../../shared/gaps/standard.ts';
import { hasGuesses, parseMappingSpec, specOfGuesses, type ColumnMapping } from '../../shared/model/mapping.ts';

const b64file = (f: string) => {
  if (!fs.existsSync(f)) throw new UsageError(`找不到文件 / file not found: ${f}`);
  try {
    return { fileName: path.basename(f), dataBase64: fs.readFileSync(f).toString('base64') };
  } catch (e) {
    throw fileErrorOf(e, f) ?? e;
  } // a folder given as a file
};

type SheetFlag = 'units' | 'facilities' | 'populations';
const SHEET_FLAGS: readonly SheetFlag[] = ['units', 'facilities', 'populations'];

/**
 * The import's column mappings: --map for the one sheet given (with several, --map-units / --map-facilities /
 * --map-populations). A value naming an existing file is read from it (JSON { header: field } or field=header lines).
 */
function columnMappings(opts: Record<string, string | boolean | undefined>, lang: 'zh' | 'en'): (kind: SheetFlag) => ColumnMapping | undefined {
  const given = SHEET_FLAGS.filter((k) => opts[k]);
  if (opts.map && given.length !== 1) {
    throw new UsageError(
      lang === 'en'
        ? '--map is for one sheet; with several, give --map-units, --map-facilities or --map-populations'
        : '--map 只用于一个表；同时导入多个表时请用 --map-units、--map-facilities 或 --map-populations',
    );
  }
  const read = (flag: string, v: string): ColumnMapping => {
    let text = v;
    try {
      if (fs.statSync(v).isFile()) text = fs.readFileSync(v, 'utf8');
    } catch {
      /* not a file: the spec itself */
    }
    const r = parseMappingSpec(text);
    if ('error' in r) throw new UsageError(`--${flag}: ${lang === 'en' ? r.error.en : r.error.zh}`);
    return r.mapping;
  };
  const maps = new Map<SheetFlag, ColumnMapping>();
  for (const k of SHEET_FLAGS) {
    const v = opts[`map-${k}`] ?? (given[0] === k ? opts.map : undefined);
    if (typeof v === 'string') maps.set(k, read(opts[`map-${k}`] ? `map-${k}` : 'map', v));
  }
  return (k) => maps.get(k);
}

/** The worksheet to read of each sheet given: --sheet NAME for the one sheet given; with several, --sheet 'units=NAME,facilities=NAME,populations=NAME'. */
function sheetNames(opts: Record<string, string | boolean | undefined>, lang: 'zh' | 'en'): (kind: SheetFlag) => string | undefined {
  const v = opts.sheet;
  if (typeof v !== 'string') return () => undefined;
  const given = SHEET_FLAGS.filter((k) => opts[k]);
  if (!/^\s*(?:units|facilities|populations)\s*=/.test(v)) {
    if (given.length !== 1) {
      throw new UsageError(
        lang === 'en'
          ? "--sheet NAME is for one sheet; with several, give --sheet 'units=NAME,facilities=NAME'"
          : "--sheet 工作表名 只用于一个表；同时导入多个表时请写 --sheet 'units=工作表名,facilities=工作表名'",
      );
    }
    return (k) => (k === given[0] ? v.trim() : undefined);
  }
  const names = new Map<string, string>();
  for (const part of v.split(',')) {
    const m = /^\s*(units|facilities|populations)\s*=(.+)$/.exec(part);
    if (!m || !m[2]!.trim())
      throw new UsageError(
        lang === 'en'
          ? `--sheet: "${part}" is not units=NAME, facilities=NAME or populations=NAME`
          : `--sheet：「${part}」不是 units=工作表名、facilities=工作表名 或 populations=工作表名`,
      );
    names.set(m[1]!, m[2]!.trim());
  }
  return (k) => names.get(k);
}

/** After a sheet's report: the remembered mapping it followed, or the --map that confirms its headers. True when it waits for one. */
function mappingNote(r: ImportReport, opts: Record<string, string | boolean | undefined>, lang: 'zh' | 'en'): boolean {
  if (r.mappingUsed?.source === 'remembered')
    console.log(lang === 'en' ? '  (columns read by the mapping this plan remembers for this layout)' : '  （按本方案为此表头记住的列对应读取）');
  if (r.ok || !r.mapping || r.mappingUsed || !hasGuesses(r.mapping)) return false;
  const flag = SHEET_FLAGS.filter((k) => opts[k]).length > 1 ? `--map-${r.table}` : '--map';
  console.error(
    lang === 'en' ? `  to confirm, run again with: ${flag} '${specOfGuesses(r.mapping)}'` : `  确认后请加上：${flag} '${specOfGuesses(r.mapping)}'`,
  );
  return true;
}

export const COMMANDS: Record<string, Command> = {
  sample: {
    usage: 'healthplan sample <file.hplan> [--force]',
    summary: { zh: '写出示例方案「示例: 长沙市 + 益阳市资阳区」', en: 'Write the sample plan (Changsha + Ziyang)' },
    options: { force: { type: 'boolean', help: 'overwrite an existing file / 覆盖已有文件' } },
    async run(_svc, file, opts, lang) {
      if (fs.existsSync(file) && !opts.force)
        throw new UsageError(lang === 'en' ? `${file} exists; use --force to overwrite` : `${file} 已存在；如要覆盖请加 --force`);
      // Built aside and moved into place whole; --force is refused while another window or process has the plan open.
      const plan = writeSamplePlan(file, { replace: !!opts.force });
      plan.close();
      console.log(lang === 'en' ? `wrote the sample plan to ${path.resolve(file)}` : `已写出示例方案：${path.resolve(file)}`);
      return 0;
    },
  },
  info: {
    usage: 'healthplan info <file.hplan> [--json]',
    summary: { zh: '方案概况：各类单位与机构数量、情景、总人口', en: 'Counts of units by kind, facilities by type, scenarios, population' },
    options: { json: { type: 'boolean', help: 'print JSON / 输出 JSON' } },
    async run(svc, file, opts, lang) {
      const info = await svc.call('plan.open', { path: path.resolve(file) });
      const scenarios = await svc.call('scenarios.list', {});
      if (opts.json) {
        console.log(
          JSON.stringify(
            {
              path: info.path,
              name: info.name,
              sample: info.isSample,
              schemaVersion: info.schemaVersion,
              units: info.counts.unitsByKind,
              facilities: info.counts.facilitiesByType,
              scenarios: scenarios.map((s) => ({ id: s.id, name: s.name, baseline: s.baseline })),
              population: info.counts.population,
              ...(await roadInfo(svc)),
            },
            null,
            2,
          ),
        );
        return 0;
      }
      // A kind or type this version does not know is shown as 未知类型（xyz）, not a crash.
      const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);
      console.log(
        `${info.name}${info.isSample ? (lang === 'en' ? ' (sample data — some figures are estimates)' : '（示例数据 — 部分数值为估算）') : ''}\n${info.path}`,
      );
      console.log(`${lang === 'en' ? 'population' : '常住人口'}: ${info.counts.population.toLocaleString('en-US')}`);
      console.log(lang === 'en' ? 'units:' : '行政区划：');
      for (const [k, n] of Object.entries(info.counts.unitsByKind)) console.log(`  ${label(unitKindLabel(k))}\t${n}`);
      console.log(lang === 'en' ? 'facilities:' : '医疗卫生机构：');
      for (const [k, n] of Object.entries(info.counts.facilitiesByType)) console.log(`  ${label(facilityTypeLabel(k))}\t${n}`);
      console.log(`${lang === 'en' ? 'scenarios' : '情景'}: ${scenarios.map((s) => s.name).join(', ')}`);
      const { roads, boundaries } = await roadInfo(svc);
      console.log(
        lang === 'en'
          ? `road network: ${roads.segments ? `${roads.segments.toLocaleString('en-US')} segments, ${roads.km.toLocaleString('en-US')} km` : 'none'}; boundaries: ${boundaries} units`
          : `路网：${roads.segments ? `${roads.segments.toLocaleString('en-US')} 条路段，${roads.km.toLocaleString('en-US')} km` : '无'}；边界：${boundaries} 个单位`,
      );
      return 0;
    },
  },
  import: {
    usage:
      'healthplan import <file.hplan> [--units F] [--facilities F] [--populations F] [--map FILE|SPEC] [--sheet NAME] [--roads F] [--boundaries F] [--scenario NAME] [--crs wgs84|gcj02|bd09] [--dry-run]',
    summary: {
      zh: '从 .xlsx/.csv 导入单位和机构（全部成功或全部不写入；文件不存在时新建方案），以及路网和单位边界',
      en: 'Import units/facilities from .xlsx/.csv, all or nothing (creates the plan if missing); also the road network and unit boundaries',
    },
    options: {
      units: { type: 'string', help: 'units spreadsheet / 行政区划表' },
      facilities: { type: 'string', help: 'facilities spreadsheet / 机构表' },
      populations: { type: 'string', help: 'populations by year (区划代码, 年份, 常住人口 … or 2025年常住人口 columns) / 分年份人口表' },
      roads: {
        type: 'string',
        help: "road network, GeoJSON lines or OpenStreetMap .osm.pbf; replaces the plan's / 路网（GeoJSON 线或 .osm.pbf，替换方案中的路网）",
      },
      boundaries: { type: 'string', help: 'unit boundaries, GeoJSON polygons matched by code or name / 单位边界（GeoJSON 面，按区划代码或名称匹配）' },
      scenario: { type: 'string', help: 'scenario name (created if missing) / 情景名称（不存在则新建）' },
      crs: { type: 'string', help: 'coordinates in the files: wgs84 (default), gcj02 (高德/腾讯), bd09 (百度)' },
      'dry-run': { type: 'boolean', help: 'check only, write nothing / 只检查不写入' },
      map: {
        type: 'string',
        help: 'column mapping of the one sheet given: \'field=header,…\' or a .json file { "header": "field" } (remembered in the plan) / 列对应：字段=表头,… 或 JSON 文件（方案会记住）',
      },
      'map-units': { type: 'string', help: 'column mapping of --units (with several sheets) / --units 的列对应' },
      'map-facilities': { type: 'string', help: 'column mapping of --facilities / --facilities 的列对应' },
      'map-populations': { type: 'string', help: 'column mapping of --populations / --populations 的列对应' },
      sheet: {
        type: 'string',
        help: "worksheet of the .xlsx to read (default: the one named 机构/单位/人口, else the first); with several sheets: 'units=NAME,facilities=NAME' / 要读取的工作表（多个表时写 units=工作表名,facilities=工作表名）",
      },
    },
    async run(svc, file, opts, lang) {
      if (!opts.units && !opts.facilities && !opts.populations && !opts.roads && !opts.boundaries) {
        throw new UsageError(
          lang === 'en'
            ? 'give --units, --facilities, --populations, --roads and/or --boundaries'
            : '请给出 --units、--facilities、--populations、--roads 和/或 --boundaries',
        );
      }
      const crs = choice(opts.crs, Crs.options, '--crs: wgs84 | gcj02 | bd09'); // absent: the schema's wgs84
      const mapFor = columnMappings(opts, lang);
      const sheetFor = sheetNames(opts, lang);
      const mapped = (f: string, kind: SheetFlag) => ({
        ...b64file(f),
        ...(mapFor(kind) ? { mapping: mapFor(kind)! } : {}),
        ...(sheetFor(kind) ? { sheet: sheetFor(kind)! } : {}),
      });
      const units = opts.units ? mapped(opts.units as string, 'units') : undefined;
      const facilities = opts.facilities ? mapped(opts.facilities as string, 'facilities') : undefined;
      const abs = path.resolve(file);
      const created = !fs.existsSync(abs);
      if (created && opts['dry-run']) throw new UsageError(lang === 'en' ? `${file} does not exist` : `${file} 不存在`);
      await svc.call(created ? 'plan.new' : 'plan.open', { path: abs });
      const dryRun = !!opts['dry-run'];
      // A new --scenario is created by the first write below, in its transaction: a refusal leaves none.
      const target = await importTarget(svc, opts.scenario as string | undefined, dryRun, lang);
      const result =
        units || facilities
          ? await target.write((sid) => svc.call('tables.import', { scenarioId: sid, units, facilities, crs, dryRun }))
          : { ok: true, reports: [] };
      for (const r of result.reports) printImportReport(r, lang);
      let confirm = result.reports.some((r) => mappingNote(r, opts, lang));
      // Populations come after the units they refer to, in a transaction of their own.
      if (result.ok && opts.populations) {
        const populations = b64file(opts.populations as string);
        const mapping = mapFor('populations');
        const r = await target.write((sid) =>
          svc.call('populations.import', {
            scenarioId: sid,
            file: populations,
            dryRun,
            ...(mapping ? { mapping } : {}),
            ...(sheetFor('populations') ? { sheet: sheetFor('populations')! } : {}),
          }),
        );
        printImportReport(r, lang);
        confirm = mappingNote(r, opts, lang) || confirm;
        result.ok = r.ok;
        if (!r.ok && (units || facilities) && !dryRun)
          console.error(lang === 'en' ? '  (the units/facilities above were imported)' : '  （上面的单位/机构已导入）');
      }
      // The road network and boundaries are plan-wide; they come after the units (boundaries match them), each in a transaction of its own.
      if (result.ok && (opts.roads || opts.boundaries)) {
        result.ok = await importRoadsAndBoundaries(
          svc,
          { roads: opts.roads as string | undefined, boundaries: opts.boundaries as string | undefined, crs, dryRun },
          lang,
        );
      }
      if (created && !result.ok) {
        svc.close();
        deletePlanFile(abs); // a rejected import leaves nothing behind, not even an empty plan (unless another process opened it meanwhile: LOCKED)
      } else if (created) console.log(lang === 'en' ? `created ${abs}` : `已新建方案 ${abs}`);
      // A doubtful header is a question for the planner (exit 2, with the --map to confirm), not a bad file (3).
      return result.ok ? 0 : confirm ? 2 : 3;
    },
  },
  export: {
    usage: 'healthplan export <file.hplan> (--units F | --facilities F | --populations F) [--scenario NAME]',
    summary: {
      zh: '导出单位、机构或分年份人口表（按扩展名 .xlsx 或 .csv）',
      en: 'Export units, facilities or populations by year (.xlsx or .csv by extension)',
    },
    options: {
      units: { type: 'string', help: 'write units to F / 导出行政区划' },
      facilities: { type: 'string', help: 'write facilities to F / 导出机构' },
      populations: { type: 'string', help: 'write populations by year to F / 导出分年份人口' },
      scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景（默认基线）' },
    },
    async run(svc, file, opts, lang) {
      await svc.call('plan.open', { path: path.resolve(file) });
      const sid = await scenarioId(svc, opts.scenario as string | undefined, false, lang);
      const jobs = (['units', 'facilities', 'populations'] as const).filter((t) => opts[t]);
      if (jobs.length === 0)
        throw new UsageError(lang === 'en' ? 'give --units F, --facilities F or --populations F' : '请给出 --units F、--facilities F 或 --populations F');
      for (const table of jobs) {
        const out = opts[table] as string;
        const format = path.extname(out).toLowerCase() === '.csv' ? 'csv' : path.extname(out).toLowerCase() === '.xlsx' ? 'xlsx' : null;
        if (!format) throw new UsageError(lang === 'en' ? `${out}: use a .xlsx or .csv name` : `${out}：文件名须以 .xlsx 或 .csv 结尾`);
        const f =
          table === 'populations'
            ? await svc.call('populations.export', { scenarioId: sid, format })
            : await svc.call('table.export', { table, scenarioId: sid, format });
        writeOutput(out, Buffer.from(f.dataBase64, 'base64'));
        console.log(lang === 'en' ? `wrote ${out}` : `已导出 ${out}`);
      }
      return 0;
    },
  },
  gaps: {
    usage:
      'healthplan gaps <file.hplan> [--standard ID] [--year Y] [--scenario NAME] [--region UNITS] [--level region|county|township|facility] [--only-short] [--format json|csv|xlsx] [--out F]',
    summary: { zh: '对照标准计算差距（每个指标、每个单位），附文号与原文', en: 'Gaps against a standard set, per target and unit, with their sources' },
    options: {
      standard: { type: 'string', help: "standard set id (default: the plan's) / 标准编号" },
      year: { type: 'string', help: 'target year / 目标年份' },
      scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景' },
      level: { type: 'string', help: 'region | county | township | facility' },
      region: { type: 'string', help: 'apply a set written for another region to these units of the plan (codes or names, comma-separated) / 适用区域' },
      'only-short': { type: 'boolean', help: 'only results with a shortfall / 只看不足' },
      format: { type: 'string', help: 'json (default) | csv | xlsx' },
      out: { type: 'string', help: 'write to a file instead of the screen (needed for xlsx) / 输出文件' },
      list: { type: 'boolean', help: 'list the standard sets / 列出可用标准' },
    },
    async run(svc, file, opts, lang) {
      const { isSample } = await svc.call('plan.open', { path: path.resolve(file) });
      if (opts.list) {
        for (const s of await svc.call('standards.list', {})) console.log(`${s.id}\t${lang === 'en' ? s.nameEn : s.name}\t${s.year}\t${s.documents.join(' ')}`);
        return 0;
      }
      const format = choice(opts.format, ['json', 'csv', 'xlsx'], '--format: json | csv | xlsx') ?? 'json';
      if (format === 'xlsx' && !opts.out) throw new UsageError(lang === 'en' ? 'xlsx needs --out F' : 'xlsx 格式需要 --out 文件名');
      const level = choice(opts.level, Scope.options, '--level: region | county | township | facility');
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && !Number.isInteger(year)) throw new UsageError('--year: a year such as 2025');
      const query: ApiArgs<'gaps.evaluate'> = {
        scenarioId: await scenarioId(svc, opts.scenario as string | undefined, false, lang),
        standardId: opts.standard as string | undefined,
        year,
        level,
        onlyShort: opts['only-short'] === true,
        ...(opts.region
          ? {
              region: String(opts.region)
                .split(/[,，、]/)
                .map((x) => x.trim())
                .filter(Boolean),
            }
          : {}),
      };
      let bytes: Uint8Array | string;
      if (format === 'json') {
        const report = await svc.call('gaps.evaluate', query);
        const sources = new Map(report.targets.map((t) => [t.id, t.source]));
        bytes = jsonText(
          {
            standard: report.standard,
            year: report.year,
            scenario: report.scenario,
            region: report.region,
            notes: report.notes,
            results: report.results.map((r) => ({
              target: r.target,
              scope: r.scope,
              code: r.code,
              name: r.name,
              parent: r.parent,
              value: r.value,
              required: r.required,
              shortfall: r.shortfall,
              unit: r.unit,
              status: r.status,
              source: sources.get(r.target),
              ...(r.count ? { count: r.count } : {}),
              ...(r.missing ? { missing: r.missing } : {}),
              ...(r.population !== undefined ? { population: r.population } : {}),
              ...(r.due !== undefined ? { due: r.due } : {}),
              ...(r.judged ? { judged: r.judged } : {}),
            })),
          },
          isSample,
          lang,
        );
      } else {
        const f = await svc.call('gaps.export', { ...query, format });
        bytes = Buffer.from(f.dataBase64, 'base64');
      }
      if (opts.out) {
        writeOutput(opts.out as string, bytes);
        console.log(lang === 'en' ? `wrote ${opts.out}` : `已写出 ${opts.out}`);
      } else process.stdout.write(bytes);
      return 0;
    },
  },
  access: accessCommand,
  site: siteCommand,
  allocate: allocateCommand,
  brief: briefCommand,
  check: checkCommand,
  types: typesCommand,
  projects: projectsCommand,
  programme: programmeCommand,
  referral: referralCommand,
};
