/** `healthplan site`: where k new facilities should go (or the fewest that cover everyone), as JSON or CSV. */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiArgs } from '../../shared/api/contract.ts';
import { Crs } from '../../shared/api/schemas.ts';
import { TRAVEL_CONDITIONS } from '../../shared/access/conditions.ts';
import { FACILITY_TYPE_LABELS, type FacilityType } from '../../shared/model/kinds.ts';
import { directionFor, SITING_DEFAULTS, upgradeCandidates, UPGRADE_CANDIDATES } from '../../shared/siting/presets.ts';
import type { SitingResultOut } from '../../shared/siting/query.ts';
import type { CliService, Command } from './api.ts';
import { choice, facilityTypes, list, travelOption, unitNames, urbanRural, yearOption } from './options.ts';
import { fileErrorOf } from '../backend/file-errors.ts';
import { writeCsv } from '../backend/io/csv.ts';
import { jsonText, UsageError, writeOutput, type Lang } from './output.ts';
import { applyYear, scenarioId } from './scenario.ts';

type Opts = Record<string, string | boolean | undefined>;
type Query = ApiArgs<'siting.run'>;

function number(v: string | boolean | undefined, flag: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!(n >= min)) throw new UsageError(`${flag}: a number ≥ ${min}`);
  return n;
}

/** The sub-centre upgrade rule as the flag spells it: upgrade:central_thc,thc. */
const UPGRADE_EXAMPLE = `upgrade:${UPGRADE_CANDIDATES.sub_centre!.join(',')}`;

/** --candidates: generated | upgrade[:type,type] | a .csv/.xlsx file, joined by '+' for several; generated sites 1000 m apart, upgrade from the type's usual facilities (shared/siting/presets.ts). */
async function candidatesFrom(svc: CliService, opts: Opts, type: FacilityType, lang: Lang): Promise<NonNullable<Query['candidates']>> {
  const spacing = number(opts.spacing, '--spacing', 200) ?? SITING_DEFAULTS.generateMeters;
  const out = { sites: [] as { id: string; name: string; lon: number; lat: number }[], upgrade: [] as FacilityType[], generateMeters: null as number | null };
  for (const part of String(opts.candidates ?? 'generated')
    .split('+')
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (part === 'generated') out.generateMeters = spacing;
    else if (part === 'upgrade' || part.startsWith('upgrade:')) {
      out.upgrade = part === 'upgrade' ? upgradeCandidates(type) : facilityTypes(part.slice(8).split(','), '--candidates upgrade:');
      if (!out.upgrade.length) throw new UsageError(`--candidates ${UPGRADE_EXAMPLE} (the facility types that could be upgraded)`);
    } else {
      if (!fs.existsSync(part)) throw new UsageError(`--candidates: generated | upgrade:TYPES | a .csv/.xlsx file; "${part}" is none of these`);
      const crs = choice(opts.crs, Crs.options, '--crs: wgs84 | gcj02 | bd09');
      let dataBase64: string;
      try {
        dataBase64 = fs.readFileSync(part).toString('base64');
      } catch (e) {
        throw fileErrorOf(e, part) ?? e;
      } // a folder given as a file
      const r = await svc.call('siting.readCandidates', { file: { fileName: path.basename(part), dataBase64 }, crs });
      if (r.problems.length) {
        for (const p of r.problems.slice(0, 50))
          console.error(
            `${part} ${lang === 'en' ? 'row' : '第'} ${p.row}${lang === 'en' ? '' : ' 行'}${p.column ? ` [${p.column}]` : ''}: ${lang === 'en' ? p.messageEn : p.message}`,
          );
        throw new UsageError(lang === 'en' ? `${part}: ${r.problems.length} problems; nothing was run` : `${part}：${r.problems.length} 处问题，未运行`);
      }
      out.sites.push(...r.sites);
    }
  }
  return out;
}

