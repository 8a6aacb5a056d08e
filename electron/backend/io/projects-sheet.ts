/**
 * 规划项目 as a sheet: the columns of the 规划项目 tab (年份, 项目类型, 项目名称, 机构, 变化, 投资, 来源 …)
 * with 责任单位 and 状态, and the columns an import needs to rebuild each project: 编号 (the project's
 * number in the plan), 机构编码 (or 机构名称), 新名称, 机构类型, 经度/纬度 (WGS-84), 所在区划代码, and one
 * column per figure, headed 新增<facility column> (新增实有床位, 新增业务用房面积(平方米) …): for 扩建/升级/迁建
 * the change (a reduction negative), for 新建 the new facility's figure. A new facility's other fields
 * (中医馆, 开业年份 …) go under their facility column header. 变化 is written for reading and not read back.
 *
 * This file only turns projects into rows and rows into ProjectInputs with the row and column of each
 * problem; checking them against the scenario is electron/backend/timeline/import-projects.ts'.
 */
import { cellConverter, CellError, normaliseHeader } from '../../../shared/model/cells.ts';
import { FACILITY_COLUMNS, type ColumnDef } from '../../../shared/model/columns.ts';
import type { Facility } from '../../../shared/model/entities.ts';
import type { ImportProblem } from '../../../shared/model/issues.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';
import type { SheetData } from '../../../shared/model/parse-rows.ts';
import {
  DELTA_FIELDS,
  NEW_FACILITY_FIELDS,
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type Project,
  type ProjectInput,
  type ProjectKind,
  type ProjectStatus,
} from '../../../shared/timeline/project.ts';
import { changesInWords } from '../../../shared/timeline/words.ts';
import { projectsBuilding } from '../../../shared/timeline/project.ts';
import { writeRows, type SheetFormat } from './write-sheet.ts';

export const PROJECT_SHEET_NAME = '规划项目';

const c = (key: string, type: ColumnDef['type'], zh: string, en: string, aliases: string[], note: string, extra: Partial<ColumnDef> = {}): ColumnDef => ({
  key,
  type,
  zh,
  en,
  aliases,
  note,
  ...extra,
});

/** The fixed columns, in the order written. */
export const PROJECT_COLUMNS: readonly ColumnDef[] = [
  c(
    'id',
    'int',
    '编号',
    'No.',
    ['项目编号'],
    "The project's number in the plan: a row with the number of a project of the scenario replaces it; empty adds one",
    { min: 1 },
  ),
  c('year', 'int', '年份', 'Year', ['完成年份', '建成年份', '年度', '计划完成年份'], 'The year it is done (2000–2100)', {
    required: true,
    min: 2000,
    max: 2100,
  }),
  c('kind', 'text', '项目类型', 'Kind', ['类型', '建设性质', '项目类别'], '新建/迁建/扩建/升级/撤并/其他项目', { required: true }),
  c('name', 'text', '项目名称', 'Name', ['名称', '项目'], 'e.g. 新河街道社区卫生服务中心扩建提质 (其他项目: required)'),
  c('facility_id', 'text', '机构编码', 'Facility ID', ['机构代码', '机构id'], 'The facility concerned (新建: the new id, optional; 其他项目: empty)'),
  c(
    'facility',
    'text',
    '机构名称',
    'Facility',
    ['机构', '涉及机构'],
    "The facility by its name when 机构编码 is empty (unique in the scenario); 新建: the new facility's name",
  ),
  c('change', 'text', '变化', 'Changes', [], 'Written for reading; not read back (the figures are in the 新增… columns)'),
  c(
    'cost',
    'number',
    '投资（万元）',
    'Cost (10,000 yuan)',
    ['投资估算（万元）', '投资估算', '总投资（万元）', '投资', '估算投资（万元）'],
    '投资估算 in 万元',
    { min: 0 },
  ),
  c('source_document', 'text', '来源文件', 'Document', ['文件', '文号', '依据文件', '来源'], 'e.g. 开政办发〔2022〕26号'),
  c('source_clause', 'text', '条款', 'Clause', ['依据条款', '来源条款'], 'e.g. §四(一)3'),
  c('note', 'text', '备注', 'Note', ['说明'], ''),
  c('responsible_unit', 'text', '责任单位', 'Responsible unit', ['牵头单位', '责任部门', '实施单位'], 'e.g. 区卫生健康局'),
  c('status', 'text', '状态', 'Status', ['项目状态', '进度'], '计划/在建/完工 (empty: 计划)'),
  c('facility_name', 'text', '新名称', 'New name', ['更名为'], '迁建/升级: the name it takes (empty: keeps its own)'),
  c('type', 'facilityType', '机构类型', 'Type', ['新机构类型', '升级后类型', '升级为'], '新建: its type; 升级: the type it becomes'),
  c('lon', 'number', '经度', 'Longitude', ['东经', '新址经度'], '新建/迁建: the (new) site, WGS-84', { min: -180, max: 180 }),
  c('lat', 'number', '纬度', 'Latitude', ['北纬', '新址纬度'], '新建/迁建: the (new) site, WGS-84', { min: -90, max: 90 }),
  c(
    'unit_code',
    'text',
    '所在区划代码',
    'Unit code',
    ['区划代码', '所在区划编码'],
    '新建/迁建: the unit, when not the one the site stands in; 其他项目: where it is (optional)',
  ),
];

