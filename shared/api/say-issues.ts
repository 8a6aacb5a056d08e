/**
 * A refused argument in the planner's words: turns zod issues (path + kind) into one zh and one en
 * sentence that names the field as the planner knows it — a target by its name, a facility column by
 * its Chinese header, an argument of the service by a short dictionary — and says the fix.
 * "set.targets.0.min — Too small: expected number to be >=0" becomes
 * "指标「每千常住人口床位数」的「要求值」不能小于 0，请填写 0 或更大的数".
 * The raw issues stay in ApiError.details for programs; the sentences go in message/messageEn.
 */
import { ApiError } from './errors.ts';
import { FACILITY_COLUMNS, UNIT_COLUMNS } from '../model/columns.ts';
import { PERCENT_COLUMNS } from '../model/cells.ts';
import { FACILITY_TYPE_LABELS, SERVICE_STANDARD_LABELS, UNIT_KIND_LABELS } from '../model/kinds.ts';

/** The parts of a zod issue the sentences read (zod's own type, but plain data as it travels in `details`). */
export interface IssueLike {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  values?: readonly unknown[];
  options?: readonly unknown[];
  format?: string;
  pattern?: string;
  keys?: readonly string[];
  divisor?: number | bigint;
  note?: string;
}

export interface Said {
  zh: string;
  en: string;
}

type Words = Record<string, Said>;
const w = (zh: string, en: string): Said => ({ zh, en });

/** The service's arguments as the screens and the CLI name them. */
const ARG_WORDS: Words = {
  scenarioId: w('情景', 'scenario'),
  scenarioIds: w('情景', 'scenarios'),
  compareId: w('对比情景', 'scenario compared'),
  standardId: w('标准', 'standard set'),
  set: w('标准', 'standard set'),
  from: w('复制自', 'copy from'),
  copyFrom: w('复制自', 'copy from'),
  year: w('年份', 'year'),
  fromYear: w('起始年份', 'from year'),
  toYear: w('截止年份', 'to year'),
  level: w('层级', 'level'),
  scope: w('测算层级', 'scope'),
  onlyShort: w('只看不足', 'only shortfalls'),
  types: w('机构类型', 'facility types'),
  type: w('机构类型', 'facility type'),
  kinds: w('单位类型', 'unit kinds'),
  existingTypes: w('现有机构类型', 'existing facility types'),
  upgrade: w('可升级的机构类型', 'facility types to upgrade'),
  urbanMinutes: w('城镇时限（分钟）', 'urban minutes'),
  ruralMinutes: w('农村时限（分钟）', 'rural minutes'),
  minutes: w('分钟数', 'minutes'),
  direction: w('方向', 'direction'),
  dispatchMinutes: w('出车时间（分钟）', 'dispatch minutes'),
  demand: w('需求点', 'demand points'),
  gridMeters: w('网格大小（米）', 'grid size (m)'),
  measure: w('计算方式', 'measure'),
  model: w('选址模型', 'siting model'),
  k: w('新增数量', 'number of new sites'),
  cutoffMinutes: w('最长计入时间（分钟）', 'cut-off minutes'),
  within: w('选址范围', 'area'),
  exclude: w('排除区域', 'excluded units'),
  candidates: w('候选点', 'candidate sites'),
  sites: w('候选点表', 'listed sites'),
  generateMeters: w('生成间距（米）', 'spacing of generated sites (m)'),
  capacity: w('服务容量', 'capacity'),
  exact: w('求解方式', 'solver'),
  timeLimitSeconds: w('求解时限（秒）', 'time limit (s)'),
  budget: w('预算', 'budget'),
  costs: w('单位成本', 'unit costs'),
  cost: w('投资（万元）', 'cost (10,000 yuan)'),
  money: w('资金（元）', 'money (yuan)'),
  beds: w('床位', 'beds'),
  physicians: w('医师', 'physicians'),
  nurses: w('护士', 'nurses'),
  gps: w('全科医生', 'GPs'),
  ambulances: w('救护车', 'ambulances'),
  m2PerBed: w('床均业务用房面积（平方米）', 'floor area per bed (m²)'),
  lines: w('配置明细', 'allocation lines'),
  resource: w('资源', 'resource'),
  amount: w('数量', 'amount'),
  facility: w('机构', 'facility'),
  unit: w('单位', 'unit'),
  units: w('单位', 'units'),
  facilities: w('机构', 'facilities'),
  commitments: w('已定项目', 'commitments'),
  deltas: w('变化量', 'changes'),
  fields: w('新机构', 'new facility'),
  project: w('规划项目', 'project'),
  kind: w('类型', 'kind'),
  name: w('名称', 'name'),
  path: w('文件路径', 'file path'),
  file: w('文件', 'file'),
  fileName: w('文件名', 'file name'),
  dataBase64: w('文件内容', 'file contents'),
  crs: w('坐标系', 'coordinate system'),
  dryRun: w('只检查', 'dry run'),
  replace: w('替换', 'replace'),
  table: w('表', 'table'),
  field: w('列', 'column'),
  value: w('值', 'value'),
  code: w('区划代码', 'unit code'),
  id: w('编号', 'id'),
  limit: w('条数上限', 'limit'),
  bbox: w('地图范围', 'map extent'),
  job: w('任务', 'job'),
  speeds: w('道路速度', 'road speeds'),
  figures: w('人口数据', 'population figures'),
  population: w('常住人口', 'population'),
  format: w('格式', 'format'),
  lang: w('语言', 'language'),
  lon: w('经度', 'longitude'),
  lat: w('纬度', 'latitude'),
  note: w('说明', 'note'),
  purpose: w('用途', 'purpose'),
  source: w('来源', 'source'),
};

