/** `healthplan access`: the 1030 rule (or another) for a scenario, as JSON or CSV. */
import path from 'node:path';
import { ACCESS_PRESETS, type AccessSettings, type PresetId } from '../../shared/access/presets.ts';
import { GROUP_NAMES, pickGroups } from '../../shared/access/groups.ts';
import type { Command } from './api.ts';
import { areasGeoJson, areasJson, areasLines, areasOption } from './access-areas.ts';
import { choice, facilityTypes, list, travelOption, unitNames, urbanRural, yearOption } from './options.ts';
import { TRAVEL_CONDITIONS } from '../../shared/access/conditions.ts';
import { writeCsv } from '../backend/io/csv.ts';
import { jsonText, UsageError, writeOutput } from './output.ts';
import { scenarioId } from './scenario.ts';

function settingsFrom(opts: Record<string, string | boolean | undefined>): AccessSettings {
  const preset = (opts.preset as string | undefined) ?? '1030';
  if (!(preset in ACCESS_PRESETS)) throw new UsageError(`--preset: ${Object.keys(ACCESS_PRESETS).join(' | ')}`);
  const s: AccessSettings = { ...ACCESS_PRESETS[preset as PresetId] };
  if (opts.types) s.types = facilityTypes(list(opts.types), '--types');
  Object.assign(s, urbanRural(opts.thresholds, '--thresholds: urban=10,rural=30 (minutes)'));
  if (opts.direction) {
    if (opts.direction !== 'from' && opts.direction !== 'to') throw new UsageError('--direction: from (from the facility, ambulances) | to (to the facility)');
    s.direction = opts.direction;
  }
  const travel = travelOption(opts.travel);
  if (travel) s.travel = travel;
  if (opts.dispatch !== undefined) {
    const d = Number(opts.dispatch);
    if (!(d >= 0)) throw new UsageError('--dispatch: minutes ≥ 0');
    s.dispatchMinutes = d;
  }
  if (opts.radius) {
    s.measure = 'radius';
    Object.assign(s, urbanRural(opts.radius, '--radius: urban=5,rural=20 (kilometres)'));
  }
  if (opts.grid !== undefined) {
    const m = Number(opts.grid);
    if (!(m >= 100)) throw new UsageError('--grid: cell size in metres, ≥ 100');
    s.demand = 'grid';
    s.gridMeters = m;
  }
  return s;
}

