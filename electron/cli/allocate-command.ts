/** `healthplan allocate`: share a budget of beds, staff, ambulances (and money) to close the shortfalls; JSON or the workbook. */
import path from 'node:path';
import { RESOURCES, type Resource } from '../../shared/allocation/index.ts';
import type { ApiArgs } from '../../shared/api/contract.ts';
import type { Command } from './api.ts';
import { choice } from './options.ts';
import { jsonText, UsageError, writeOutput } from './output.ts';
import { applyYear, scenarioId } from './scenario.ts';

type Query = ApiArgs<'allocation.run'>;

/** beds=3000,physicians=400,money=50000000 (money in yuan; 5000万 accepted). */
function amounts(v: string, flag: string, withMoney: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const [k, raw] = part.split('=');
    const wan = raw?.endsWith('万');
    const n = Number(wan ? raw!.slice(0, -1) : raw) * (wan ? 10_000 : 1);
    const keys: readonly string[] = withMoney ? [...RESOURCES, 'money'] : RESOURCES;
    if (!k || !keys.includes(k) || !(n >= 0))
      throw new UsageError(`${flag}: ${keys.map((x) => `${x}=N`).join(',')} (${flag === '--budget' ? 'money in yuan, or 5000万' : 'yuan each'})`);
    out[k] = k === 'money' || flag === '--costs' ? n : Math.round(n);
  }
  return out;
}

export const allocateCommand: Command = {
  usage:
    'healthplan allocate <file.hplan> --budget beds=3000,physicians=400,gps=200,ambulances=6,money=5000万 [--costs beds=300000,...] [--scope county|township] [--year Y] [--standard ID] [--scenario NAME] [--apply NEW_SCENARIO [--apply-year Y]] [--format json|xlsx] [--out F]',
  summary: {
    zh: '资源配置测算：把床位、人员、救护车（和资金）预算分配到各单位与机构，补最大的缺口',
    en: 'Allocate a budget of beds, staff, ambulances (and money) to the units and facilities with the largest shortfalls',
  },
  options: {
    budget: { type: 'string', help: 'beds=3000,physicians=400,nurses=…,gps=200,ambulances=6,money=50000000 (or 5000万) / 预算' },
    costs: { type: 'string', help: 'yuan per bed, physician …: beds=300000,physicians=… (money binds only with these) / 单位成本' },
    scope: {
      type: 'string',
      help: "county | township (default: the level the set's ratio targets are judged at — county for every shipped set) / 测算层级（默认按标准的考核层级）",
    },
    year: { type: 'string', help: "target year (default: the plan's) / 目标年份" },
    standard: { type: 'string', help: "standard set id (default: the plan's) / 标准" },
    'm2-per-bed': { type: 'string', help: 'floor area per bed for the bed limit (default 100 m²) / 床均业务用房面积' },
    scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景' },
    'apply-year': { type: 'string', help: 'with --apply: put the proposal in as projects (规划项目) of this year / 按年份列为规划项目' },
    apply: { type: 'string', help: 'put the allocation into a new scenario of this name / 生成新情景' },
    format: { type: 'string', help: 'json (default) | xlsx (the workbook; needs --out)' },
    out: { type: 'string', help: 'write to a file / 输出文件' },
  },
  async run(svc, file, opts, lang) {
    const { isSample } = await svc.call('plan.open', { path: path.resolve(file) });
    if (!opts.budget) throw new UsageError('--budget: beds=3000,physicians=400 …');
    const format = (opts.format as string | undefined) ?? 'json';
    if (format !== 'json' && format !== 'xlsx') throw new UsageError('--format: json | xlsx');
    if (format === 'xlsx' && !opts.out) throw new UsageError('--format xlsx needs --out F.xlsx');
    // No --scope: the service takes the level the set's targets are judged at (judgedScope, shared/allocation/scope.ts).
    const scope = choice(opts.scope, ['county', 'township'], '--scope: county | township');
    const num = (v: unknown, flag: string) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!(n > 0)) throw new UsageError(`${flag}: a positive number`);
      return n;
    };
    const from = await scenarioId(svc, opts.scenario as string | undefined, false, lang);
    const year = num(opts.year, '--year');
    const m2 = num(opts['m2-per-bed'], '--m2-per-bed');
    const q: Query = {
      scenarioId: from,
      budget: amounts(String(opts.budget), '--budget', true),
      scope,
      ...(opts.costs ? { costs: amounts(String(opts.costs), '--costs', false) } : {}),
      ...(year ? { year } : {}),
      ...(opts.standard ? { standardId: String(opts.standard) } : {}),
      ...(m2 ? { m2PerBed: m2 } : {}),
    };
    const r = await svc.call('allocation.run', q);
    let applied: string | null = null;
    if (opts.apply) {
      const lines = r.lines
        .filter((l) => l.scope === 'facility' && l.allocated !== 0)
        .map((l) => ({ facility: l.code, resource: l.resource, amount: l.allocated }));
      if (lines.length === 0) throw new UsageError(lang === 'en' ? 'nothing was allocated: no scenario created' : '没有可配置的资源：未新建情景');
      applied = (await svc.call('allocation.apply', { scenarioId: from, name: String(opts.apply), lines, ...applyYear(opts) })).name;
      console.error(lang === 'en' ? `created scenario "${applied}" with the allocation applied` : `已新建情景「${applied}」，已写入配置结果`);
    }
    if (format === 'xlsx') {
      const f = await svc.call('allocation.export', q);
      writeOutput(opts.out as string, Buffer.from(f.dataBase64, 'base64'));
      console.log(lang === 'en' ? `wrote ${opts.out}` : `已写出 ${opts.out}`);
      return 0;
    }
    const given = (res: Resource) => r.allocated[res];
    const text = jsonText(
      {
        budget: r.budget,
        year: r.year,
        standard: r.standard,
        scenario: r.scenario,
        scope: r.scope,
        lines: r.lines.map((l) => ({
          scope: l.scope,
          code: l.code,
          name: l.name,
          unit: l.unitCode,
          resource: l.resource,
          current: l.current,
          committed: l.committed,
          allocated: l.allocated,
          result: l.result,
          remaining_shortfall: l.remaining_shortfall,
          reason: lang === 'en' ? l.reasonEn : l.reason,
        })),
        allocated: Object.fromEntries(RESOURCES.map((res) => [res, given(res)])),
        unspent: r.unspent,
        spent_money: r.spent_money,
        still_needed: r.still_needed,
        stopped: r.stopped,
        judged_scope: r.judgedScope,
        totals: Object.fromEntries(
          Object.entries(r.totals).map(([res, t]) => [
            res,
            { target: t.target, region: t.region, units: t.units, said: t.said ? (lang === 'en' ? t.said.en : t.said.zh) : null },
          ]),
        ),
        notes: lang === 'en' ? r.notesEn : r.notes,
        ...(applied ? { applied_scenario: applied } : {}),
      },
      isSample,
      lang,
    );
    if (opts.out) {
      writeOutput(opts.out as string, text);
      console.log(lang === 'en' ? `wrote ${opts.out}` : `已写出 ${opts.out}`);
    } else process.stdout.write(text);
    return 0;
  },
};