/** The fields of a standard set and of its targets, as the standards editor labels its inputs. */
const SET_WORDS: Words = {
  id: w('编号', 'id'),
  name: w('名称', 'name'),
  nameEn: w('英文名称', 'English name'),
  year: w('年份', 'year'),
  documents: w('文件', 'documents'),
  targets: w('指标', 'targets'),
  note: w('说明', 'note'),
  appliesTo: w('适用地区', 'applies to'),
  number: w('文号', 'document number'),
  title: w('标题', 'title'),
};
const TARGET_WORDS: Words = {
  min: w('要求值', 'required value'),
  per: w('每多少人', 'per residents'),
  urbanMinutes: w('城镇分钟数', 'urban minutes'),
  ruralMinutes: w('农村分钟数', 'rural minutes'),
  name: w('名称', 'name'),
  nameEn: w('英文名称', 'English name'),
  year: w('年份', 'year'),
  note: w('说明', 'note'),
  named: w('各单位要求', "units' minimums"),
  unit: w('计量单位', 'unit'),
  id: w('编号', 'id'),
  kind: w('指标类型', 'kind of target'),
  group: w('分组', 'group'),
  facilityTypes: w('机构类型', 'facility types'),
  unitKinds: w('单位类型', 'unit kinds'),
  scopes: w('评估层级', 'levels'),
  measure: w('所用数据', 'measure'),
  population: w('人口口径', 'population'),
  perPopulation: w('每多少人设 1 个', 'one per residents'),
  source: w('出处', 'source'),
  document: w('文号', 'document'),
  clause: w('条款', 'clause'),
  text: w('原文', 'text'),
  relativeTo: w('相对于', 'relative to'),
  where: w('条件', 'condition'),
  field: w('条件列', 'condition column'),
  op: w('比较方式', 'comparison'),
  value: w('条件值', 'condition value'),
  extraAbove: w('人口较多时加设', 'extra above'),
  extra: w('加设数量', 'extra'),
  condition: w('条件', 'condition'),
  reference: w('参考', 'reference'),
  expectedFrom: w('应有数量依据', 'expected from'),
  binding: w('约束性', 'binding'),
};
const COLUMN_WORDS: Words = Object.fromEntries([...UNIT_COLUMNS, ...FACILITY_COLUMNS].map((c) => [c.key, w(c.zh, c.en)]));
/** Facility columns win over unit columns of the same key (name, lon, lat) where a facility is being read. */
const FACILITY_WORDS: Words = Object.fromEntries(FACILITY_COLUMNS.map((c) => [c.key, w(c.zh, c.en)]));