function json(r: SitingResultOut, lang: Lang, applied: string | null, sample: boolean): string {
  return jsonText(
    {
      model: r.model,
      type: r.query.type,
      travel_model: r.travelModel,
      note: lang === 'en' ? r.modelNoteEn : r.modelNote,
      year: r.year,
      demand: {
        points: r.demand.points,
        units: r.demand.units,
        remainders: r.demand.remainders,
        remainder_population: r.demand.remainderPopulation,
        population: r.demand.population,
        note: lang === 'en' ? r.demand.noteEn : r.demand.note,
      },
      chosen: r.chosen.map((s) => ({
        id: s.id,
        name: s.name,
        lon: s.lon,
        lat: s.lat,
        newly_covered: s.newlyCovered,
        served: s.served,
        source: s.source,
        township: s.township?.name ?? null,
      })),
      covered_before: r.coveredBefore,
      covered_after: r.coveredAfter,
      total_population: r.totalPopulation,
      unreachable: r.unreachable,
      ...(r.meanMinutesBefore !== null ? { mean_minutes_before: r.meanMinutesBefore, mean_minutes_after: r.meanMinutesAfter } : {}),
      objective: r.objective,
      bound: r.bound,
      gap: r.gap,
      optimal: r.optimal,
      solver: r.solver,
      candidates: r.candidateCount,
      ...(r.conditions ? { conditions: r.conditions, meets_rule: r.meetsRule } : {}),
      ...(r.other
        ? {
            other: {
              conditions: r.other.conditions,
              covered_before: r.other.coveredBefore,
              covered_after: r.other.coveredAfter,
              meets_rule: r.other.meetsRule,
              lost: r.other.lost,
            },
          }
        : {}),
      units: r.units.map((u) => ({
        scope: u.scope,
        code: u.code,
        name: u.name,
        population: u.population,
        covered_before: u.coveredBefore,
        covered_after: u.coveredAfter,
      })),
      notes: lang === 'en' ? r.notesEn : r.notes,
      ms: r.ms,
      ...(applied ? { applied_scenario: applied } : {}),
    },
    sample,
    lang,
  );
}

function csv(r: SitingResultOut, sample: boolean): string {
  const head = ['序号', '编号', '名称', '来源', '所在街道乡镇', '经度', '纬度', '新增覆盖人口', '服务人口'];
  const source = { list: '候选表', upgrade: '升级', generated: '生成' } as const;
  const rows = r.chosen.map((s, i) => [i + 1, s.id, s.name, source[s.source], s.township?.name ?? '', s.lon, s.lat, s.newlyCovered, s.served]);
  // The app's one CSV writer: names neutralised (a candidate file's names come from the planner), ids as codes.
  return writeCsv(head, rows, { sample, kinds: { 编号: 'code' } });
}

