/**
 * `healthplan projects`: a scenario's 规划项目 — listed (the default), exported as a sheet (--export F,
 * .xlsx or .csv) or imported from one (--import F: all or nothing; --replace: the projects not in the
 * sheet are removed; --dry-run: checked, nothing written). The sheet's columns: README "File formats".
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

export const projectsCommand: Command = {
  usage: 'healthplan projects <file.hplan> [--scenario NAME] [--export F | --import F [--replace] [--dry-run]] [--json]',
  summary: {
    zh: '规划项目：列出（默认）、导出为表格（.xlsx/.csv），或从表格导入（全部通过才写入）',
    en: 'Projects (规划项目): list (default), export as a sheet (.xlsx/.csv), or import one (all or nothing)',
  },
  options: {
    scenario: { type: 'string', help: 'scenario name (default: baseline) / 情景（默认基线）' },
    export: { type: 'string', help: 'write the projects to F (.xlsx or .csv) / 导出到 F' },
    import: { type: 'string', help: 'import the projects of F (.xlsx or .csv) / 从 F 导入' },
    replace: { type: 'boolean', help: 'with --import: remove the projects not in the sheet / 删除表中没有的项目' },
    'dry-run': { type: 'boolean', help: 'with --import: check only, write nothing / 只检查，不写入' },
    json: { type: 'boolean', help: 'list (or the import report) as JSON / 以 JSON 输出' },
  },
  async run(svc, file, opts, lang) {
    if (opts.export && opts.import) throw new UsageError(lang === 'en' ? 'give --export or --import, not both' : '--export 与 --import 只能给出一个');
    if ((opts.replace || opts['dry-run']) && !opts.import)
      throw new UsageError(lang === 'en' ? '--replace and --dry-run go with --import' : '--replace 与 --dry-run 须与 --import 同用');
    const dryRun = !!opts['dry-run'];
    await svc.call('plan.open', { path: path.resolve(file) });
    const sid = await scenarioId(svc, opts.scenario as string | undefined, false, lang);
    if (typeof opts.export === 'string') {
      const f = await svc.call('projects.export', { scenarioId: sid, format: formatOf(opts.export, lang) });
      writeOutput(opts.export, Buffer.from(f.dataBase64, 'base64'));
      console.log(lang === 'en' ? `wrote ${opts.export}` : `已导出 ${opts.export}`);
      return 0;
    }
    if (typeof opts.import === 'string') {
      const f = opts.import;
      formatOf(f, lang);
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