/** Where a path starts: the service's arguments, a standard set, or a facility's fields. */
export type IssueRoot = 'args' | 'set' | 'facility';

interface Field {
  zh: string;
  en: string;
  /** The target the field belongs to, when the path goes through targets.N. */
  target: Record<string, unknown> | null;
  /** The last key of the path (min, urbanMinutes …). */
  key: string | null;
  /** Nothing is at the path in the input (a value left out). */
  absent: boolean;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Names the field at `path` (zh 「…」的「…」, en "… — …"), reading target names from the input. */
function fieldOf(path: readonly PropertyKey[], input: unknown, root: IssueRoot): Field {
  let ctx: 'args' | 'set' | 'target' | 'facility' = root;
  let cur: unknown = input;
  let target: Record<string, unknown> | null = null;
  const zh: string[] = [];
  const en: string[] = [];
  let key: string | null = null;
  const segs = [...path];
  // standards.save's argument is { set }: the set being saved is what the planner sees.
  if (root === 'args' && segs[0] === 'set' && segs.length > 1) {
    ctx = 'set';
    cur = isObj(cur) ? cur.set : undefined;
    segs.shift();
  }
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const next = segs[i + 1];
    if (typeof s === 'number') {
      // An item of a list: 第 4 项 / #4, after the list's name.
      if (zh.length) zh[zh.length - 1] += `第 ${s + 1} 项`;
      else zh.push(`第 ${s + 1} 项`);
      if (en.length) en[en.length - 1] += ` #${s + 1}`;
      else en.push(`item #${s + 1}`);
      cur = Array.isArray(cur) ? cur[s] : undefined;
      continue;
    }
    const k = String(s);
    if ((ctx === 'set' || ctx === 'args') && k === 'targets' && typeof next === 'number') {
      const t = isObj(cur) && Array.isArray(cur.targets) ? cur.targets[next] : undefined;
      target = isObj(t) ? t : null;
      const zhName = target && typeof target.name === 'string' && target.name ? target.name : null;
      const enName = target && typeof target.nameEn === 'string' && target.nameEn ? target.nameEn : zhName;
      zh.push(zhName ? `指标「${zhName}」` : `第 ${next + 1} 个指标`);
      en.push(enName ? `Target '${enName}'` : `target #${next + 1}`);
      cur = t;
      ctx = 'target';
      i++;
      key = null;
      continue;
    }
    const words = ctx === 'target' ? TARGET_WORDS : ctx === 'set' ? SET_WORDS : ctx === 'facility' ? FACILITY_WORDS : ARG_WORDS;
    const said = words[k] ?? (ctx === 'facility' ? undefined : ARG_WORDS[k]) ?? FACILITY_WORDS[k] ?? COLUMN_WORDS[k] ?? w(k, k);
    zh.push(`「${said.zh}」`);
    en.push(said.en);
    key = k;
    cur = isObj(cur) ? cur[k] : undefined;
    // What follows `fields` (a project's new facility) or `set` is read in their own words.
    if (ctx === 'args' && k === 'fields') ctx = 'facility';
    else if (ctx === 'args' && k === 'set') ctx = 'set';
  }
  return {
    zh: zh.join('的'),
    en: cap(en.join(' — ')),
    target,
    key,
    absent: cur === undefined,
  };
}

/** A target's `min` is entered as a percentage for shares, coverage and ratios of one column to another. */
function percentMin(f: Field): boolean {
  const t = f.target;
  // A facility's share column (床位使用率 0.85 = 85%) is said as a percentage too.
  if (!t) return f.key !== null && PERCENT_COLUMNS.has(f.key);
  if (f.key !== 'min') return false;
  if (t.kind === 'share' || t.kind === 'access' || t.kind === 'pooled_share') return true;
  return t.kind === 'facility_min' && (!!t.relativeTo || (typeof t.measure === 'string' && PERCENT_COLUMNS.has(t.measure)));
}

