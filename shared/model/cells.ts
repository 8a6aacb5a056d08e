/**
 * One spreadsheet cell ↔ one stored value, for every ColumnType.
 *
 * Reading: `cellConverter(column)` returns a converter precompiled for that column; it maps the text
 * of a cell to its value (null when empty) or to one of the frozen `CellError` sentinels, never
 * allocating on the happy path. Writing: `cellTextFormatter` / `cellXlsxFormatter` give what the export writes, so
 * that the converter reads it back to the same value (enums as Chinese labels, booleans 是/否, 城镇/农村).
 */
import type { ColumnDef } from './columns.ts';
import { ENUM_LABELS } from './columns.ts';
import { resolveLabel } from './kinds.ts';
import { readFacilityType } from './institution-types.ts';

/** Why a cell could not be read. Sentinels, compared by identity; messages are built by the caller. */
export class CellError {
  readonly kind: CellErrorKind;
  constructor(kind: CellErrorKind) {
    this.kind = kind;
    Object.freeze(this);
  }
}
export type CellErrorKind =
  | 'required'
  | 'notNumber'
  | 'notInt'
  | 'belowMin'
  | 'aboveMax'
  | 'badBool'
  | 'badEnum'
  | 'excelError'
  | 'scientificCode'
  | 'badEncoding'
  /** A number with a unit of another column (30张 in a column of 人). */
  | 'wrongUnit'
  /** An estimate (约30, 30左右, 30余, 30+): which number is meant is not known. */
  | 'approximate'
  /** A range (30-40, 30~40, 30至40): which number is meant is not known. */
  | 'range';

const ERR = {
  required: new CellError('required'),
  notNumber: new CellError('notNumber'),
  notInt: new CellError('notInt'),
  belowMin: new CellError('belowMin'),
  aboveMax: new CellError('aboveMax'),
  badBool: new CellError('badBool'),
  badEnum: new CellError('badEnum'),
  excelError: new CellError('excelError'),
  scientificCode: new CellError('scientificCode'),
  badEncoding: new CellError('badEncoding'),
  wrongUnit: new CellError('wrongUnit'),
  approximate: new CellError('approximate'),
  range: new CellError('range'),
} as const satisfies Record<CellErrorKind, CellError>;

export type CellValue = string | number | boolean | null;
export type CellConverter = (raw: string | undefined) => CellValue | CellError;

/** Columns holding a share (1 = 100%) that planners often write as a percentage (85% or 85). */
export const PERCENT_COLUMNS: ReadonlySet<string> = new Set(['bed_occupancy_rate']);
/**
 * The largest share such a column holds: occupancy over 100% is common (extra beds), so a bare
 * number up to 3 is read as a share (1.05 = 105%) and a larger one as a percentage (85 = 85%).
 */
export const SHARE_MAX = 3;
/** Columns holding percentage points (1.2 = 1.2%): a trailing % is the column's own unit and is dropped. */
export const PERCENT_POINT_COLUMNS: ReadonlySet<string> = new Set(['growth_rate']);
/** Text columns holding a code: full-width digits are folded, Excel's ="…" wrapper is removed. */
export const CODE_COLUMNS: ReadonlySet<string> = new Set(['code', 'parent_code', 'unit_code', 'id']);

// ---------------------------------------------------------------------------------------------
// Text normalisation

