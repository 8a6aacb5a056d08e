/**
 * `healthplan projects list|export|import`: a scenario's 规划项目 — listed (`list PLAN`, or just `PLAN`),
 * exported as a sheet (`export PLAN F`, .xlsx or .csv) or imported from one (`import PLAN F`: all or
 * nothing; --replace: the projects not in the sheet are removed; --dry-run: checked, nothing written).
 * The sheet's columns: README "File formats".
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ProjectOut } from '../../shared/api/contract.ts';
import { PROJECT_KIND_LABELS, PROJECT_STATUS_LABELS } from '../../shared/timeline/project.ts';
import { changesInWords } from '../../shared/timeline/words.ts';
import { fileErrorOf } from '../backend/file-errors.ts';
import type { Command } from './api.ts';
import { jsonText, UsageError, writeOutput, type Lang } from './output.ts';
import { scenarioId } from './scenario.ts';

function line(p: ProjectOut, lang: Lang): string {
  const en = lang === 'en';
  const kind = PROJECT_KIND_LABELS[p.kind][en ? 'en' : 'zh'];
  const status = PROJECT_STATUS_LABELS[p.status][en ? 'en' : 'zh'];
  const cost = p.cost === null ? '—' : `${p.cost.toLocaleString(en ? 'en-US' : 'zh-CN')}${en ? ' ×10k yuan' : ' 万元'}`;
  const where = p.facility_id ?? (en ? 'no facility' : '不涉及机构');
  const source = [p.source_document, p.source_clause].filter(Boolean).join(' ');
  const problems = p.problems.map((x) => `\n      ${x.severity === 'error' ? '!' : '?'} ${en ? x.messageEn : x.message}`).join('');
  return (
    `  ${p.id}\t${p.year}\t${kind}\t${status}\t${p.name} [${where}]\t${changesInWords(p, en ? 'en' : 'zh-CN')}\t${cost}`
    + `${p.responsible_unit ? `\t${en ? 'by' : '责任单位'} ${p.responsible_unit}` : ''}${source ? `\t${source}` : ''}${problems}`
  );
}

const formatOf = (f: string, lang: Lang): 'xlsx' | 'csv' => {
  const ext = path.extname(f).toLowerCase();
  if (ext === '.xlsx' || ext === '.csv') return ext.slice(1) as 'xlsx' | 'csv';
  throw new UsageError(lang === 'en' ? `${f}: use a .xlsx or .csv name` : `${f}：文件名须以 .xlsx 或 .csv 结尾`);
};

const VERBS = ['list', 'export', 'import'] as const;
type Verb = (typeof VERBS)[number];

/** The words after `projects`: a verb, the plan and (export, import) the sheet; a plan alone lists. */
function wordsOf(first: string, rest: readonly string[], lang: Lang): { verb: Verb; plan: string; sheet: string | null } {
  const en = lang === 'en';
  const verb = (VERBS as readonly string[]).includes(first) ? (first as Verb) : null;
  if (!verb) {
    if (rest.length) throw new UsageError(en ? `unknown action "${first}": list, export or import` : `未知操作「${first}」：list、export 或 import`);
    return { verb: 'list', plan: first, sheet: null };
  }
  const [plan, sheet, ...more] = rest;
  const wants = verb === 'list' ? 1 : 2;
  if (!plan || rest.length !== wants || more.length)
    throw new UsageError(
      verb === 'list'
        ? en
          ? 'usage: healthplan projects list <file.hplan>'
          : '用法：healthplan projects list <方案文件.hplan>'
        : en
          ? `usage: healthplan projects ${verb} <file.hplan> <F.xlsx|F.csv>`
          : `用法：healthplan projects ${verb} <方案文件.hplan> <表格.xlsx|.csv>`,
    );
  return { verb, plan, sheet: sheet ?? null };
}

