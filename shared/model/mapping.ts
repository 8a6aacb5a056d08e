/**
 * Column mapping: which field of ours each column of a planner's sheet fills, for every importer
 * (units, facilities, populations by year, siting candidates, projects).
 *
 * `proposeMapping` reads the headers (and the first rows' values) and says, column by column, what it
 * would fill and how it knows: `exact` (today's match: key, zh, en or alias after normaliseHeader),
 * `guess` (the header once loosened: brackets, 编码/代码/编号, （乡镇）/乡镇, 数/人数 suffixes, unit
 * words in brackets, English words), `values` (12-digit division codes, coordinates in China's
 * lon/lat ranges, 是/否 columns) or `none` (ignored). A guess never overrides an exact match and no
 * two columns fill one field. `sure` says no confirmation is needed.
 *
 * A confirmed mapping (`ColumnMapping`: header as written → field key, or null = ignore) is completed
 * with the exact matches for the headers it does not name (`resolveMapping`) and applied by renaming
 * the header cells to the names the parsers read (`applyMapping`), so the parsers stay as they are.
 * Pure: no Node, no DOM.
 */
import { normaliseHeader } from './cells.ts';
import { TABLE_COLUMNS, type ColumnType } from './columns.ts';
import { CANDIDATE_COLUMNS } from './parse-candidates.ts';
import { groupHeaderNames, matchHeader } from './parse-headers.ts';
import { POPULATION_SHEET_COLUMNS, roleOf } from './parse-populations.ts';
import type { SheetData } from './sheet.ts';

export { SHEET_KINDS, type ColumnMapping, type MappingHow, type MappingProposal, type ProposedColumn, type SheetKind } from './mapping-types.ts';
import type { ColumnMapping, MappingProposal, ProposedColumn, SheetKind } from './mapping-types.ts';

/** A field a sheet's column can fill. */
export interface MappingField {
  key: string;
  zh: string;
  en: string;
  aliases: readonly string[];
  required?: boolean;
  type?: ColumnType;
}

/** How a kind of sheet names its fields: the exact match of a header, and the header a field is renamed to. */
export interface SheetKindSpec {
  fields: readonly MappingField[];
  /** The field a header names exactly, or null. */
  exact(header: string): string | null;
  /** Whether a field key is one of the kind's (populations also take 'YYYY:field' for a year's column). */
  isField(key: string): boolean;
  /** The header the kind's parser reads for a field. */
  headerFor(field: string): string;
  /** A header the kind knows and does not read (populations' 名称, written by its export for reading): passed over with no confirmation, as 序号/备注 are. */
  ignorable?(header: string): boolean;
}

// ---------------------------------------------------------------------------------------------
// The kinds

const namesOf = (f: MappingField) => [f.key, f.zh, f.en, ...f.aliases].map(normaliseHeader).filter(Boolean);

/** A kind whose fields are matched by key, zh, en or alias (the projects sheet registers its fields this way). */
export function specFromFields(fields: readonly MappingField[]): SheetKindSpec {
  const byName = new Map<string, string>();
  for (const f of fields) for (const n of namesOf(f)) if (!byName.has(n)) byName.set(n, f.key);
  const keys = new Set(fields.map((f) => f.key));
  return {
    fields,
    exact: (h) => byName.get(normaliseHeader(h)) ?? null,
    isField: (k) => keys.has(k),
    headerFor: (k) => fields.find((f) => f.key === k)?.zh ?? k,
  };
}

function tableSpec(table: 'units' | 'facilities'): SheetKindSpec {
  const cols = TABLE_COLUMNS[table];
  return {
    ...specFromFields(cols),
    exact: (h) => {
      const i = matchHeader(table, h);
      return i < 0 ? null : cols[i]!.key;
    },
  };
}

const POPULATION_FIELDS: readonly MappingField[] = POPULATION_SHEET_COLUMNS.filter((c) => c.key !== 'name').map((c) => ({ ...c, required: c.key === 'code' }));
const POP_YEAR_FIELD_RE = /^(\d{4}):(population|population_0_3|population_65_plus)$/;
/**
 * The populations export's 名称 (name, Name): for reading, never imported. Only the names our own sheet
 * writes: a planner's 街道（乡镇） column may hold the codes, and is left to the guess from its values.
 */
