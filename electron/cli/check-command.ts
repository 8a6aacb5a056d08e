/** `healthplan check`: the data check (数据检查) of a plan — what to fix, row by row; findings never block (exit 0). */
import path from 'node:path';
import type { Command } from './api.ts';
import type { CheckFinding } from '../../shared/api/contract.ts';
import { CHECK_FAMILIES, type CheckFamily } from '../../shared/check/finding.ts';
import { choice } from './options.ts';
import { jsonText, UsageError, type Lang } from './output.ts';
import { scenarioId } from './scenario.ts';

const FAMILY: Record<CheckFamily, { zh: string; en: string }> = {
  population: { zh: '人口', en: 'Populations' },
  figures: { zh: '数值', en: 'Figures' },
  places: { zh: '位置', en: 'Places' },
  targets: { zh: '指标所需数据', en: 'What the targets need' },
};
const TABLE = {
  units: { zh: '行政区划', en: 'units' },
  facilities: { zh: '机构', en: 'facilities' },
  populations: { zh: '人口', en: 'populations' },
  projects: { zh: '规划项目', en: 'project' },
} as const;

/** One finding as a line (and its effect and fix indented below): `[机构 F1 · 实有床位] message`. */
export function findingLines(f: CheckFinding, lang: Lang): string[] {
  const say = (s: { zh: string; en: string }) => (lang === 'en' ? s.en : s.zh);
  const ref = `${say(TABLE[f.row.table])} ${f.row.key}${f.row.column ? ` · ${f.row.column}` : ''}`;
  return [
    `  [${ref}] ${say(f.message)}`,
    ...(f.affects ? [`      ${lang === 'en' ? 'changes' : '影响'}: ${say(f.affects.effect)}`] : []),
    `      ${lang === 'en' ? 'fix' : '改正'}: ${say(f.fix)}`,
  ];
}

export const checkCommand: Command = {
  usage: 'healthplan check <file.hplan> [--standard ID] [--year Y] [--scenario NAME] [--format json|text]',
  summary: {
    zh: '数据检查：人口是否相符、数值是否合理、位置、指标所需数据；每条附所在行、影响和改正方法',
    en: 'Data check: populations, implausible figures, places, what the targets need; each with its row, effect and fix',
  },
  options: {
    standard: { type: 'string', help: "standard set id (default: the plan's) / 标准编号" },
    year: { type: 'string', help: "year (default: the plan's) / 年份" },
    scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景' },
    format: { type: 'string', help: 'text (default) | json' },
  },
  async run(svc, file, opts, lang) {
    const { isSample } = await svc.call('plan.open', { path: path.resolve(file) });
    const format = choice(opts.format, ['json', 'text'], '--format: json | text') ?? 'text';
    const year = opts.year === undefined ? undefined : Number(opts.year);
    if (year !== undefined && !Number.isInteger(year)) throw new UsageError('--year: a year such as 2025');
    const r = await svc.call('plan.check', {
      scenarioId: await scenarioId(svc, opts.scenario as string | undefined, false, lang),
      ...(opts.standard ? { standardId: String(opts.standard) } : {}),
      ...(year !== undefined ? { year } : {}),
    });
    if (format === 'json') {
      process.stdout.write(jsonText(r, isSample, lang));
      return 0;
    }
    const en = lang === 'en';
    console.log(
      en
        ? `${r.counts.total} finding${r.counts.total === 1 ? '' : 's'} (standard ${r.judged.standardId}, ${r.judged.year}); ${r.counts.touchingTargets} change a target's figures`
        : `共 ${r.counts.total} 条（标准 ${r.judged.standardId}，${r.judged.year} 年）；其中 ${r.counts.touchingTargets} 条影响指标数值`,
    );
    for (const fam of CHECK_FAMILIES) {
      const list = r.findings.filter((f) => f.family === fam);
      if (!list.length) continue;
      console.log(`\n${en ? FAMILY[fam].en : FAMILY[fam].zh} (${list.length})`);
      for (const f of list) for (const line of findingLines(f, lang)) console.log(line);
    }
    return 0;
  },
};