const FIGURE_PREFIX = '新增';
const figureHeader = (key: string) => `${FIGURE_PREFIX}${FACILITY_COLUMNS.find((x) => x.key === key)!.zh}`;
/** Figure columns written even when no project uses them (the template, an empty plan). */
const COMMON_FIGURES = ['beds_open', 'physicians', 'nurses', 'floor_area_m2'];
const DELTAS = new Set<string>(DELTA_FIELDS);

/** The figure and field columns of a sheet: every delta field the projects use (新增…), then a new facility's other fields used. */
function extraColumns(projects: readonly Project[]): ColumnDef[] {
  const used = new Set<string>(projects.length ? [] : COMMON_FIGURES);
  for (const p of projects) for (const k of [...Object.keys(p.deltas), ...Object.keys(p.fields)]) used.add(k);
  const out: ColumnDef[] = [];
  for (const f of FACILITY_COLUMNS) {
    if (!used.has(f.key)) continue;
    if (DELTAS.has(f.key))
      out.push({ ...f, key: `+${f.key}`, zh: figureHeader(f.key), en: `+${f.en}`, aliases: [], required: false, min: undefined, max: undefined });
    else if ((NEW_FACILITY_FIELDS as readonly string[]).includes(f.key)) out.push({ ...f, key: `=${f.key}`, aliases: [], required: false });
  }
  return out;
}

const nameOfBuilt = (p: Project | undefined): string | null => (p ? (p.facility_name ?? p.name) : null);

/** The sheet's rows: what the tab shows, and what the import needs to rebuild each project. */
export function projectSheetRows(projects: readonly Project[], facilities: readonly Facility[]): Record<string, unknown>[] {
  const byId = new Map(facilities.map((f) => [f.id, f]));
  const built = projectsBuilding(projects);
  return projects.map((p) => {
    const f = p.facility_id === null ? undefined : byId.get(p.facility_id);
    const row: Record<string, unknown> = {
      id: p.id,
      year: p.year,
      kind: PROJECT_KIND_LABELS[p.kind].zh,
      name: p.name,
      facility_id: p.kind === 'other' ? null : p.facility_id,
      facility: p.kind === 'new' ? p.facility_name : p.facility_id === null ? null : (f?.name ?? nameOfBuilt(built.get(p.facility_id))),
      change: changesInWords(p, 'zh-CN', f?.type ?? null),
      cost: p.cost,
      source_document: p.source_document,
      source_clause: p.source_clause,
      note: p.note,
      responsible_unit: p.responsible_unit,
      status: PROJECT_STATUS_LABELS[p.status].zh,
      facility_name: p.kind === 'new' ? null : p.facility_name,
      type: p.type,
      lon: p.lon,
      lat: p.lat,
      unit_code: p.unit_code,
    };
    for (const [k, v] of Object.entries(p.deltas)) row[`+${k}`] = v;
    for (const [k, v] of Object.entries(p.fields)) row[DELTAS.has(k) ? `+${k}` : `=${k}`] = v;
    return row;
  });
}