const pct = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(1)}%` : '—');

/**
 * The flags as the service's siting query: checked, with what the schema defaults left out (k 1, the
 * schema's minutes, solver and limits) and the product's own choices from shared/siting/presets.ts (MCLP,
 * generated sites 1000 m apart, the upgrade rule, ambulances from the station and residents to the rest).
 */
export async function siteQuery(svc: CliService, opts: Opts, lang: Lang): Promise<Query> {
  if (!opts.type) throw new UsageError('--type: the facility type to build, e.g. ems_station');
  const [type] = facilityTypes([String(opts.type)], '--type') as [FacilityType];
  const model = choice(opts.model, ['mclp', 'lscp', 'pmedian'], '--model: mclp | lscp | pmedian') ?? SITING_DEFAULTS.model;
  if (opts.exact && opts.heuristic) throw new UsageError('--exact or --heuristic, not both');
  // --site-for worse sites at the peak hour: an explicit free flow beside it contradicts it.
  if (opts['site-for'] === 'worse' && opts.conditions === 'free')
    throw new UsageError(
      lang === 'en'
        ? '--site-for worse sites at the peak hour (and checks free flow): leave out --conditions free'
        : '--site-for worse 按高峰选址（并检查平峰）：请去掉 --conditions free',
    );
  const direction = choice(opts.direction, ['from', 'to'], '--direction: from | to') ?? directionFor(type);
  const from = await scenarioId(svc, opts.scenario as string | undefined, false, lang);
  return {
    scenarioId: from,
    model,
    type,
    k: number(opts.add, '--add', 1),
    direction,
    ...urbanRural(opts.thresholds, '--thresholds: urban=10,rural=30 (minutes)'),
    existingTypes: facilityTypes(list(opts.existing), '--existing'),
    within: await unitNames(svc, from, opts.within, '--within', lang),
    exclude: await unitNames(svc, from, opts.exclude, '--exclude', lang),
    year: yearOption(opts.year),
    candidates: await candidatesFrom(svc, opts, type, lang),
    travel: travelOption(opts.travel),
    dispatchMinutes: number(opts.dispatch, '--dispatch', 0),
    cutoffMinutes: number(opts.cutoff, '--cutoff', 1),
    capacity: number(opts.capacity, '--capacity', 1),
    exact: opts.exact ? 'always' : opts.heuristic ? 'never' : undefined,
    timeLimitSeconds: number(opts['time-limit'], '--time-limit', 1),
    conditions: choice(opts.conditions, TRAVEL_CONDITIONS, '--conditions: free (free-flow speeds) | peak (peak hour: speeds × the peak factors)'),
    siteFor: choice(opts['site-for'], ['worse'], '--site-for: worse (site under the worse of free flow and the peak hour: the peak)'),
  };
}

export const siteCommand: Command = {
  usage: `healthplan site <file.hplan> --type ems_station --model mclp|lscp|pmedian [--add K] [--thresholds urban=10,rural=30] [--within 开福区] [--exclude CODES] [--year Y] [--candidates generated|${UPGRADE_EXAMPLE}|F.csv] [--spacing M] [--existing TYPES] [--direction from|to] [--travel drive|walk|urban-walk] [--cutoff MIN] [--capacity N] [--exact|--heuristic] [--time-limit S] [--conditions free|peak] [--site-for worse] [--scenario NAME] [--apply NEW_SCENARIO [--apply-year Y]] [--format json|csv] [--out F]`,
  summary: {
    zh: '设施选址：新增 k 个机构放在哪里覆盖最多人口（或最少几个覆盖全部、或加权通行时间最短）',
    en: 'Siting: where k new facilities cover the most people (or the fewest that cover all, or least weighted travel time)',
  },
  options: {
    type: { type: 'string', help: 'facility type to build (ems_station, sub_centre, chc …) / 新建机构类型' },
    model: { type: 'string', help: 'mclp (default: most people covered by K) | lscp (fewest to cover all) | pmedian (least weighted travel time)' },
    add: { type: 'string', help: 'K new sites (mclp, pmedian; default 1) / 新增数量' },
    thresholds: { type: 'string', help: 'urban=10,rural=30 (minutes) / 城镇、农村时限' },
    within: { type: 'string', help: 'the area: unit codes or names, comma-separated (default the whole plan) / 选址范围' },
    exclude: { type: 'string', help: 'units where no site may go / 排除区域' },
    year: {
      type: 'string',
      help: "existing facilities and upgrade candidates as of this year (规划项目 up to it counted), its populations; default the plan's target year / 年份",
    },
    candidates: { type: 'string', help: 'generated (default) | upgrade[:TYPES] | a .csv/.xlsx of id,name,lon,lat; join with + / 候选点' },
    spacing: { type: 'string', help: `metres between generated sites (default ${SITING_DEFAULTS.generateMeters}) / 生成间距` },
    crs: { type: 'string', help: 'coordinates of a candidate file: wgs84 (default) | gcj02 | bd09' },
    existing: { type: 'string', help: 'existing facility types that count as fixed (default: the --type) / 现有机构类型' },
    direction: { type: 'string', help: 'from the site (ambulances; default for ems_station) | to the site (residents)' },
    travel: {
      type: 'string',
      help: 'drive (default) | walk (4.8 km/h, no motorways or trunk roads, one-way ignored) | urban-walk (on foot in town, by car in the country) / 出行方式',
    },
    dispatch: { type: 'string', help: 'dispatch delay in minutes (by car only) / 出车时间' },
    cutoff: { type: 'string', help: `p-median: a longer trip counts as this many minutes (default ${SITING_DEFAULTS.cutoffMinutes})` },
    capacity: { type: 'string', help: 'people a new site can serve (mclp) / 服务容量' },
    exact: { type: 'boolean', help: 'always solve the exact model (HiGHS) / 精确求解' },
    heuristic: { type: 'boolean', help: 'the heuristic only, with its proven bound / 仅启发式' },
    'time-limit': { type: 'string', help: `seconds for the exact solver (default ${SITING_DEFAULTS.timeLimitSeconds})` },
    conditions: {
      type: 'string',
      help: 'free (default: free-flow speeds) | peak (peak hour: speeds × the peak factors); the proposal is also evaluated under the other / 通行条件：平峰 | 高峰',
    },
    'site-for': { type: 'string', help: 'worse: site under the worse of the two conditions (the peak hour) / 按较差时段选址' },
    scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景' },
    'apply-year': { type: 'string', help: 'with --apply: put the proposal in as projects (规划项目) of this year / 按年份列为规划项目' },
    apply: { type: 'string', help: 'put the proposal into a new scenario of this name / 生成新情景' },
    format: { type: 'string', help: 'json (default) | csv (one row per proposed site)' },
    out: { type: 'string', help: 'write to a file / 输出文件' },
  },
  async run(svc, file, opts, lang) {
    const { isSample } = await svc.call('plan.open', { path: path.resolve(file) });
    const format = (opts.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError('--format: json | csv');
    const q = await siteQuery(svc, opts, lang);
    const type = q.type;
    const r = await svc.call('siting.run', q);
    let applied: string | null = null;
    if (opts.apply) {
      const s = await svc.call('siting.apply', {
        scenarioId: q.scenarioId,
        name: String(opts.apply),
        type,
        ...applyYear(opts),
        sites: r.chosen.map(({ id, name, lon, lat, source }) => ({ id, name, lon, lat, source })),
        query: { ...r.query, candidates: undefined },
      });
      applied = s.name;
      console.error(
        lang === 'en' ? `created scenario "${s.name}" with the ${r.chosen.length} proposed sites` : `已新建情景「${s.name}」，含 ${r.chosen.length} 个选址`,
      );
    }
    const text = format === 'json' ? json(r, lang, applied, isSample) : csv(r, isSample);
    if (opts.out) {
      writeOutput(opts.out as string, text);
      const label = lang === 'en' ? FACILITY_TYPE_LABELS[type].en : FACILITY_TYPE_LABELS[type].zh;
      const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
      // The condition the figures are under, when the proposal is also shown under the other.
      const under = !r.other
        ? ''
        : lang === 'en'
          ? r.conditions === 'peak'
            ? 'at the peak hour '
            : 'at free flow '
          : r.conditions === 'peak'
            ? '高峰时'
            : '平峰时';
      console.log(
        lang === 'en'
          ? `wrote ${opts.out}: ${r.chosen.length} × ${label}; covered ${under}${pct(r.coveredBefore, r.totalPopulation)} → ${pct(r.coveredAfter, r.totalPopulation)} of ${n0(r.totalPopulation)} people${r.optimal ? ' (optimal)' : ` (within ${(r.gap * 100).toFixed(1)}% of the optimum)`}`
          : `已写出 ${opts.out}：${r.chosen.length} 个${label}；${under}覆盖 ${pct(r.coveredBefore, r.totalPopulation)} → ${pct(r.coveredAfter, r.totalPopulation)}（共 ${n0(r.totalPopulation)} 人；${r.optimal ? '已证明最优' : `与最优相差不超过 ${(r.gap * 100).toFixed(1)}%`}）`,
      );
      if (r.other) {
        const o = r.other;
        const when = lang === 'en' ? (o.conditions === 'peak' ? 'At the peak hour' : 'At free flow') : o.conditions === 'peak' ? '高峰' : '平峰';
        const sitedFor = lang === 'en' ? (r.conditions === 'peak' ? 'at the peak hour' : 'at free flow') : r.conditions === 'peak' ? '高峰时' : '平峰时';
        // lost: people the proposal covers under the condition sited for and not under this one.
        console.log(
          lang === 'en'
            ? `  ${when}: covered ${pct(o.coveredBefore, r.totalPopulation)} → ${pct(o.coveredAfter, r.totalPopulation)}; ${o.meetsRule ? 'the rule is still met' : r.meetsRule ? 'the rule is no longer met' : 'the rule is not met'}${o.lost > 0 ? ` (${n0(o.lost)} people within it ${sitedFor} are not ${when.toLowerCase()})` : ''}`
            : `  ${when}时：覆盖 ${pct(o.coveredBefore, r.totalPopulation)} → ${pct(o.coveredAfter, r.totalPopulation)}；${o.meetsRule ? '仍全部达标' : r.meetsRule ? '不再全部达标' : '未全部达标'}${o.lost > 0 ? `（${sitedFor}覆盖的人中有 ${n0(o.lost)} 人${when}时不在时限内）` : ''}`,
        );
      }
    } else process.stdout.write(text);
    return 0;
  },
};