export const projectsCommand: Command = {
  usage: [
    'healthplan projects list <file.hplan> [--scenario NAME] [--json]',
    'healthplan projects export <file.hplan> <F.xlsx|F.csv> [--scenario NAME]',
    'healthplan projects import <file.hplan> <F.xlsx|F.csv> [--scenario NAME] [--replace] [--dry-run] [--json]',
  ].join('\n  '),
  summary: {
    zh: '规划项目：列出（list，只给方案文件也是列出）、导出为表格（export，.xlsx/.csv），或从表格导入（import，全部通过才写入）',
    en: 'Projects (规划项目): list them (list, or the plan alone), export them as a sheet (export, .xlsx/.csv), or import one (import: all or nothing)',
  },
  positionals: { min: 1, max: 3 },
  options: {
    scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景（默认基线）' },
    replace: { type: 'boolean', help: 'import: remove the projects not in the sheet / 导入时删除表中没有的项目' },
    'dry-run': { type: 'boolean', help: 'import: check only, write nothing / 导入时只检查，不写入' },
    json: { type: 'boolean', help: 'the list (or the import report) as JSON / 以 JSON 输出' },
  },
  async run(svc, first, opts, lang, rest = []) {
    const { verb, plan, sheet } = wordsOf(first, rest, lang);
    if ((opts.replace || opts['dry-run']) && verb !== 'import')
      throw new UsageError(lang === 'en' ? '--replace and --dry-run go with import' : '--replace 与 --dry-run 须与 import 同用');
    if (sheet !== null) formatOf(sheet, lang);
    const dryRun = !!opts['dry-run'];
    await svc.call('plan.open', { path: path.resolve(plan) });
    const sid = await scenarioId(svc, opts.scenario as string | undefined, false, lang);
    if (verb === 'export' && sheet !== null) {
      const f = await svc.call('projects.export', { scenarioId: sid, format: formatOf(sheet, lang) });
      writeOutput(sheet, Buffer.from(f.dataBase64, 'base64'));
      console.log(lang === 'en' ? `wrote ${sheet}` : `已导出 ${sheet}`);
      return 0;
    }
    if (verb === 'import' && sheet !== null) {
      const f = sheet;
      if (!fs.existsSync(f)) throw new UsageError(`找不到文件 / file not found: ${f}`);
      let dataBase64: string;
      try {
        dataBase64 = fs.readFileSync(f).toString('base64');
      } catch (e) {
        throw fileErrorOf(e, f) ?? e;
      }
      const r = await svc.call('projects.import', { scenarioId: sid, file: { fileName: path.basename(f), dataBase64 }, dryRun, replace: !!opts.replace });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return r.ok ? 0 : 1;
      }
      if (!r.ok) {
        console.error(
          lang === 'en'
            ? `projects ← ${r.fileName}: ${r.problems.length} problem(s); nothing was written`
            : `规划项目 ← ${r.fileName}：发现 ${r.problems.length} 个问题，未写入任何数据`,
        );
        for (const p of r.problems) console.error(`  ${lang === 'en' ? p.messageEn : p.message}`);
        return 1;
      }
      const verb = dryRun ? (lang === 'en' ? 'would add' : '将新增') : lang === 'en' ? 'added' : '新增';
      console.log(
        lang === 'en'
          ? `projects ← ${r.fileName} (${r.encoding}): ${r.rows} rows; ${verb} ${r.added}, changed ${r.changed}, unchanged ${r.unchanged}, removed ${r.removed}`
          : `规划项目 ← ${r.fileName}（${r.encoding}）：${r.rows} 行；${verb} ${r.added} 个，修改 ${r.changed} 个，未变 ${r.unchanged} 个，删除 ${r.removed} 个`,
      );
      if (r.ignoredColumns.length) console.log(`${lang === 'en' ? '  ignored columns' : '  未识别的列（已忽略）'}: ${r.ignoredColumns.join(', ')}`);
      return 0;
    }
    const list = await svc.call('projects.list', { scenarioId: sid });
    if (opts.json) {
      process.stdout.write(jsonText({ projects: list }, false, lang));
      return 0;
    }
    const total = list.reduce((s, p) => s + (p.cost ?? 0), 0);
    console.log(
      lang === 'en'
        ? `${list.length} projects; cost given ${total.toLocaleString('en-US')} ×10k yuan`
        : `规划项目 ${list.length} 个；已填投资合计 ${total.toLocaleString('zh-CN')} 万元`,
    );
    for (const p of list) console.log(line(p, lang));
    return 0;
  },
};