/** The projects as an .xlsx or a CSV that imports back to the same projects. */
export function writeProjectSheet(projects: readonly Project[], facilities: readonly Facility[], format: SheetFormat): Promise<Uint8Array> {
  return writeRows([...PROJECT_COLUMNS, ...extraColumns(projects)], PROJECT_SHEET_NAME, projectSheetRows(projects, facilities), format);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A row of the sheet as a project to check: its number (when given) and the facility by name (when no id). */
export interface SheetProject {
  /** The spreadsheet row (header: 1). */
  row: number;
  id: number | null;
  input: ProjectInput;
  /** 机构名称 when 机构编码 is empty, for a project that concerns a facility already there or built. */
  facilityByName: string | null;
  /** Which header of the file each field came from, to name it in a problem. */
  headers: Record<string, string>;
}

export interface ParsedProjectSheet {
  rows: SheetProject[];
  problems: ImportProblem[];
  columns: Record<string, string>;
  ignoredColumns: string[];
  dataRows: number;
}

const word = (s: string) => normaliseHeader(s);
const KIND_WORDS = new Map<string, ProjectKind>();
for (const k of PROJECT_KINDS) {
  KIND_WORDS.set(word(k), k);
  KIND_WORDS.set(word(PROJECT_KIND_LABELS[k].zh), k);
  KIND_WORDS.set(word(PROJECT_KIND_LABELS[k].en), k);
}
for (const [w, k] of [
  ['新设', 'new'],
  ['新增', 'new'],
  ['迁址', 'relocate'],
  ['迁建新址', 'relocate'],
  ['改扩建', 'expand'],
  ['扩建提质', 'expand'],
  ['提质扩建', 'expand'],
  ['提质升级', 'upgrade'],
  ['升级改造', 'upgrade'],
  ['撤销', 'close'],
  ['关闭', 'close'],
  ['撤并关闭', 'close'],
  ['其他', 'other'],
  ['其它', 'other'],
  ['其它项目', 'other'],
] as const)
  KIND_WORDS.set(word(w), k);
const STATUS_WORDS = new Map<string, ProjectStatus>();
for (const s of PROJECT_STATUSES) {
  STATUS_WORDS.set(word(s), s);
  STATUS_WORDS.set(word(PROJECT_STATUS_LABELS[s].zh), s);
  STATUS_WORDS.set(word(PROJECT_STATUS_LABELS[s].en), s);
}
for (const [w, s] of [
  ['规划', 'planned'],
  ['拟建', 'planned'],
  ['未开工', 'planned'],
  ['建设中', 'building'],
  ['施工中', 'building'],
  ['已开工', 'building'],
  ['已完工', 'done'],
  ['竣工', 'done'],
  ['已建成', 'done'],
  ['建成', 'done'],
] as const)
  STATUS_WORDS.set(word(w), s);

/** Header (normalised) → column: the fixed columns, then 新增<figure>, <figure>增减 and a bare figure, then a new facility's other fields. */
function headerIndex(): Map<string, ColumnDef> {
  const m = new Map<string, ColumnDef>();
  const put = (h: string, col: ColumnDef) => {
    const n = word(h);
    if (!m.has(n)) m.set(n, col);
  };
  for (const col of PROJECT_COLUMNS) {
    put(col.zh, col);
    put(col.key, col);
    put(col.en, col);
    for (const a of col.aliases) put(a, col);
  }
  for (const f of FACILITY_COLUMNS) {
    const names = [f.zh, ...f.aliases, f.en];
    if (DELTAS.has(f.key)) {
      const col: ColumnDef = { ...f, key: `+${f.key}`, zh: figureHeader(f.key), required: false, min: undefined, max: undefined };
      for (const n of names) {
        put(`${FIGURE_PREFIX}${n}`, col);
        put(`${n}增减`, col);
        put(`增加${n}`, col);
      }
      for (const n of names) put(n, col);
    } else if ((NEW_FACILITY_FIELDS as readonly string[]).includes(f.key)) {
      const col: ColumnDef = { ...f, key: `=${f.key}`, required: false };
      for (const n of names) put(n, col);
    }
  }
  return m;
}

const at = (row: number, header: string) => ({ zh: `第 ${row} 行「${header}」`, en: `Row ${row}, column ${header}` });

/** Reads the rows of a projects sheet: types each cell; problems name the row, the column and the fix. */
export function parseProjectSheet(sheet: SheetData): ParsedProjectSheet {
  const index = headerIndex();
  const problems: ImportProblem[] = [];
  const columns: Record<string, string> = {};
  const ignoredColumns: string[] = [];
  const cols: ({ col: ColumnDef; header: string; convert: (raw: string | undefined) => unknown } | null)[] = [];
  const seen = new Map<string, string>();
  sheet.headers.forEach((h, i) => {
    const header = (h ?? '').trim();
    const col = header ? index.get(word(header)) : undefined;
    if (!col || col.key === 'change') {
      if (header && !col) ignoredColumns.push(header);
      cols[i] = null;
      return;
    }
    const before = seen.get(col.key);
    if (before) {
      problems.push({
        row: 1,
        column: header,
        message: `第 1 行：「${header}」与「${before}」是同一列（${col.zh}）：请删去其中一列`,
        messageEn: `Row 1: "${header}" and "${before}" are the same column (${col.en}); delete one of them`,
      });
      cols[i] = null;
      return;
    }
    seen.set(col.key, header);
    columns[header] = col.key;
    cols[i] = { col, header, convert: cellConverter({ ...col, required: false }) };
  });
  for (const need of PROJECT_COLUMNS.filter((x) => x.required)) {
    if (!seen.has(need.key))
      problems.push({
        row: 1,
        column: need.zh,
        message: `表头缺少「${need.zh}」列：每个规划项目都要有${need.zh}（${need.note}）`,
        messageEn: `The header has no "${need.zh}" (${need.en}) column: every project needs one (${need.note})`,
      });
  }
  if (problems.length) return { rows: [], problems, columns, ignoredColumns, dataRows: sheet.rows.length };

  const rows: SheetProject[] = [];
  let dataRows = 0;
  sheet.rows.forEach((cells, r) => {
    const row = r + 2;
    if (cells.every((x) => !x?.trim())) return;
    dataRows++;
    const v: Record<string, unknown> = {};
    const headers: Record<string, string> = {};
    let bad = false;
    cols.forEach((x, i) => {
      if (!x) return;
      const raw = cells[i];
      const value = x.convert(raw);
      if (value instanceof CellError) {
        bad = true;
        const a = at(row, x.header);
        const expect =
          x.col.type === 'int'
            ? '整数'
            : x.col.type === 'number'
              ? '数字'
              : x.col.type === 'facilityType'
                ? '机构类型（如 社区卫生服务中心、乡镇卫生院）'
                : '文本';
        const expectEn =
          x.col.type === 'int'
            ? 'a whole number'
            : x.col.type === 'number'
              ? 'a number'
              : x.col.type === 'facilityType'
                ? 'a facility type (e.g. 社区卫生服务中心)'
                : 'text';
        const range =
          x.col.min !== undefined && x.col.max !== undefined ? `（${x.col.min}–${x.col.max}）` : x.col.min !== undefined ? `（不小于 ${x.col.min}）` : '';
        problems.push({
          row,
          column: x.header,
          value: raw,
          message: `${a.zh}的值「${raw ?? ''}」无效：请填写${expect}${range}`,
          messageEn: `${a.en}: "${raw ?? ''}" is not valid; write ${expectEn}${range ? ` ${range.replace(/[（）]/g, '')}` : ''}`,
        });
        return;
      }
      if (value === null || value === undefined) return;
      v[x.col.key] = value;
      headers[x.col.key] = x.header;
    });
    const year = v.year as number | undefined;
    if (year === undefined && !bad) {
      bad = true;
      const a = at(row, headers.year ?? seen.get('year')!);
      problems.push({
        row,
        column: seen.get('year')!,
        message: `${a.zh}为空：请填写项目完成的年份（如 2025）`,
        messageEn: `${a.en} is empty; write the year the project is done (e.g. 2025)`,
      });
    }
    const kindText = v.kind as string | undefined;
    const kind = kindText === undefined ? undefined : KIND_WORDS.get(word(kindText));
    if (kind === undefined) {
      bad = true;
      const header = seen.get('kind')!;
      const a = at(row, header);
      problems.push(
        kindText === undefined
          ? {
              row,
              column: header,
              message: `${a.zh}为空：请填写 新建、迁建、扩建、升级、撤并 或 其他项目`,
              messageEn: `${a.en} is empty; write 新建, 迁建, 扩建, 升级, 撤并 or 其他项目 (new, relocate, expand, upgrade, close, other)`,
            }
          : {
              row,
              column: header,
              value: kindText,
              message: `${a.zh}的值「${kindText}」不是项目类型：请填写 新建、迁建、扩建、升级、撤并 或 其他项目`,
              messageEn: `${a.en}: "${kindText}" is not a project kind; write 新建, 迁建, 扩建, 升级, 撤并 or 其他项目 (new, relocate, expand, upgrade, close, other)`,
            },
      );
    }
    const statusText = v.status as string | undefined;
    const status = statusText === undefined ? 'planned' : STATUS_WORDS.get(word(statusText));
    if (status === undefined) {
      bad = true;
      const a = at(row, headers.status!);
      problems.push({
        row,
        column: headers.status!,
        value: statusText,
        message: `${a.zh}的值「${statusText}」不是项目状态：请填写 计划、在建 或 完工（空：计划）`,
        messageEn: `${a.en}: "${statusText}" is not a status; write 计划, 在建 or 完工 (planned, building, done; empty: planned)`,
      });
    }
    if (bad || kind === undefined || status === undefined) return;

    const deltas: Record<string, number> = {};
    const fields: Record<string, string | number | boolean | null> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith('+')) (kind === 'new' ? fields : deltas)[k.slice(1)] = x as number;
      else if (k.startsWith('=')) fields[k.slice(1)] = x as string | number | boolean;
    }
    const text = (k: string) => (v[k] as string | undefined) ?? null;
    const input: ProjectInput = {
      year: year!,
      kind,
      name: text('name') ?? undefined,
      lon: (v.lon as number | undefined) ?? null,
      lat: (v.lat as number | undefined) ?? null,
      unit_code: text('unit_code'),
      type: (v.type as FacilityType | undefined) ?? null,
      facility_name: kind === 'new' ? text('facility') : text('facility_name'),
      deltas,
      fields,
      cost: (v.cost as number | undefined) ?? null,
      source_document: text('source_document'),
      source_clause: text('source_clause'),
      note: text('note'),
      responsible_unit: text('responsible_unit'),
      status,
    };
    const fid = text('facility_id');
    if (fid) input.facility_id = fid;
    rows.push({
      row,
      id: (v.id as number | undefined) ?? null,
      input,
      facilityByName: !fid && kind !== 'new' && kind !== 'other' ? text('facility') : null,
      headers,
    });
  });
  return { rows, problems, columns, ignoredColumns, dataRows };
}
