/**
 * parseCandidateSheet: a planner's list of candidate sites (候选点) for siting — `id, name, lon, lat`
 * (Chinese headers accepted: 编号, 名称, 经度, 纬度 …) → sites in WGS-84, or every problem with its
 * row and column. All or nothing, like the other imports.
 */
import type { ImportNote, ImportProblem } from './issues.ts';
import { toWgs84, type Crs } from '../geo/crs.ts';
import { CellError, cellConverter, normaliseHeader } from './cells.ts';
import { FACILITY_COLUMNS, KEY_MAX_LENGTH, type ColumnDef } from './columns.ts';
import { cellMessage, msg, shown } from './import-messages.ts';
import type { SheetData } from './sheet.ts';
import { laidOut, type HeaderScorer } from './sheet-layout.ts';

export interface CandidateSite {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

const col = (key: string): ColumnDef => FACILITY_COLUMNS.find((c) => c.key === key)!;
/** The columns: a facility's id, name and coordinates, with the words planners put over a candidate list. */
const COLUMNS: { def: ColumnDef; names: string[] }[] = [
  { def: { ...col('id'), zh: '编号', en: 'ID' }, names: ['id', '编号', '候选点编号', '序号', '机构编码', '代码'] },
  { def: { ...col('name'), zh: '名称', en: 'Name' }, names: ['name', '名称', '候选点', '候选点名称', '地点', '位置', '机构名称'] },
  { def: { ...col('lon'), required: true }, names: ['lon', '经度', '东经', 'lng', 'x', 'longitude'] },
  { def: { ...col('lat'), required: true }, names: ['lat', '纬度', '北纬', 'y', 'latitude'] },
];

/** The columns and the headers each is known by (column mapping reads them: mapping.ts). */
export const CANDIDATE_COLUMNS: readonly { def: ColumnDef; names: readonly string[] }[] = COLUMNS;

export interface CandidateParseResult {
  sites: CandidateSite[];
  problems: ImportProblem[];
  /** What the layout passed over: title rows, a two-row header, totals and footnote rows (sheet-layout.ts). */
  notes?: ImportNote[];
}

const headerIs = (h: string | undefined, names: readonly string[]) => names.some((n) => normaliseHeader(n) === normaliseHeader(h ?? ''));
/** How well headers name a candidate list's columns: longitude and latitude are required. */
const candidateScorer: HeaderScorer = (headers) => {
  const found = COLUMNS.map((c) => headers.some((h) => headerIs(h, c.names)));
  return { required: found.filter((f, i) => f && COLUMNS[i]!.def.required).length, matched: found.filter((f) => f).length };
};

export function parseCandidateSheet(input: SheetData, crs: Crs = 'wgs84'): CandidateParseResult {
  // Title rows, a two-row header, totals at the top or bottom: read past them; rows keep their numbers.
  const sheet = laidOut(input, 'candidates', candidateScorer);
  const headerRow = sheet.headerRows?.[0] ?? 1;
  const problems: ImportProblem[] = [];
  const add = (row: number, column: string | null, value: string | undefined, m: { zh: string; en: string }) =>
    problems.push({ row, column, message: m.zh, messageEn: m.en, ...(value !== undefined ? { value } : {}) });
  const headers = sheet.headers.map((h) => (h ?? '').trim());
  const at = COLUMNS.map((c) => headers.findIndex((h) => headerIs(h, c.names)));
  COLUMNS.forEach((c, i) => {
    if (at[i]! < 0 && (c.def.key === 'lon' || c.def.key === 'lat')) {
      add(headerRow, c.def.key, undefined, {
        zh: `缺少「${c.def.zh}」列：候选点表须有经度和纬度（表头如 经度、纬度 或 lon、lat）`,
        en: `The ${c.def.en} column is missing: a candidate list needs longitude and latitude (headers such as 经度, 纬度 or lon, lat)`,
      });
    }
  });
  if (problems.length) return { sites: [], problems, notes: sheet.notes ?? [] };
  problems.push(...(sheet.problems ?? []));
  const read = COLUMNS.map((c) => cellConverter({ ...c.def, required: c.def.key === 'lon' || c.def.key === 'lat' }));
  const sites: CandidateSite[] = [];
  const seen = new Map<string, number>();
  sheet.rows.forEach((cells, r) => {
    if (cells.every((x) => !x?.trim())) return;
    const rowNo = sheet.rowNumbers?.[r] ?? r + 2;
    const values = COLUMNS.map((c, i) => {
      if (at[i]! < 0) return null;
      const raw = cells[at[i]!];
      const v = read[i]!(raw);
      if (v instanceof CellError) {
        add(rowNo, headers[at[i]!]!, raw ?? '', cellMessage(v.kind, 'facilities', c.def, headers[at[i]!]!, rowNo, raw ?? ''));
        return undefined;
      }
      return v;
    });
    // The id counts for duplicates even on a row with another problem.
    const id = typeof values[0] === 'string' ? values[0] : `C${r + 1}`;
    const first = seen.get(id);
    if (first !== undefined) {
      add(rowNo, at[0]! >= 0 ? headers[at[0]!]! : 'id', id, {
        zh: `第 ${rowNo} 行的编号「${shown(id)}」与第 ${first} 行重复：每个候选点的编号只能出现一次`,
        en: `Row ${rowNo}: id "${shown(id)}" already appears in row ${first}; each candidate's id may appear once`,
      });
      return;
    }
    seen.set(id, rowNo);
    // An id the API could not name again (siting.run/apply take ids of at most KEY_MAX_LENGTH) is refused here, by row.
    if (id.length > KEY_MAX_LENGTH) {
      const header = at[0]! >= 0 ? headers[at[0]!]! : 'id';
      add(rowNo, header, id, msg.keyTooLong('facilities', rowNo, header, id, KEY_MAX_LENGTH));
      return;
    }
    if (values.includes(undefined)) return;
    const [, nameIn, lon, lat] = values as [string | null, string | null, number, number];
    const [x, y] = crs === 'wgs84' ? [lon, lat] : toWgs84(crs, lon, lat);
    sites.push({ id, name: nameIn ?? id, lon: x, lat: y });
  });
  if (sites.length === 0 && problems.length === 0)
    add(0, null, undefined, {
      zh: '文件中没有候选点：请从表头下一行起每行填写一个候选点',
      en: 'The file has no candidate sites: one per row below the headers',
    });
  return { sites: problems.length ? [] : sites, problems: problems.sort((a, b) => a.row - b.row), notes: sheet.notes ?? [] };
}
