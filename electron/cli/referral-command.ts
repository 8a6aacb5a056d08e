/** `healthplan referral`: 转诊可及性 — each facility's time by car to the nearest one a level up, per facility and per county, as JSON or CSV. */
import path from 'node:path';
import { REFERRAL_THRESHOLD_MINUTES, referralTargets } from '../../shared/access/referral.ts';
import { FACILITY_TYPE_LABELS, FACILITY_TYPES, resolveLabel, type FacilityType } from '../../shared/model/kinds.ts';
import type { Command } from './api.ts';
import { choice, list, unitNames, yearOption } from './options.ts';
import { TRAVEL_CONDITIONS } from '../../shared/access/conditions.ts';
import { writeCsv } from '../backend/io/csv.ts';
import { jsonText, UsageError, writeOutput, type Lang } from './output.ts';
import { scenarioId } from './scenario.ts';

/** Facility types by key, English or Chinese name or alias (thc, 乡镇卫生院, 卫生院 …). */
function typeList(v: string | boolean | undefined, flag: string, lang: Lang): FacilityType[] {
  const out: FacilityType[] = [];
  for (const w of list(v)) {
    const t = resolveLabel(FACILITY_TYPE_LABELS, w);
    if (!t)
      throw new UsageError(
        lang === 'en'
          ? `${flag}: "${w}" is not a facility type; give keys or Chinese names: ${FACILITY_TYPES.join(', ')}`
          : `${flag}：「${w}」不是机构类型；请用类型代码或中文名：${FACILITY_TYPES.map((k) => `${k}（${FACILITY_TYPE_LABELS[k].zh}）`).join('、')}`,
      );
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

const zh = (t: FacilityType) => FACILITY_TYPE_LABELS[t].zh;

export const referralCommand: Command = {
  usage:
    'healthplan referral <file.hplan> --from thc,chc [--to sub_centre,secondary_hospital] [--threshold 30] [--within 资阳区] [--year Y] [--conditions free|peak] [--scenario NAME] [--format json|csv] [--out F]',
  summary: {
    zh: '转诊可及性：每所机构驾车到最近上级机构的分钟数，各区县在时限内的比例',
    en: 'Referral access: minutes by car from each facility to the nearest one a level up, and the share within the threshold per county',
  },
  options: {
    from: { type: 'string', help: 'types referred from, keys or Chinese names, comma-separated, e.g. thc,chc or 乡镇卫生院,社区卫生服务中心 / 转出机构类型' },
    to: {
      type: 'string',
      help: 'types referred to (default: every level above each one on the ladder village clinic → THC/CHC → sub-centre → county hospital → tertiary) / 转诊去向类型',
    },
    threshold: { type: 'string', help: `minutes by car (default ${REFERRAL_THRESHOLD_MINUTES}) / 时限（分钟）` },
    within: { type: 'string', help: 'only the facilities in these units: codes or names, comma-separated (targets anywhere) / 范围' },
    year: { type: 'string', help: "facilities as of this year (规划项目 up to it counted); default the plan's target year / 年份" },
    conditions: {
      type: 'string',
      help: "free (default: free-flow speeds) | peak (peak hour: speeds × the plan's peak factors) / 通行条件：平峰 | 高峰",
    },
    scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景' },
    format: { type: 'string', help: 'json (default) | csv (one row per facility) / 输出格式' },
    out: { type: 'string', help: 'write to a file / 输出文件' },
  },
  async run(svc, file, opts, lang) {
    const en = lang === 'en';
    const from = typeList(opts.from, '--from', lang);
    if (!from.length)
      throw new UsageError(
        en
          ? '--from: the types referred from, e.g. --from thc,chc (township and community health centres)'
          : '--from：请给出转出机构类型，例如 --from thc,chc（或 --from 乡镇卫生院,社区卫生服务中心）',
      );
    const to = typeList(opts.to, '--to', lang);
    const both = to.filter((t) => from.includes(t));
    if (both.length)
      throw new UsageError(
        en
          ? `--to: ${both.join(', ')} is also in --from; a type is referred from or to, not both`
          : `--to：「${both.map(zh).join('、')}」也在 --from 中；一种类型只能是转出机构或转诊去向之一`,
      );
    if (!to.length) {
      const stuck = from.find((t) => !referralTargets(t)?.length);
      if (stuck)
        throw new UsageError(
          en
            ? `--from ${stuck}: ${referralTargets(stuck) === null ? 'not on the referral ladder' : 'the top of the referral ladder'}; give --to (e.g. --to tertiary_hospital)`
            : `--from ${stuck}（${zh(stuck)}）${referralTargets(stuck) === null ? '不在转诊层级中' : '已是转诊层级最高一级'}，请用 --to 给出转诊去向类型（例如 --to tertiary_hospital）`,
        );
    }
    const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
    if (threshold !== undefined && !(threshold > 0 && threshold <= 600))
      throw new UsageError(en ? '--threshold: minutes, over 0 and at most 600' : '--threshold：分钟数，大于 0 且不超过 600');
    const format = (opts.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new UsageError('--format: json | csv');
    const conditions = choice(opts.conditions, TRAVEL_CONDITIONS, '--conditions: free (free-flow speeds) | peak (peak hour: speeds × the peak factors)');
    const { isSample } = await svc.call('plan.open', { path: path.resolve(file) });
    const scenario = await scenarioId(svc, opts.scenario as string | undefined, false, lang);
    const year = yearOption(opts.year);
    const within = await unitNames(svc, scenario, opts.within, '--within', lang);
    const r = await svc.call('referral.run', {
      scenarioId: scenario,
      from,
      ...(to.length ? { to } : {}),
      ...(threshold !== undefined ? { thresholdMinutes: threshold } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(within.length ? { within } : {}),
      ...(conditions ? { conditions } : {}),
    });
    let text: string;
    if (format === 'json') {
      text = jsonText(
        {
          model: r.model,
          note: en ? r.modelNoteEn : r.modelNote,
          query: {
            from: r.query.from,
            to: r.targetsOf,
            threshold: r.query.thresholdMinutes,
            within: r.query.within ?? [],
            conditions: r.query.conditions ?? 'free',
          },
          year: r.year,
          notes: en ? r.notesEn : r.notes,
          facilities: r.facilities.map((f) => ({
            id: f.id,
            name: f.name,
            type: f.type,
            county: f.county,
            to: f.to,
            to_name: f.toName,
            to_type: f.toType,
            minutes: f.minutes,
            within: f.within,
          })),
          counties: r.counties.map((c) => ({
            scope: c.scope,
            code: c.code,
            name: c.name,
            facilities: c.facilities,
            within: c.within,
            share: c.share,
            worst_minutes: c.worstMinutes,
            unreachable: c.unreachable,
          })),
        },
        isSample,
        lang,
      );
    } else {
      const head = ['机构编码', '机构名称', '机构类型', '所在区县', '转诊去向', '去向名称', '去向类型', '分钟', '是否在时限内'];
      const countyName = new Map(r.counties.map((c) => [c.code, c.name]));
      const rows = r.facilities.map((f) => [
        f.id,
        f.name,
        zh(f.type),
        f.county ? (countyName.get(f.county) ?? f.county) : '',
        f.to ?? '',
        f.toName ?? '',
        f.toType ? zh(f.toType) : '',
        f.minutes,
        f.within ? '是' : '否',
      ]);
      text = writeCsv(head, rows, { sample: isSample, kinds: { 机构编码: 'code', 转诊去向: 'code' } });
    }
    if (opts.out) {
      writeOutput(opts.out as string, text);
      const region = r.counties.find((c) => c.scope === 'region');
      const share = region?.share == null ? '—' : `${(region.share * 100).toFixed(1)}%`;
      console.log(
        en
          ? `wrote ${opts.out}: ${region?.within ?? 0} of ${region?.facilities ?? 0} facilities (${share}) within ${r.query.thresholdMinutes} min in ${r.year} (${r.modelNoteEn})`
          : `已写出 ${opts.out}：${r.year} 年 ${region?.facilities ?? 0} 所机构中 ${region?.within ?? 0} 所（${share}）在 ${r.query.thresholdMinutes} 分钟内（${r.modelNote}）`,
      );
      for (const n of en ? r.notesEn : r.notes) console.log(`  ${n}`);
    } else process.stdout.write(text);
    return 0;
  },
};