function bound(v: number | bigint | undefined, f: Field, lang: 'zh' | 'en'): string {
  if (v === undefined) return '';
  const n = Number(v);
  const loc = lang === 'zh' ? 'zh-CN' : 'en-US';
  return percentMin(f) ? `${(n * 100).toLocaleString(loc, { maximumFractionDigits: 2 })}%` : n.toLocaleString(loc, { maximumFractionDigits: 6 });
}

/** Values of the enums a planner meets, by their labels; a list of choices is said in one of them or as written. */
const VALUE_WORDS: readonly Record<string, Said>[] = [
  { region: w('全域', 'whole area'), county: w('区县', 'county'), township: w('街道/乡镇', 'street/town'), facility: w('机构', 'facility') },
  { from: w('从机构出发', 'from the facility'), to: w('前往机构', 'to the facility') },
  FACILITY_TYPE_LABELS,
  UNIT_KIND_LABELS,
  SERVICE_STANDARD_LABELS,
];

function valueWords(values: readonly unknown[]): Said[] {
  const keys = values.map(String);
  const dict = VALUE_WORDS.find((d) => keys.every((k) => Object.hasOwn(d, k)));
  return keys.map((k) => (dict ? { zh: dict[k]!.zh, en: dict[k]!.en } : { zh: k, en: k }));
}

const ID_PATTERN = '/^[a-z0-9][a-z0-9_.-]*$/';

function choices(values: readonly unknown[]): Said | null {
  if (values.length === 0 || values.length > 8) return null;
  const words = valueWords(values);
  const zh = words.map((x) => `「${x.zh}」`);
  const en = words.map((x) => `"${x.en}"`);
  return {
    zh: zh.length === 1 ? zh[0]! : `${zh.slice(0, -1).join('、')}或${zh.at(-1)}`,
    en: en.length === 1 ? en[0]! : `${en.slice(0, -1).join(', ')} or ${en.at(-1)}`,
  };
}

/** A custom issue's message: "中文 / English" when it carries both, else as written. */
function customWords(message: string | undefined): Said {
  const m = (message ?? '').trim();
  const dup = /^duplicate target id (.*)$/.exec(m);
  if (dup) return { zh: `编号「${dup[1]}」与另一个指标重复，请改用不同的编号`, en: `the id "${dup[1]}" is used by another target: choose another` };
  const i = m.indexOf(' / ');
  if (i > 0 && /[\u4e00-\u9fff]/.test(m.slice(0, i))) return { zh: m.slice(0, i), en: m.slice(i + 3) };
  return { zh: m, en: m };
}