const POP_NAME_HEADERS = new Set(
  POPULATION_SHEET_COLUMNS.filter((c) => c.key === 'name')
    .flatMap((c) => [c.key, c.zh, c.en])
    .map(normaliseHeader),
);
const populationSpec: SheetKindSpec = {
  fields: POPULATION_FIELDS,
  ignorable: (h) => roleOf(h) === null && POP_NAME_HEADERS.has(normaliseHeader(h)),
  exact: (h) => {
    const r = roleOf(h);
    if (!r) return null;
    return r.kind === 'field' ? (r.year ? `${r.year}:${r.field}` : r.field) : r.kind;
  },
  isField: (k) => POPULATION_FIELDS.some((f) => f.key === k) || POP_YEAR_FIELD_RE.test(k),
  headerFor: (k) => {
    const y = POP_YEAR_FIELD_RE.exec(k);
    if (y) return `${y[1]}年${POPULATION_FIELDS.find((f) => f.key === y[2])!.zh}`;
    return POPULATION_FIELDS.find((f) => f.key === k)?.zh ?? k;
  },
};

const candidateSpec: SheetKindSpec = specFromFields(
  CANDIDATE_COLUMNS.map((c) => ({
    key: c.def.key,
    zh: c.def.zh,
    en: c.def.en,
    aliases: c.names,
    required: c.def.key === 'lon' || c.def.key === 'lat',
    type: c.def.type,
  })),
);

const specs = new Map<SheetKind, SheetKindSpec>([
  ['units', tableSpec('units')],
  ['facilities', tableSpec('facilities')],
  ['populations', populationSpec],
  ['candidates', candidateSpec],
]);

/** Registers (or replaces) a kind's fields: the projects sheet does, where its columns are defined. */
export function registerSheetKind(kind: SheetKind, spec: SheetKindSpec): void {
  specs.set(kind, spec);
}

/** The kind's fields and matching, or null when no importer has registered it (yet). */
export function sheetKindSpec(kind: SheetKind): SheetKindSpec | null {
  return specs.get(kind) ?? null;
}

