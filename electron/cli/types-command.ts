/**
 * `healthplan types`: the facility types as written that imports read — the built-in 卫生机构类别 names and codes
 * (WS 218-2002) and the plan's own 机构类别对照 — and changing the latter (--set, --remove).
 */
import path from 'node:path';
import type { Command } from './api.ts';
import { FACILITY_TYPE_LABELS, FACILITY_TYPES, resolveLabel, type FacilityType } from '../../shared/model/kinds.ts';
import { jsonText, UsageError } from './output.ts';

const typeName = (t: FacilityType | 'byLevel' | null, en: boolean): string =>
  t === null
    ? en
      ? '(not planned: map it or leave the rows out)'
      : '（本工具不规划：请对照或不导入）'
    : t === 'byLevel'
      ? en
        ? 'by 医院等级: tertiary / secondary / primary hospital'
        : '按医院等级：三级/二级/一级医院'
      : `${en ? FACILITY_TYPE_LABELS[t].en : FACILITY_TYPE_LABELS[t].zh} (${t})`;

export const typesCommand: Command = {
  usage: "healthplan types <file.hplan> [--set '写法=类型'] [--remove 写法] [--json]",
  summary: {
    zh: '机构类别对照：内置的卫生机构类别名称和代码，以及本方案自己的写法',
    en: "Facility types as written: the built-in 卫生机构类别 names and codes, and the plan's own",
  },
  options: {
    set: { type: 'string', help: "map a written type to one of ours, e.g. --set '社区卫生服务站(中心)=chs_station' / 添加对照" },
    remove: { type: 'string', help: "remove a written type from the plan's table / 删除对照" },
    json: { type: 'boolean', help: 'print JSON / 输出 JSON' },
  },
  async run(svc, file, opts, lang) {
    const en = lang === 'en';
    const set = opts.set as string | undefined;
    const remove = opts.remove as string | undefined;
    const { isSample } = await svc.call('plan.open', { path: path.resolve(file) });
    let r = await svc.call('types.aliases', {});
    if (set) {
      const i = set.lastIndexOf('=');
      const written = i > 0 ? set.slice(0, i).trim() : '';
      const type = i > 0 ? resolveLabel(FACILITY_TYPE_LABELS, set.slice(i + 1)) : undefined;
      if (!written || !type) {
        throw new UsageError(`--set '写法=类型': the type is one of ${FACILITY_TYPES.join(', ')} or its Chinese name / 类型为上列之一或其中文名`);
      }
      r = await svc.call('types.setAlias', { written, type });
    }
    if (remove) r = await svc.call('types.setAlias', { written: remove, type: null });
    if (opts.json) {
      process.stdout.write(jsonText(r, isSample, lang));
      return 0;
    }
    console.log(en ? 'Built in (卫生机构类别, WS 218-2002): code, name → type' : '内置（卫生机构类别，WS 218-2002）：代码 名称 → 类型');
    for (const t of r.builtIn) console.log(`  ${t.code} ${t.name}${t.aliases.length ? ` / ${t.aliases.join(' / ')}` : ''} → ${typeName(t.type, en)}`);
    console.log(en ? `\nThe plan's own (${r.plan.length}):` : `\n本方案的对照（${r.plan.length} 条）：`);
    for (const a of r.plan) console.log(`  ${a.written} → ${typeName(a.type, en)}`);
    return 0;
  },
};