/** One issue as one sentence in each language. `input` is what was checked (for target names and values left out). */
export function sayIssue(issue: IssueLike, input?: unknown, root: IssueRoot = 'args'): Said {
  const path = issue.path ?? [];
  const f = path.length ? fieldOf(path, input, root) : { zh: '', en: '', target: null, key: null, absent: input === undefined };
  const F = f.zh || (root === 'facility' ? '机构数据' : root === 'set' ? '标准' : '参数');
  const E = f.en || (root === 'facility' ? 'The facility' : root === 'set' ? 'The standard set' : 'The arguments');
  const say = (zh: string, en: string): Said => ({ zh: `${F}${zh}`, en: `${E}: ${en}` });
  const origin = issue.origin ?? 'number';
  const lo = { zh: bound(issue.minimum, f, 'zh'), en: bound(issue.minimum, f, 'en') };
  const hi = { zh: bound(issue.maximum, f, 'zh'), en: bound(issue.maximum, f, 'en') };
  switch (issue.code) {
    case 'too_small':
      if (origin === 'string') {
        return Number(issue.minimum) <= 1
          ? say('不能为空，请填写', 'must not be empty: fill it in')
          : say(`至少要 ${lo.zh} 个字`, `must be at least ${lo.en} characters`);
      }
      if (origin === 'array' || origin === 'set') {
        return Number(issue.minimum) <= 1
          ? say('至少要有一项，请选择或添加', 'needs at least one: choose or add one')
          : say(`至少要有 ${lo.zh} 项`, `needs at least ${lo.en}`);
      }
      return issue.inclusive === false
        ? say(`必须大于 ${lo.zh}，请填写大于 ${lo.zh} 的数`, `must be more than ${lo.en}`)
        : say(`不能小于 ${lo.zh}，请填写 ${lo.zh} 或更大的数`, `must be ${lo.en} or more`);
    case 'too_big':
      if (origin === 'string') return say(`不能超过 ${hi.zh} 个字，请缩短`, `must be at most ${hi.en} characters: shorten it`);
      if (origin === 'array' || origin === 'set') return say(`最多 ${hi.zh} 项，请减少`, `can have at most ${hi.en}: remove some`);
      return issue.inclusive === false
        ? say(`必须小于 ${hi.zh}，请填写小于 ${hi.zh} 的数`, `must be less than ${hi.en}`)
        : say(`不能大于 ${hi.zh}，请填写 ${hi.zh} 或更小的数`, `must be ${hi.en} or less`);
    case 'invalid_type':
      if (f.absent && path.length) return say('未填写，请填写', 'is missing: fill it in');
      switch (issue.expected) {
        case 'int':
          return say('必须是整数，请去掉小数', 'must be a whole number');
        case 'number':
          return say('应为数字，请填写数字（如 12）', 'must be a number, e.g. 12');
        case 'string':
          return say('应为文字', 'must be text');
        case 'boolean':
          return say('应为“是”或“否”', 'must be yes or no');
        case 'array':
          return say('应为一组值（列表）', 'must be a list');
        default:
          return say('的格式不对', 'is not in a form that can be read');
      }
    case 'invalid_value':
    case 'invalid_union': {
      const c = choices(issue.values ?? issue.options ?? []);
      if (c) return say(`只能是${c.zh}`, `must be ${c.en}`);
      return issue.code === 'invalid_union'
        ? say('的格式不对', 'is not in a form that can be read')
        : say('不在可选范围内，请从列表中选择', 'is not one of the choices: pick one from the list');
    }
    case 'invalid_format':
      if (issue.pattern === ID_PATTERN) {
        return say('只能包含小写字母、数字和 _ . -，并以字母或数字开头', 'may hold only lower-case letters, digits and _ . -, starting with a letter or digit');
      }
      return say('的格式不对', 'is not in the expected form');
    case 'not_multiple_of':
      return say(`必须是 ${Number(issue.divisor)} 的倍数`, `must be a multiple of ${Number(issue.divisor)}`);
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).map(String);
      return {
        zh: `${f.zh ? `${f.zh}中` : ''}有无法识别的项：${keys.map((k) => `「${k}」`).join('、')}，请删去`,
        en: `${f.en ? `${f.en}: ` : ''}unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}: remove ${keys.length > 1 ? 'them' : 'it'}`,
      };
    }
    case 'custom': {
      const m = customWords(issue.message);
      return m.zh ? say(`：${m.zh}`, m.en) : say('不符合要求', 'is not valid');
    }
    default:
      return say('无效', 'is not valid');
  }
}

/** Up to `max` issues as one message (the rest counted), zh and en. */
export function sayIssues(issues: readonly IssueLike[], input?: unknown, root: IssueRoot = 'args', max = 3): Said {
  const said = issues.slice(0, max).map((i) => sayIssue(i, input, root));
  const more = issues.length - said.length;
  return {
    zh: `${said.map((s) => s.zh).join('；')}${more > 0 ? `（另有 ${more} 处问题）` : ''}`,
    en: `${said.map((s) => s.en).join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`,
  };
}

/** The ApiError for arguments zod refused: the sentences for the planner, the issues for programs. */
export function invalidArgs(issues: readonly IssueLike[], input?: unknown, root: IssueRoot = 'args', lead?: Said): ApiError {
  const s = sayIssues(issues, input, root);
  return new ApiError('INVALID_ARGS', lead ? `${lead.zh}${s.zh}` : s.zh, lead ? `${lead.en}${s.en}` : s.en, issues);
}