function specOf(kind: SheetKind): SheetKindSpec {
  const s = specs.get(kind);
  if (!s) throw new Error(`no fields registered for sheets of kind ${kind}`);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Guessing from the header

/** Headers that are never data of ours: passing over them needs no confirmation (a kind's own: SheetKindSpec.ignorable). */
const IGNORABLE = new Set(
  ['序号', '序', '行号', '备注', '说明', '附注', '填报说明', 'no', 'no.', '#', 'remark', 'remarks', 'note', 'notes'].map(normaliseHeader),
);
export const isIgnorableHeader = (h: string, kind?: SheetKind): boolean =>
  IGNORABLE.has(normaliseHeader(h)) || (kind !== undefined && (specs.get(kind)?.ignorable?.(h) ?? false));

/** Unit words that may stand in brackets after a header (not 万人: that would change the numbers). */
const UNIT_IN_BRACKETS_RE = /\((?:人|张|辆|个|名|床|所|家|间|位|平方米|平方千米|平方公里|km2|km²|m2|m²|㎡|°|度|%|年)\)$/;
const BRACKETS_RE = /[()[\]【】〔〕<>《》「」]/g;
const PREFIX_RE = /^(?:所在|所属|所处)/;
const COUNT_SUFFIX_RE = /(?:人数|张数|个数|数量|数)$/;

/**
 * A header loosened for a guess: half-width, no spaces, no unit in brackets, no brackets (their words
 * kept), 编码/编号 read as 代码, 乡镇街道 as 街道乡镇, no 所在/所属 before it, no 数/人数 after it.
 */
export function looseHeader(h: string): string {
  let s = normaliseHeader(h).replace(UNIT_IN_BRACKETS_RE, '').replace(BRACKETS_RE, '');
  s = s
    .replace(/编码|编号/g, '代码')
    .replace(/乡镇街道/g, '街道乡镇')
    .replace(/乡镇\/街道|街道\/乡镇/g, '街道乡镇')
    .replace(PREFIX_RE, '');
  if (s.length > 2) s = s.replace(COUNT_SUFFIX_RE, '');
  return s;
}

/** English words planners' sheets use for our fields (beyond each field's key and English header). */
const ENGLISH: Partial<Record<SheetKind, Record<string, string>>> = {
  units: {
    longitude: 'lon',
    latitude: 'lat',
    lon: 'lon',
    lng: 'lon',
    pop: 'population',
    population: 'population',
    parent: 'parent_code',
    area: 'area_km2',
    unitcode: 'code',
  },
  facilities: {
    longitude: 'lon',
    latitude: 'lat',
    lng: 'lon',
    beds: 'beds_open',
    bed: 'beds_open',
    openbeds: 'beds_open',
    approvedbeds: 'beds_approved',
    doctors: 'physicians',
    doctor: 'physicians',
    physician: 'physicians',
    gp: 'gps',
    nurse: 'nurses',
    unit: 'unit_code',
    unitcode: 'unit_code',
    facility: 'name',
    facilityname: 'name',
    facilitytype: 'type',
    ambulance: 'ambulances',
  },
  populations: { unitcode: 'code', pop: 'population', population: 'population' },
  candidates: { longitude: 'lon', latitude: 'lat', site: 'name' },
};

const looseIndexes = new Map<SheetKindSpec, Map<string, string | null>>();
/** Every field name of a kind, loosened; a loosened name two fields share is dropped (null). */
function looseIndex(spec: SheetKindSpec): Map<string, string | null> {
  let idx = looseIndexes.get(spec);
  if (idx) return idx;
  idx = new Map();
  for (const f of spec.fields) {
    for (const name of [f.key, f.zh, f.en, ...f.aliases]) {
      const n = looseHeader(name);
      if (!n) continue;
      const prev = idx.get(n);
      idx.set(n, prev === undefined || prev === f.key ? f.key : null);
    }
  }
  looseIndexes.set(spec, idx);
  return idx;
}

/** The field a header seems to name once loosened, or null. */
export function guessFromHeader(kind: SheetKind, header: string): string | null {
  const spec = specOf(kind);
  const n = normaliseHeader(header);
  if (!n) return null;
  const english = ENGLISH[kind]?.[n.replace(/[^a-z]/g, '')];
  if (english && spec.isField(english)) return english;
  const idx = looseIndex(spec);
  const direct = idx.get(looseHeader(header));
  if (direct) return direct;
  // A two-row header (卫生技术人员/全科医生人数, sheet-layout.ts): the sub-header alone, then with its group.
  for (const name of groupHeaderNames(n)) {
    const f = idx.get(looseHeader(name));
    if (f) return f;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Guessing from the values

const DIVISION_CODE_RE = /^\d{12}$/;
const DECIMAL_RE = /^-?\d{1,3}\.\d{3,}$/;
const BOOL_WORDS = new Set(['是', '否', '有', '无', 'y', 'n', '√', '×', 'yes', 'no']);

type ValueShape = 'divisionCode' | 'lon' | 'lat' | 'bool' | null;

/** What the non-empty values of a column all look like (at least 2 of them). */
function shapeOf(values: readonly string[]): ValueShape {
  const v = values.filter((s) => s.length > 0);
  if (v.length < 2) return null;
  if (v.every((s) => DIVISION_CODE_RE.test(s))) return 'divisionCode';
  if (v.every((s) => DECIMAL_RE.test(s))) {
    const nums = v.map(Number);
    // China: longitude 73°–136° E, latitude 3°–54° N (the ranges do not overlap).
    if (nums.every((x) => x >= 73 && x <= 136)) return 'lon';
    if (nums.every((x) => x >= 3 && x <= 54)) return 'lat';
  }
  if (v.every((s) => BOOL_WORDS.has(s.toLowerCase()))) return 'bool';
  return null;
}

/** How many characters of the header's loosened form appear in the field's names (for 是/否 columns). */
function closeness(header: string, f: MappingField): number {
  const h = new Set(looseHeader(header).replace(/^是否/, ''));
  let best = 0;
  for (const name of [f.zh, ...f.aliases]) {
    const n = new Set(looseHeader(name).replace(/^(?:是否有|是否|有)/, ''));
    let common = 0;
    for (const c of h) if (n.has(c)) common++;
    best = Math.max(best, common);
  }
  return best;
}

function guessFromValues(kind: SheetKind, spec: SheetKindSpec, header: string, values: readonly string[], taken: ReadonlySet<string>): string | null {
  const shape = shapeOf(values);
  const free = (k: string) => spec.isField(k) && !taken.has(k);
  switch (shape) {
    case 'divisionCode': {
      // A 12-digit 统计用区划代码: a unit's own or its parent's code; the unit a facility or a figure belongs to.
      const order =
        kind === 'units'
          ? /上级|所属|父|parent/i.test(header)
            ? ['parent_code', 'code']
            : ['code', 'parent_code']
          : kind === 'facilities'
            ? ['unit_code']
            : kind === 'populations'
              ? ['code']
              : [];
      return order.find(free) ?? null;
    }
    case 'lon':
    case 'lat':
      return free(shape) ? shape : null;
    case 'bool': {
      let best: { key: string; score: number } | null = null;
      for (const f of spec.fields) {
        if (f.type !== 'bool' || taken.has(f.key)) continue;
        const score = closeness(header, f);
        if (score > 0 && (!best || score > best.score)) best = { key: f.key, score };
      }
      return best?.key ?? null;
    }
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The proposal

/** The layout of a sheet: its non-empty headers, normalised, in order (the same layout next time has the same one). */
export function signature(_kind: SheetKind, headers: readonly (string | undefined)[]): string {
  return headers
    .map((h) => normaliseHeader(h ?? ''))
    .filter(Boolean)
    .join('|');
}

const HEADER_SEARCH_ROWS = 10;

/**
 * Where the header row is: the first row, unless a row below it (a title above, up to 10 rows down)
 * names more of the kind's fields exactly.
 */
export function locateHeader(kind: SheetKind, sheet: SheetData): number {
  const spec = specOf(kind);
  const exactCount = (row: readonly (string | undefined)[]) => row.filter((h) => h && spec.exact(h) !== null).length;
  let best = { index: -1, n: exactCount(sheet.headers) };
  const n = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < n; i++) {
    const c = exactCount(sheet.rows[i]!);
    if (c > best.n) best = { index: i, n: c };
  }
  return best.index;
}

export function headerRowOf(sheet: SheetData, headerIndex: number): string[] {
  return (headerIndex < 0 ? sheet.headers : (sheet.rows[headerIndex] ?? [])).map((h) => (h ?? '').trim());
}

/** The first data rows under the header row (empty rows skipped), at most `n`. */
export function previewRows(sheet: SheetData, headerIndex: number, n = 5): string[][] {
  const out: string[][] = [];
  for (let r = headerIndex + 1; r < sheet.rows.length && out.length < n; r++) {
    const cells = sheet.rows[r]!.map((c) => (c ?? '').trim());
    if (cells.some(Boolean)) out.push(cells);
  }
  return out;
}

/** What each column of a sheet would fill (see the file's header). `firstRows`: the data rows under the headers. */
export function proposeMapping(
  kind: SheetKind,
  headers: readonly (string | undefined)[],
  firstRows: readonly (readonly (string | undefined)[])[],
  headerIndex = -1,
): MappingProposal {
  const spec = specOf(kind);
  const rows = firstRows.slice(0, 20);
  const columns: ProposedColumn[] = headers.map((raw, index) => ({
    index,
    header: (raw ?? '').trim(),
    field: null,
    how: 'none',
    sample: rows.slice(0, 5).map((r) => (r[index] ?? '').trim()),
  }));
  const taken = new Map<string, string>(); // field → header
  const duplicates: MappingProposal['duplicates'] = [];
  // Exact matches first: a guess never takes a field a header names exactly.
  for (const c of columns) {
    if (!c.header) continue;
    const f = spec.exact(c.header);
    if (f === null) continue;
    const first = taken.get(f);
    if (first !== undefined) {
      duplicates.push({ header: c.header, field: f, firstHeader: first });
      c.how = 'exact';
      continue;
    }
    taken.set(f, c.header);
    c.field = f;
    c.how = 'exact';
  }
  const open = columns.filter((c) => c.header && c.how === 'none' && !isIgnorableHeader(c.header, kind));
  for (const c of open) {
    const f = guessFromHeader(kind, c.header);
    if (f === null || taken.has(f)) continue;
    taken.set(f, c.header);
    c.field = f;
    c.how = 'guess';
  }
  for (const c of open) {
    if (c.field !== null) continue;
    const values = rows.map((r) => (r[c.index] ?? '').trim());
    const f = guessFromValues(kind, spec, c.header, values, new Set(taken.keys()));
    if (f === null) continue;
    taken.set(f, c.header);
    c.field = f;
    c.how = 'values';
  }
  const missingRequired = spec.fields.filter((f) => f.required && !taken.has(f.key)).map(({ key, zh, en }) => ({ key, zh, en }));
  const sure =
    missingRequired.length === 0 && duplicates.length === 0 && columns.every((c) => !c.header || c.how === 'exact' || isIgnorableHeader(c.header, kind));
  return { kind, columns, missingRequired, duplicates, sure, signature: signature(kind, headers), headerIndex };
}

/** The proposal for a whole sheet: the header row found (title rows above it passed over), then `proposeMapping`. */
export function proposeForSheet(kind: SheetKind, sheet: SheetData): MappingProposal {
  const headerIndex = locateHeader(kind, sheet);
  return proposeMapping(kind, headerRowOf(sheet, headerIndex), previewRows(sheet, headerIndex, 20), headerIndex);
}

/** The proposal as a mapping: every non-empty header → its field or null. */
export function mappingOf(p: MappingProposal): ColumnMapping {
  const m: ColumnMapping = {};
  for (const c of p.columns) if (c.header) m[c.header] = c.field;
  return m;
}

/** Whether the proposal guessed anything (a column filled from a loosened header or from its values). */
export const hasGuesses = (p: MappingProposal): boolean => p.columns.some((c) => c.how === 'guess' || c.how === 'values');

// ---------------------------------------------------------------------------------------------
// A confirmed mapping

export interface MappingProblem {
  header: string | null;
  zh: string;
  en: string;
}

/**
 * A planner's mapping completed for a sheet's headers: the headers it names get what it says (matched
 * after normaliseHeader); the others their exact match, if that field is still free, else nothing.
 * Problems: a header the file does not have, a field the kind does not have, two headers for one field.
 */
export function resolveMapping(
  kind: SheetKind,
  headers: readonly (string | undefined)[],
  given: ColumnMapping,
): { mapping: ColumnMapping; problems: MappingProblem[] } {
  const spec = specOf(kind);
  const problems: MappingProblem[] = [];
  const byNorm = new Map<string, string>();
  for (const h of headers) {
    const t = (h ?? '').trim();
    if (t && !byNorm.has(normaliseHeader(t))) byNorm.set(normaliseHeader(t), t);
  }
  const mapping: ColumnMapping = {};
  const taken = new Map<string, string>();
  for (const [h, field] of Object.entries(given)) {
    const inFile = byNorm.get(normaliseHeader(h));
    if (inFile === undefined) {
      problems.push({
        header: h,
        zh: `列对应中的「${h}」在文件的表头中没有：请核对列名（表头为：${[...byNorm.values()].join('、')}）`,
        en: `The mapping names a column "${h}" the file's headers do not have (they are: ${[...byNorm.values()].join(', ')})`,
      });
      continue;
    }
    if (field !== null && !spec.isField(field)) {
      const keys = spec.fields.map((f) => `${f.key}（${f.zh}）`).join('、');
      problems.push({
        header: inFile,
        zh: `列对应把「${inFile}」对应到「${field}」，但这类表没有这个字段；可用的字段：${keys}`,
        en: `The mapping gives "${inFile}" the field "${field}", which this kind of sheet does not have; fields: ${spec.fields.map((f) => f.key).join(', ')}`,
      });
      continue;
    }
    if (field !== null) {
      const first = taken.get(field);
      if (first !== undefined && first !== inFile) {
        problems.push({
          header: inFile,
          zh: `列对应把「${first}」和「${inFile}」都对应到「${spec.headerFor(field)}」：一个字段只能来自一列`,
          en: `The mapping gives both "${first}" and "${inFile}" the field ${field}; a field comes from one column`,
        });
        continue;
      }
      taken.set(field, inFile);
    }
    mapping[inFile] = field;
  }
  for (const h of byNorm.values()) {
    if (h in mapping) continue;
    const f = spec.exact(h);
    if (f !== null && !taken.has(f)) {
      taken.set(f, h);
      mapping[h] = f;
    } else mapping[h] = null;
  }
  return { mapping, problems };
}

/**
 * The sheet with its header row renamed to what the kind's parser reads: a mapped header becomes its
 * field's header, an ignored one (null, or not in the mapping) becomes empty. Data rows are kept as
 * they are (and so their row numbers). `renamed`: the parser's header → the header as written.
 */
export function applyMapping(kind: SheetKind, sheet: SheetData, mapping: ColumnMapping, headerIndex = -1): { sheet: SheetData; renamed: Map<string, string> } {
  const spec = specOf(kind);
  const byNorm = new Map<string, string | null>();
  for (const [h, f] of Object.entries(mapping)) byNorm.set(normaliseHeader(h), f);
  const renamed = new Map<string, string>();
  const rename = (cells: readonly string[]) =>
    cells.map((raw) => {
      const h = (raw ?? '').trim();
      if (!h) return '';
      const f = byNorm.get(normaliseHeader(h));
      if (f === undefined || f === null) return '';
      const to = spec.headerFor(f);
      renamed.set(to, h);
      return to;
    });
  if (headerIndex < 0) return { sheet: { ...sheet, headers: rename(sheet.headers) }, renamed };
  const rows = sheet.rows.slice();
  rows[headerIndex] = rename(rows[headerIndex]!);
  // The title rows above could match a field by chance: they are emptied so the parser finds the header row.
  return { sheet: { ...sheet, headers: sheet.headers.map(() => ''), rows: rows.map((r, i) => (i < headerIndex ? r.map(() => '') : r)) }, renamed };
}

// ---------------------------------------------------------------------------------------------
// Written down: the CLI's --map and a saved mapping file

/**
 * A mapping as written for the CLI or in a file. Two forms:
 * - `field=header` pairs separated by commas or new lines: `unit_code=所在乡镇（街道）编码,gps=全科医生人数`;
 *   `-=备注` ignores a column;
 * - a JSON object, header → field (null ignores): `{ "所在乡镇（街道）编码": "unit_code", "备注": null }` —
 *   what the app saves and `sheets.mappings` lists.
 * Fields are not checked here (the kind's fields are: resolveMapping).
 */
export function parseMappingSpec(text: string): { mapping: ColumnMapping } | { error: { zh: string; en: string } } {
  const t = text.replace(/^\ufeff/, '').trim();
  if (!t)
    return {
      error: {
        zh: '列对应为空：写作 字段=表头,字段=表头 …，或一个 JSON 文件 { "表头": "字段" }',
        en: 'The mapping is empty: write field=header,field=header … or a JSON file { "header": "field" }',
      },
    };
  if (t.startsWith('{')) {
    let o: unknown;
    try {
      o = JSON.parse(t);
    } catch (e) {
      return { error: { zh: `列对应的 JSON 无法读取：${(e as Error).message}`, en: `The mapping's JSON cannot be read: ${(e as Error).message}` } };
    }
    if (!o || typeof o !== 'object' || Array.isArray(o))
      return { error: { zh: '列对应的 JSON 须是一个对象 { "表头": "字段" }', en: 'The mapping\'s JSON must be an object { "header": "field" }' } };
    const mapping: ColumnMapping = {};
    for (const [h, f] of Object.entries(o as Record<string, unknown>)) {
      if (f !== null && typeof f !== 'string')
        return { error: { zh: `列对应中「${h}」的值须是字段名或 null`, en: `The mapping's value for "${h}" must be a field name or null` } };
      mapping[h] = f === null || f === '' || f === '-' ? null : f;
    }
    return { mapping };
  }
  const mapping: ColumnMapping = {};
  for (const part of t.split(/[,，\n;；]/)) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.search(/[=＝]/);
    if (eq <= 0 || eq === p.length - 1) {
      return {
        error: {
          zh: `列对应「${p}」看不懂：请写作 字段=表头，如 unit_code=所在街道乡镇编码（忽略一列：-=备注）`,
          en: `Cannot read "${p}" in the mapping: write field=header, e.g. unit_code=所在街道乡镇编码 (ignore a column: -=备注)`,
        },
      };
    }
    const field = p.slice(0, eq).trim();
    const header = p.slice(eq + 1).trim();
    mapping[header] = field === '-' ? null : field;
  }
  return { mapping };
}

/** The `field=header,…` form of the columns a proposal fills by a guess (what the CLI prints to confirm). */
export function specOfGuesses(p: MappingProposal): string {
  return p.columns
    .filter((c) => c.field !== null && c.how !== 'exact')
    .map((c) => `${c.field}=${c.header}`)
    .join(',');
}

/** The problem an import gives when its headers need confirming: each guess, each missing required field, and how to confirm. */
export function confirmMessage(p: MappingProposal): { zh: string; en: string } {
  const spec = specOf(p.kind);
  const guesses = p.columns.filter((c) => c.how === 'guess' || c.how === 'values');
  const how = (c: ProposedColumn) => (c.how === 'values' ? '（按数值判断）' : '');
  const zhGuess = guesses.map((c) => `列「${c.header}」将作为「${spec.headerFor(c.field!)}」${how(c)}`).join('；');
  const enGuess = guesses.map((c) => `column "${c.header}" would be read as ${c.field}${c.how === 'values' ? ' (from its values)' : ''}`).join('; ');
  const missZh = p.missingRequired.length ? `；仍缺少必填列：${p.missingRequired.map((m) => `「${m.zh}」`).join('、')}` : '';
  const missEn = p.missingRequired.length ? `; required columns still missing: ${p.missingRequired.map((m) => m.key).join(', ')}` : '';
  const spec2 = specOfGuesses(p);
  return {
    zh: `表头需要确认：${zhGuess}${missZh}。未写入任何数据。请在程序的导入对话框中确认列对应，或在命令行加 --map '${spec2}'（可改动后使用）`,
    en: `The headers need confirming: ${enGuess}${missEn}. Nothing was written. Confirm the column mapping in the app's import dialog, or on the command line add --map '${spec2}' (change it as needed)`,
  };
}

// ---------------------------------------------------------------------------------------------
// An import's mapping: given, remembered, sure, or to be confirmed

export interface SettledSheet {
  /** The sheet the kind's parser reads (headers renamed when a mapping was followed). */
  sheet: SheetData;
  proposal: MappingProposal;
  /** The mapping followed (completed with the exact matches), and where it came from; null: the headers as they are. */
  used: { source: 'given' | 'remembered'; mapping: ColumnMapping } | null;
  /** The parser's header → the header as written (to report columns as the planner wrote them). */
  renamed: Map<string, string>;
  /** Why the given mapping cannot be followed (its header row is `proposal.headerIndex + 2`). */
  problems: MappingProblem[];
  /** No mapping was given or remembered and the proposal guessed: nothing is imported before the planner confirms. */
  needsConfirming: boolean;
}

/**
 * What an import reads: a given mapping as it is; else the one remembered for the layout; else the
 * headers as they are — unless a column would be filled by a guess, which the planner confirms first.
 * (Headers that name nothing and guess nothing are passed over as before, and a missing required
 * column is the parser's refusal, with the proposal beside it.)
 */
export function settleMapping(kind: SheetKind, sheet: SheetData, given?: ColumnMapping | null, remembered?: ColumnMapping | null): SettledSheet {
  const proposal = proposeForSheet(kind, sheet);
  const headers = headerRowOf(sheet, proposal.headerIndex);
  const asIs: SettledSheet = { sheet, proposal, used: null, renamed: new Map(), problems: [], needsConfirming: false };
  for (const [source, m] of [
    ['given', given],
    ['remembered', remembered],
  ] as const) {
    if (!m) continue;
    const { mapping, problems } = resolveMapping(kind, headers, m);
    if (problems.length) {
      if (source === 'given') return { ...asIs, problems };
      continue; // a remembered mapping that no longer fits: proposed afresh
    }
    const applied = applyMapping(kind, sheet, mapping, proposal.headerIndex);
    return { ...asIs, sheet: applied.sheet, renamed: applied.renamed, used: { source, mapping } };
  }
  return { ...asIs, needsConfirming: !proposal.sure && hasGuesses(proposal) };
}