/** Full-width ASCII (Ａ１（，％…) → half-width, ideographic space → space. Returns `s` itself if none. */
export function toHalfWidth(s: string): string {
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

// biome-ignore lint/suspicious/noMisleadingCharacterClass: U+200D (zero-width joiner) is matched on its own, like the other invisible spaces
const WHITESPACE_RE = /[\s\u200b\u200c\u200d\ufeff]+/g;
const HEADER_EDGE_RE = /^[*※]+|[*※:：]+$/g;

/**
 * The form in which headers are compared: trimmed, full-width folded to half-width, every space and
 * line break removed, a required-field star or trailing colon dropped, lower case.
 */
export function normaliseHeader(h: string): string {
  return toHalfWidth(h).replace(WHITESPACE_RE, '').replace(HEADER_EDGE_RE, '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** True when `s` has only the characters of a plain JS decimal (digits . + - e E). */
function isPlainNumeric(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // 0-9 . - + e E
    if ((c < 48 || c > 57) && c !== 46 && c !== 45 && c !== 43 && c !== 101 && c !== 69) return false;
  }
  return true;
}

const GROUPED_RE = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const INNER_SPACE_RE = /[\s\u00a0]+/g;
const EXCEL_TEXT_RE = /^="(.*)"$/s;
const EXCEL_ERROR_RE = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
/** What Excel shows for a long code it took for a number: 4.30102E+11. */
const SCIENTIFIC_RE = /^\d(?:\.\d+)?e\+\d+$/i;
/** Written in statistical tables for "no data". */
const NO_DATA = new Set(['-', '--', '—', '——', '–', '/', '\\', '－', '／']);
/** A unit of measure after the number (12张, 5 人, 120平方米); 万 multiplies by 10,000 (12.5万人). */
const UNIT_SUFFIX_RE = /(万)?(张|人|辆|个|名|床|所|家|间|位|平方米|平方千米|平方公里|km2|km²|m2|m²|㎡|°|度)?$/;
const COUNT_UNITS = ['人', '张', '辆', '个', '名', '床', '所', '家', '间', '位'];
const PEOPLE = ['人', '名'];
const BEDS = ['张', '床'];
const UNITS_BY_KEY: Record<string, readonly string[]> = {
  area_km2: ['平方公里', '平方千米', 'km2', 'km²'],
  floor_area_m2: ['平方米', 'm2', 'm²', '㎡'],
  lon: ['°', '度'],
  lat: ['°', '度'],
  population: ['人'],
  population_0_3: ['人'],
  population_65_plus: ['人'],
  beds_open: BEDS,
  beds_approved: BEDS,
  physicians: PEOPLE,
  tcm_physicians: PEOPLE,
  gps: PEOPLE,
  public_health_physicians: PEOPLE,
  nurses: PEOPLE,
  pharmacists: PEOPLE,
  public_health_staff: PEOPLE,
  health_technicians: PEOPLE,
  bachelor_or_above: PEOPLE,
  senior_or_intermediate_titles: PEOPLE,
  ambulances: ['辆'],
  childcare_places: ['个', '位', '张'],
};

/**
 * The units a column's values are in, which may follow a number or stand in brackets after the
 * header and are simply dropped. Any other unit would change the number (万人, 公顷, 平方米 in a km²
 * column) or name another thing (30张 in a column of 人) and is refused rather than guessed. A whole-number
 * column not listed here takes any count word (人, 张, 个 …).
 */
export function unitsOf(c: ColumnDef): ReadonlySet<string> {
  if (UNITS_BY_KEY[c.key]) return new Set(UNITS_BY_KEY[c.key]);
  if (PERCENT_COLUMNS.has(c.key) || PERCENT_POINT_COLUMNS.has(c.key)) return new Set(['%']);
  if (YEAR_COLUMNS.has(c.key)) return new Set(['年']);
  return new Set(c.type === 'int' ? COUNT_UNITS : []);
}
/** The unit word after a number, for a message: "30张" → 张 (null when there is none). */
export function unitWordOf(raw: string): string | null {
  const s = toHalfWidth(raw).replace(INNER_SPACE_RE, '');
  const u = UNIT_SUFFIX_RE.exec(s);
  return u?.[2] && u[0].length < s.length ? u[2] : null;
}
/** 约30, 大约30, 近30, ≈30, ~30, 30左右, 30余, 30多, 30+, 30以上/以下 (after toHalfWidth, no spaces). */
const APPROX_RE = /^(?:约|大约|近|将近|≈|~)\d[\d,.]*(?:万)?\D{0,4}$|^\d[\d,.]*(?:万)?(?:左右|上下|余|多|\+|以上|以下|来)\D{0,4}$/;
/** 30-40, 30~40, 30—40, 30至40, 30到40 (after toHalfWidth, no spaces). */
const RANGE_RE = /^\d[\d,.]*(?:万)?\D{0,4}(?:-|~|—|–|－|至|到)\d[\d,.]*(?:万)?\D{0,4}$/;
/** A year written as 2015年, 2015-06-01, 2015/6, 2015年6月1日 (for the year columns). */
const YEAR_RE = /^(\d{4})(?:年|[-/.]\d{1,2}(?:[-/.]\d{1,2})?|年\d{1,2}月(?:\d{1,2}日)?)?$/;
/** Columns holding a year. */
export const YEAR_COLUMNS: ReadonlySet<string> = new Set(['year', 'opened_year']);

export function isExcelError(s: string): boolean {
  return s.charCodeAt(0) === 35 /* # */ && EXCEL_ERROR_RE.test(s);
}

/**
 * Reads a number written the many ways a spreadsheet holds one: `1,234`, `１２３`, ` 12 `, `1 234`,
 * `="12"`. Returns NaN when it is not a number. `percent` receives whether a trailing % was present.
 */
function parseLooseNumber(t: string, percentOut: { percent: boolean; otherUnit: boolean }, units: ReadonlySet<string>, tenThousands: boolean): number {
  percentOut.percent = false;
  percentOut.otherUnit = false;
  if (isPlainNumeric(t)) {
    const v = Number(t);
    return Number.isFinite(v) ? v : NaN;
  }
  let s = toHalfWidth(t).trim();
  const m = EXCEL_TEXT_RE.exec(s);
  if (m) s = m[1]!.trim();
  if (s.endsWith('%')) {
    percentOut.percent = true;
    s = s.slice(0, -1).trim();
  }
  s = s.replace(INNER_SPACE_RE, '');
  let factor = 1;
  const u = UNIT_SUFFIX_RE.exec(s);
  if (u && u[0].length > 0 && u[0].length < s.length) {
    if (u[2] && !units.has(u[2])) {
      // 12平方米 in a km² column, 30张 in a column of 人: not this column's unit
      percentOut.otherUnit = true;
      return NaN;
    }
    if (u[1]) {
      if (!tenThousands) return NaN;
      factor = 10_000;
    }
    s = s.slice(0, s.length - u[0].length);
  }
  if (s.includes(',')) {
    if (!GROUPED_RE.test(s)) return NaN;
    s = s.replaceAll(',', '');
  }
  if (!isPlainNumeric(s)) return NaN;
  const v = Number(s) * factor;
  // 12.5万 → 125000 exactly, not 124999.99999999999.
  return Number.isFinite(v) ? (factor === 1 ? v : Math.round(v * 1e6) / 1e6) : NaN;
}

/** Why a cell is not a number, for a message that says how to fix it (only on the error path). */
function whyNotNumber(s: string, otherUnit: boolean): CellError {
  if (otherUnit) return ERR.wrongUnit;
  const t = toHalfWidth(s).replace(INNER_SPACE_RE, '');
  if (APPROX_RE.test(t)) return ERR.approximate;
  if (RANGE_RE.test(t)) return ERR.range;
  return ERR.notNumber;
}

// ---------------------------------------------------------------------------------------------
// Booleans

const TRUE_WORDS = ['是', '有', '对', 'true', 't', 'yes', 'y', '1', '√', '✓', '✔', '☑'];
const FALSE_WORDS = ['否', '无', '没有', '不是', 'false', 'f', 'no', 'n', '0', '×', '✗', '✘', '☒'];
const URBAN_WORDS = ['城镇', '城市', '城区', '城', 'urban'];
const RURAL_WORDS = ['农村', '乡村', '乡', '农', 'rural'];

function boolTable(key: string): Map<string, boolean> {
  const m = new Map<string, boolean>();
  for (const w of TRUE_WORDS) m.set(w, true);
  for (const w of FALSE_WORDS) m.set(w, false);
  if (key === 'urban') {
    for (const w of URBAN_WORDS) m.set(w, true);
    for (const w of RURAL_WORDS) m.set(w, false);
  }
  return m;
}

/** The labels written for a boolean column: 城镇/农村 for `urban`, 是/否 otherwise. */
export function boolLabels(key: string): { yes: string; no: string; accepted: string[] } {
  return key === 'urban'
    ? { yes: '城镇', no: '农村', accepted: ['城镇', '农村', '城市', '乡村', ...TRUE_WORDS.slice(0, 2), ...FALSE_WORDS.slice(0, 2)] }
    : { yes: '是', no: '否', accepted: ['是', '否', '有', '无', 'Y', 'N', '1', '0', '√', '×', 'true', 'false'] };
}

// ---------------------------------------------------------------------------------------------
// Converters

const EMPTY_TEXT = (s: string | undefined): string => (s === undefined ? '' : s.trim());
/** '=SUM(…) as our CSV export writes text that would start a formula in Excel: the ' goes on import. */
const unquoteFormula = (s: string) => (s.charCodeAt(0) === 39 /* ' */ && /^'[=+\-@]/.test(s) ? s.slice(1) : s);
/** What a decoder puts where bytes were not text in its encoding (a file mixing UTF-8 and GBK rows). */
const UNREADABLE = '\uFFFD';

/**
 * The converter for one column, compiled once. It returns the value (null for an empty optional
 * cell), or a `CellError` sentinel. Enum converters memoise each distinct spelling they see.
 */
export function cellConverter(c: ColumnDef): CellConverter {
  const convert = typedConverter(c);
  // Unreadable bytes say more about the file than about the value: say that, whatever the column.
  return (raw) => (raw?.includes(UNREADABLE) ? ERR.badEncoding : convert(raw));
}

function typedConverter(c: ColumnDef): CellConverter {
  const required = c.required === true;
  const min = c.min ?? -Infinity;
  // Whole numbers beyond 2^53 cannot be held exactly (nor stored as SQLite integers): refuse them.
  const max = c.max ?? (c.type === 'int' ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE);
  switch (c.type) {
    case 'text': {
      if (CODE_COLUMNS.has(c.key)) {
        return (raw) => {
          let s = EMPTY_TEXT(raw);
          if (s.length === 0) return required ? ERR.required : null;
          // An optional code (上级区划代码 of the top unit) may be written as "-" or 无.
          if (!required && (NO_DATA.has(s) || s === '无')) return null;
          s = toHalfWidth(s);
          const m = EXCEL_TEXT_RE.exec(s);
          if (m) s = m[1]!;
          else s = unquoteFormula(s);
          s = s.trim();
          if (s.length === 0) return required ? ERR.required : null;
          if (SCIENTIFIC_RE.test(s)) return ERR.scientificCode;
          if (isExcelError(s)) return ERR.excelError;
          return s;
        };
      }
      return (raw) => {
        const s = EMPTY_TEXT(raw);
        if (s.length === 0) return required ? ERR.required : null;
        if (isExcelError(s)) return ERR.excelError;
        return unquoteFormula(s);
      };
    }
    case 'int':
    case 'number': {
      const isInt = c.type === 'int';
      const percent = PERCENT_COLUMNS.has(c.key);
      const points = PERCENT_POINT_COLUMNS.has(c.key);
      const year = YEAR_COLUMNS.has(c.key);
      const units = unitsOf(c);
      const pct = { percent: false, otherUnit: false };
      return (raw) => {
        const s = EMPTY_TEXT(raw);
        if (s.length === 0 || NO_DATA.has(s)) return required ? ERR.required : null;
        let v = parseLooseNumber(s, pct, units, isInt && !year);
        if (year && (Number.isNaN(v) || !Number.isInteger(v))) {
          const m = YEAR_RE.exec(toHalfWidth(s));
          if (m) v = Number(m[1]);
        }
        if (Number.isNaN(v)) return isExcelError(s) ? ERR.excelError : whyNotNumber(s, pct.otherUnit);
        if (pct.percent && !percent && !points) return ERR.notNumber;
        if (isInt && !Number.isInteger(v)) return ERR.notInt;
        if (v < min) return ERR.belowMin;
        if (v > max) return ERR.aboveMax;
        if (percent && (pct.percent || v > SHARE_MAX)) v = v / 100;
        if (percent && v > SHARE_MAX) return ERR.aboveMax;
        return v === 0 ? 0 : v; // no -0
      };
    }
    case 'bool': {
      const table = boolTable(c.key);
      return (raw) => {
        const s = EMPTY_TEXT(raw);
        if (s.length === 0) return required ? ERR.required : null;
        let b = table.get(s);
        if (b === undefined) b = table.get(toHalfWidth(s).replace(INNER_SPACE_RE, '').toLowerCase());
        if (b === undefined) return isExcelError(s) ? ERR.excelError : ERR.badBool;
        return b;
      };
    }
    case 'unitKind':
    case 'facilityType':
    case 'serviceStandard': {
      const labels = ENUM_LABELS[c.type] as Record<string, { zh: string; en: string; aliases: string[] }>;
      const memo = new Map<string, string | null>();
      return (raw) => {
        const s = EMPTY_TEXT(raw);
        if (s.length === 0) return required ? ERR.required : null;
        let k = memo.get(s);
        if (k === undefined) {
          k = resolveLabel(labels, s) ?? resolveLabel(labels, toHalfWidth(s)) ?? null;
          // A facility type may be written as the statistics write it: 卫生机构类别 name or code (institution-types.ts).
          if (k === null && c.type === 'facilityType') k = readFacilityType(s).type;
          if (memo.size < 10_000) memo.set(s, k);
        }
        if (k === null) return isExcelError(s) ? ERR.excelError : ERR.badEnum;
        return k;
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * The text a cell of this column shows in an export (and that the converter reads back to the same
 * value), compiled once per column: enums as their Chinese label, booleans 是/否 (城镇/农村), '' for null.
 */
export function cellTextFormatter(c: ColumnDef): (v: unknown) => string {
  switch (c.type) {
    case 'bool': {
      const { yes, no } = boolLabels(c.key);
      return (v) => (v === null || v === undefined ? '' : v ? yes : no);
    }
    case 'unitKind':
    case 'facilityType':
    case 'serviceStandard': {
      const labels = ENUM_LABELS[c.type] as Record<string, { zh: string }>;
      const zh = new Map(Object.entries(labels).map(([k, l]) => [k, l.zh]));
      return (v) => (v === null || v === undefined ? '' : (zh.get(String(v)) ?? String(v)));
    }
    case 'int':
    case 'number':
    case 'text':
      return (v) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v));
  }
}

/** One cell's export text (see cellTextFormatter; use that in loops). */
export function cellText(c: ColumnDef, v: unknown): string {
  return cellTextFormatter(c)(v);
}

/** The value an .xlsx cell gets, compiled per column: numbers stay numbers (full precision), the rest its text. */
export function cellXlsxFormatter(c: ColumnDef): (v: unknown) => string | number | null {
  const text = cellTextFormatter(c);
  const numeric = c.type === 'int' || c.type === 'number';
  return (v) => (v === null || v === undefined ? null : numeric && typeof v === 'number' ? v : text(v));
}

/** Human names of the column types, for the template's 说明 sheet and the messages. */
export const COLUMN_TYPE_LABELS: Record<ColumnDef['type'], { zh: string; en: string }> = {
  text: { zh: '文本', en: 'Text' },
  int: { zh: '整数', en: 'Whole number' },
  number: { zh: '数值', en: 'Number' },
  bool: { zh: '是/否', en: 'Yes/No' },
  unitKind: { zh: '区划类型（从列表中选）', en: 'Unit kind (from the list)' },
  facilityType: { zh: '机构类型（从列表中选）', en: 'Facility type (from the list)' },
  serviceStandard: { zh: '达标情况（从列表中选）', en: 'Service standard (from the list)' },
};

/** The accepted values of an enum column: [key, zh, en, aliases]. */
export function enumChoices(type: 'unitKind' | 'facilityType' | 'serviceStandard'): { key: string; zh: string; en: string; aliases: string[] }[] {
  const labels = ENUM_LABELS[type] as Record<string, { zh: string; en: string; aliases: string[] }>;
  return Object.entries(labels).map(([key, l]) => ({ key, zh: l.zh, en: l.en, aliases: l.aliases }));
}