export const accessCommand: Command = {
  usage:
    'healthplan access <file.hplan> [--preset 1030|1530|kaifu10|radius] [--types ems_station,chc,...] [--thresholds urban=10,rural=30] [--radius urban=5,rural=20] [--direction from|to] [--travel drive|walk|urban-walk] [--dispatch MIN] [--grid METRES] [--within 开福区] [--year Y] [--scenario NAME] [--by urban,age] [--areas 10,30] [--catchments] [--conditions free|peak] [--compare] [--format json|csv|geojson] [--out F]',
  summary: {
    zh: '通行时间与覆盖：每个需求点到最近机构的分钟数，各单位覆盖人口与比例',
    en: 'Travel time and coverage: minutes to the nearest facility per demand point, covered population per unit',
  },
  options: {
    preset: {
      type: 'string',
      help: '1030 (default: 120 stations, 10/30 min) | 1530 (CHC/THC, 15 min on foot in town / 30 by car in the country) | kaifu10 (120, 10/10) | radius (120, 5/20 km straight line)',
    },
    radius: { type: 'string', help: 'urban=5,rural=20: a straight-line service radius in km instead of travel time / 服务半径' },
    types: { type: 'string', help: 'facility types, comma-separated / 机构类型' },
    thresholds: { type: 'string', help: 'urban=10,rural=30 (minutes) / 城镇、农村时限' },
    direction: { type: 'string', help: 'from the facility (ambulance) | to the facility (resident)' },
    travel: {
      type: 'string',
      help: 'drive (default; 1530: urban-walk) | walk (4.8 km/h, no motorways or trunk roads, one-way ignored) | urban-walk (on foot in town, by car in the country) / 出行方式',
    },
    dispatch: { type: 'string', help: 'dispatch delay in minutes, added to every trip from a station (by car only) / 出车时间' },
    grid: { type: 'string', help: 'demand points on a grid of this many metres inside street/town boundaries / 网格需求点' },
    within: { type: 'string', help: 'only the people of these units: codes or names, comma-separated (default the whole plan) / 分析范围' },
    year: { type: 'string', help: "facilities as of this year (规划项目 up to it counted) and its populations; default the plan's target year / 年份" },
    scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景' },
    by: {
      type: 'string',
      help: 'urban,age: covered share by urban/rural and by age band (0–3, 65+, where the plan has them), region and counties, and the worst served; csv: this table in place of the points / 按城乡、年龄分组',
    },
    areas: { type: 'string', help: 'service areas within these minutes, e.g. 10,30: polygons (geojson) and their people / 服务范围' },
    catchments: { type: 'boolean', help: "each facility's catchment (the places it is the nearest for) and its people / 各机构服务范围" },
    conditions: {
      type: 'string',
      help: "free (default: free-flow speeds) | peak (peak hour: speeds × the plan's urban/rural peak factors, example values to be checked) / 通行条件：平峰 | 高峰",
    },
    compare: { type: 'boolean', help: 'also the coverage under the other condition, region and counties (平峰 beside 高峰) / 平峰、高峰对照' },
    format: {
      type: 'string',
      help: 'json (default) | csv (one row per demand point; with a radius, 公里 in place of 分钟) | geojson (with --areas/--catchments: one polygon per band and facility)',
    },
    out: { type: 'string', help: 'write to a file / 输出文件' },
  },
  async run(svc, file, opts, lang) {
    const { isSample } = await svc.call('plan.open', { path: path.resolve(file) });
    const format = (opts.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'csv' && format !== 'geojson') throw new UsageError('--format: json | csv | geojson');
    const areas = areasOption(opts.areas, opts.catchments);
    if (format === 'geojson' && !areas) throw new UsageError('--format geojson: give --areas MINUTES (and/or --catchments)');
    const settings = settingsFrom(opts);
    // A straight-line radius has no travel times to draw areas from: no polygon, and --areas would count kilometres.
    if (areas && settings.measure === 'radius')
      throw new UsageError(
        lang === 'en'
          ? '--areas/--catchments: service areas are drawn from travel times on the roads; leave out --radius and --preset radius'
          : '--areas/--catchments：服务范围按路网通行时间绘制；请去掉 --radius 或 --preset radius',
      );
    // A radius is the same at any hour: there is no other condition to set beside it.
    if (opts.compare && settings.measure === 'radius')
      throw new UsageError(
        lang === 'en'
          ? '--compare: a straight-line radius does not change with the travel conditions; leave out --radius and --preset radius to compare free flow and the peak hour'
          : '--compare：直线服务半径不随通行条件变化；请去掉 --radius 或 --preset radius 再对照平峰与高峰',
      );
    const scenario = await scenarioId(svc, opts.scenario as string | undefined, false, lang);
    const year = yearOption(opts.year);
    const within = await unitNames(svc, scenario, opts.within, '--within', lang);
    const by = list(opts.by);
    if (by.some((x) => x !== 'urban' && x !== 'age')) throw new UsageError('--by: urban,age (urban/rural, age bands 0–3 and 65+)');
    const conditions = choice(opts.conditions, TRAVEL_CONDITIONS, '--conditions: free (free-flow speeds) | peak (peak hour: speeds × the peak factors)');
    const r = await svc.call('access.run', {
      scenarioId: scenario,
      ...settings,
      ...(conditions ? { conditions } : {}),
      ...(opts.compare ? { compare: true } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(within.length ? { within } : {}),
      ...(areas ? { areas } : {}),
    });
    const en = lang === 'en';
    // --by: the splits asked for (shared/access/groups.ts).
    const groups = by.length ? pickGroups(r.groups, by as ('urban' | 'age')[]) : null;
    let text: string;
    if (format === 'geojson') text = areasGeoJson(r, isSample, lang);
    else if (format === 'json') {
      text = jsonText(
        {
          model: r.model,
          note: en ? r.modelNoteEn : r.modelNote,
          query: r.query,
          year: r.year,
          demand: {
            points: r.demand.points,
            units: r.demand.units,
            remainders: r.demand.remainders,
            remainder_population: r.demand.remainderPopulation,
            population: r.demand.population,
            note: en ? r.demand.noteEn : r.demand.note,
          },
          notes: en ? r.notesEn : r.notes,
          points: r.points.map((p) => ({
            code: p.code,
            name: p.name,
            population: p.population,
            urban: p.urban,
            minutes: p.minutes,
            ...(p.km !== undefined ? { km: p.km } : {}),
            nearest: p.nearest,
            covered: p.covered,
            ...(p.remainder ? { remainder: true } : {}),
          })),
          units: r.units.map((u) => ({ scope: u.scope, code: u.code, name: u.name, population: u.population, covered: u.covered, share: u.share })),
          bands: r.bands,
          unreachable: r.unreachable,
          ...(r.conditions ? { conditions: r.conditions } : {}),
          ...(r.compared ? { compared: r.compared } : {}),
          ...areasJson(r, lang),
          ...(groups
            ? {
                groups: {
                  region: groups.region,
                  counties: groups.counties,
                  worst: groups.worst.map(({ scope, code, name, ...x }) => ({ scope, code, name, ...x })),
                  ages: groups.ages,
                  note: en ? groups.noteEn : groups.note,
                },
              }
            : {}),
        },
        isSample,
        lang,
      );
    } else if (groups) {
      // --by: one row per area and group — the region's, then each county's.
      const head = ['范围', '区划代码', '名称', '分组', '人口', '覆盖人口', '未覆盖人口', '覆盖率（%）'];
      const region = r.units.find((u) => u.scope === 'region');
      const rows = [
        { scope: '全域', code: '', name: region?.name ?? '', groups: groups.region },
        ...groups.counties.map((c) => ({ scope: '区县', ...c })),
      ].flatMap((a) =>
        a.groups.map((x) => [
          a.scope,
          a.code,
          a.name,
          GROUP_NAMES[x.group].zh,
          x.population,
          x.covered,
          x.leftOut,
          x.share === null ? null : Math.round(x.share * 1000) / 10,
        ]),
      );
      text = writeCsv(head, rows, { sample: isSample, kinds: { 区划代码: 'code' } });
    } else {
      // Measuring a radius, the distance is the figure: 公里 (straight-line km to the nearest facility) in place of 分钟.
      const radius = r.query.measure === 'radius';
      const head = ['区划代码', '名称', '所在街道乡镇', '人口', '城乡', radius ? '公里' : '分钟', '最近机构', '是否覆盖'];
      const figure = (p: (typeof r.points)[number]) => (radius ? p.km : p.minutes) ?? null;
      const rows = r.points.map((p) => [
        p.code,
        p.remainder ? `${p.name}（未列入下级的人口）` : p.name,
        p.township ?? '',
        p.population,
        p.urban ? '城镇' : '农村',
        figure(p),
        p.nearest ?? '',
        p.covered ? '是' : '否',
      ]);
      // The app's one CSV writer: names neutralised, unit codes and facility ids as codes.
      text = writeCsv(head, rows, { sample: isSample, kinds: { 区划代码: 'code', 所在街道乡镇: 'code', 最近机构: 'code' } });
    }
    if (opts.out) {
      writeOutput(opts.out as string, text);
      const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
      const region = r.units.find((u) => u.scope === 'region');
      const share = region?.share == null ? '—' : `${(region.share * 100).toFixed(1)}%`;
      console.log(
        en
          ? `wrote ${opts.out}: ${share} of ${n0(region?.population ?? 0)} people covered in ${r.year} (${r.modelNoteEn}; ${r.demand.noteEn})`
          : `已写出 ${opts.out}：${r.year} 年覆盖 ${share}（共 ${n0(region?.population ?? 0)} 人；${r.modelNote}；${r.demand.note}）`,
      );
      for (const n of en ? r.notesEn : r.notes) console.log(`  ${n}`);
      const other = r.compared?.units.find((u) => u.scope === 'region');
      if (other) {
        const o = other.share == null ? '—' : `${(other.share * 100).toFixed(1)}%`;
        console.log(
          en
            ? `  ${r.compared?.conditions === 'peak' ? 'At the peak hour' : 'At free flow'}: ${o} covered (${n0(other.covered)} of ${n0(other.population)})`
            : `  ${r.compared?.conditions === 'peak' ? '高峰' : '平峰'}时：覆盖 ${o}（${n0(other.population)} 人中 ${n0(other.covered)} 人）`,
        );
      }
      for (const l of areasLines(r, lang)) console.log(l);
      if (groups) {
        const pc = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
        for (const x of groups.region)
          console.log(
            en
              ? `  ${GROUP_NAMES[x.group].en}: ${pc(x.share)} of ${n0(x.population)} covered, ${n0(x.leftOut)} left out`
              : `  ${GROUP_NAMES[x.group].zh}：覆盖 ${pc(x.share)}（${n0(x.population)} 人中未覆盖 ${n0(x.leftOut)} 人）`,
          );
        if (groups.worst.length) console.log(en ? '  Worst served:' : '  覆盖最差的群体：');
        for (const w of groups.worst)
          console.log(
            `    ${w.name ? `${w.name} ` : ''}${en ? GROUP_NAMES[w.group].en : GROUP_NAMES[w.group].zh} ${pc(w.share)}${en ? `, ${n0(w.leftOut)} left out` : `，未覆盖 ${n0(w.leftOut)} 人`}`,
          );
        console.log(`  ${en ? groups.noteEn : groups.note}`);
      }
    } else process.stdout.write(text);
    return 0;
  },
};
