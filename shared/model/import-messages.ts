/**
 * The words an import says back: for every problem, what is wrong and how to fix it, in Chinese for
 * the planner and in English. Built only for the problems that are listed (never for truncated ones).
 */
import { boolLabels, enumChoices, PERCENT_COLUMNS, unitsOf, unitWordOf, YEAR_COLUMNS, type CellErrorKind } from './cells.ts';
import type { ColumnDef, TableName } from './columns.ts';

export interface Message {
  zh: string;
  en: string;
}

const TABLE_WORDS: Record<TableName, { zh: string; en: string }> = {
  units: { zh: '单位（行政区划）', en: 'unit (administrative division)' },
  facilities: { zh: '机构', en: 'facility' },
};
const KEY_WORDS: Record<TableName, { zh: string; en: string }> = {
  units: { zh: '区划代码', en: 'code' },
  facilities: { zh: '机构编码', en: 'facility id' },
};

const ENUM_WORDS = {
  unitKind: { zh: '区划类型', en: 'unit kind' },
  facilityType: { zh: '机构类型', en: 'facility type' },
  serviceStandard: { zh: '达标情况', en: 'service standard' },
};

/** A value as quoted in a message: trimmed, at most 40 characters. */
export function shown(v: string): string {
  const s = v.trim();
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function example(c: ColumnDef): string {
  if (c.key === 'lon') return '112.938812';
  if (c.key === 'lat') return '28.228209';
  if (YEAR_COLUMNS.has(c.key)) return '2023';
  if (PERCENT_COLUMNS.has(c.key)) return '0.85';
  return c.type === 'int' ? '12' : '12.5';
}

function range(c: ColumnDef): Message {
  const { min, max } = c;
  if (PERCENT_COLUMNS.has(c.key)) {
    return {
      zh: '请填写小数（如 0.85，1.05 即 105%，最大 3）或百分数（如 85%，最大 300%）',
      en: 'write a share (e.g. 0.85; 1.05 is 105%; at most 3) or a percentage (e.g. 85%; at most 300%)',
    };
  }
  if (YEAR_COLUMNS.has(c.key))
    return { zh: `请填写 ${min} 到 ${max} 之间的四位年份，如 2023`, en: `write a four-digit year between ${min} and ${max}, e.g. 2023` };
  if (min === 0 && max === undefined) return { zh: '请填写 0 或正数', en: 'write 0 or a positive number' };
  if (min !== undefined && max !== undefined) return { zh: `请填写 ${min} 到 ${max} 之间的数`, en: `write a number between ${min} and ${max}` };
  if (min !== undefined) return { zh: `请填写不小于 ${min} 的数`, en: `write a number of at least ${min}` };
  return { zh: `请填写不大于 ${max} 的数`, en: `write a number of at most ${max}` };
}

/** The accepted values of an enum column, for "use one of …". */
export function acceptedValues(c: ColumnDef): Message {
  if (c.type === 'unitKind' || c.type === 'facilityType' || c.type === 'serviceStandard') {
    const ch = enumChoices(c.type);
    return { zh: ch.map((x) => x.zh).join('、'), en: ch.map((x) => `${x.zh} (${x.key})`).join(', ') };
  }
  if (c.type === 'bool') {
    const l = boolLabels(c.key);
    return { zh: l.accepted.join('、'), en: l.accepted.join(', ') };
  }
  return { zh: '', en: '' };
}

/** The message for a cell that could not be read. */
export function cellMessage(kind: CellErrorKind, table: TableName, c: ColumnDef, header: string, row: number, raw: string): Message {
  const v = shown(raw);
  const at = `第 ${row} 行「${header}」`;
  const atEn = `Row ${row}, column ${header}`;
  switch (kind) {
    case 'required':
      return {
        zh: `${at}为空：这一列必须填写，每个${TABLE_WORDS[table].zh}都要有${c.zh}`,
        en: `${atEn} is empty; this column is required: every ${TABLE_WORDS[table].en} needs its ${c.en.toLowerCase()}`,
      };
    case 'notNumber':
      if (c.type === 'int') {
        return {
          zh: `${at}的值「${v}」不是整数：请填写阿拉伯数字，如 ${example(c)}`,
          en: `${atEn}: "${v}" is not a whole number; write digits, e.g. ${example(c)}`,
        };
      }
      return {
        zh: `${at}的值「${v}」不是数字：请填写阿拉伯数字，如 ${example(c)}${PERCENT_COLUMNS.has(c.key) ? ' 或 85%' : ''}`,
        en: `${atEn}: "${v}" is not a number; write digits, e.g. ${example(c)}${PERCENT_COLUMNS.has(c.key) ? ' or 85%' : ''}`,
      };
    case 'notInt':
      return {
        zh: `${at}的值「${v}」不是整数：这一列只能填整数（不带小数），如 ${example(c)}`,
        en: `${atEn}: "${v}" is not a whole number; this column takes whole numbers only, e.g. ${example(c)}`,
      };
    case 'belowMin':
    case 'aboveMax': {
      const r = range(c);
      const what =
        kind === 'belowMin'
          ? c.min === 0
            ? { zh: '不能为负数', en: 'must not be negative' }
            : { zh: `小于 ${c.min}`, en: `is below ${c.min}` }
          : PERCENT_COLUMNS.has(c.key)
            ? { zh: '超过 300%', en: 'is over 300%' }
            : { zh: `大于 ${c.max}`, en: `is above ${c.max}` };
      if (kind === 'aboveMax' && c.max === undefined) {
        return { zh: `${at}的值「${v}」太大，无法准确保存：请检查是否多填了位数`, en: `${atEn}: "${v}" is too large to keep exactly; check for extra digits` };
      }
      const swap =
        c.key === 'lat' || c.key === 'lon'
          ? {
              zh: '；如果经度和纬度填反了，请交换这两列（中国境内经度约 73–135，纬度约 18–54）',
              en: '; if longitude and latitude are swapped, swap the two columns (in China longitude is about 73–135, latitude about 18–54)',
            }
          : { zh: '', en: '' };
      return { zh: `${at}的值「${v}」${what.zh}：${r.zh}${swap.zh}`, en: `${atEn}: "${v}" ${what.en}; ${r.en}${swap.en}` };
    }
    case 'badBool': {
      const a = acceptedValues(c);
      const blank = c.key === 'urban' ? { zh: '；留空则按区划类型推定', en: '; leave it empty to derive it from the kind' } : { zh: '', en: '' };
      const [yes, no] = c.key === 'urban' ? ['城镇', '农村'] : ['是', '否'];
      return {
        zh: `${at}的值「${v}」无法识别：请填写“${yes}”或“${no}”（可接受：${a.zh}）${blank.zh}`,
        en: `${atEn}: "${v}" is not understood; write ${yes} or ${no} (accepted: ${a.en})${blank.en}`,
      };
    }
    case 'badEnum': {
      const a = acceptedValues(c);
      const w = ENUM_WORDS[c.type as keyof typeof ENUM_WORDS] ?? { zh: c.zh, en: c.en.toLowerCase() };
      return {
        zh: `${at}的值「${v}」不是可识别的${w.zh}：请填写以下之一：${a.zh}`,
        en: `${atEn}: "${v}" is not a known ${w.en}; use one of: ${a.en}`,
      };
    }
    case 'excelError':
      return {
        zh: `${at}的值「${v}」是 Excel 公式错误：请在 Excel 中修正公式，或改填数值`,
        en: `${atEn}: "${v}" is an Excel formula error; fix the formula in Excel or type the value`,
      };
    case 'badEncoding':
      return {
        zh: `${at}含有无法识别的字符（文件中混有 UTF-8 和 GBK 两种编码）：请在 Excel 中打开后另存为“CSV UTF-8”或 .xlsx，再重新导入`,
        en: `${atEn}: the text has unreadable characters (the file mixes UTF-8 and GBK encodings); open it in Excel and save it as "CSV UTF-8" or .xlsx, then import again`,
      };
    case 'wrongUnit': {
      const own = [...unitsOf(c)];
      const word = unitWordOf(raw) ?? '';
      return {
        zh: `${at}的值「${v}」带的单位「${word}」不是这一列的单位${own.length ? `（${own.join('/')}）` : ''}：请确认这个数是否填错了列，只填数字，如 ${example(c)}`,
        en: `${atEn}: "${v}" is in ${word}, not this column's unit${own.length ? ` (${own.join('/')})` : ''}; check that the figure belongs in this column and write the number alone, e.g. ${example(c)}`,
      };
    }
    case 'approximate':
      return {
        zh: `${at}的值「${v}」是约数：请填写确切的数，只填数字，如 ${example(c)}`,
        en: `${atEn}: "${v}" is an estimate; write the exact figure as a number alone, e.g. ${example(c)}`,
      };
    case 'range':
      return {
        zh: `${at}的值「${v}」是一个范围：请只填一个确切的数，如 ${example(c)}`,
        en: `${atEn}: "${v}" is a range; write one exact figure, e.g. ${example(c)}`,
      };
    case 'scientificCode':
      return {
        zh: `${at}的值「${v}」被 Excel 显示成了科学计数法，代码的后几位已经丢失：请把这一列设为“文本”格式后重新填写完整代码，或改为导入 .xlsx 文件`,
        en: `${atEn}: "${v}" was turned into scientific notation by Excel and the code lost its last digits; format the column as Text and re-enter the full codes, or import the .xlsx file instead`,
      };
  }
}

export const msg = {
  emptyFile: (table: TableName): Message => ({
    zh: `文件是空的：请在第 1 行填写表头，从第 2 行起每行填写一个${TABLE_WORDS[table].zh}（可下载导入模板）`,
    en: `The file is empty; put the headers in row 1 and one ${TABLE_WORDS[table].en} per row from row 2 (download the import template)`,
  }),
  noDataRows: (table: TableName): Message => ({
    zh: `文件只有表头，没有数据行：请从表头下一行起每行填写一个${TABLE_WORDS[table].zh}`,
    en: `The file has headers but no data rows; add one ${TABLE_WORDS[table].en} per row below the headers`,
  }),
  missingColumn: (c: ColumnDef): Message => {
    const names = [c.zh, ...c.aliases.filter((a) => a !== c.zh)];
    return {
      zh: `缺少必填列「${c.zh}」：请添加这一列，表头可写作 ${names.join('、')} 或 ${c.key}`,
      en: `The required column ${c.zh} (${c.en}) is missing; add it with one of the headers ${names.join(', ')} or ${c.key}`,
    };
  },
  noHeaders: (table: TableName, headerRow: number): Message => ({
    zh: `第 ${headerRow} 行没有可识别的表头：请使用导入模板中的${TABLE_WORDS[table].zh}表头（如 ${table === 'units' ? '区划代码、名称、类型' : '机构编码、机构名称、机构类型、所在区划代码'}）`,
    en: `Row ${headerRow} has no recognised headers; use the ${TABLE_WORDS[table].en} headers of the import template (e.g. ${table === 'units' ? '区划代码, 名称, 类型' : '机构编码, 机构名称, 机构类型, 所在区划代码'})`,
  }),
  wrongTable: (table: TableName): Message =>
    table === 'units'
      ? {
          zh: '这个文件看起来是机构表，不是单位（行政区划）表：请在“机构”中导入它',
          en: 'This file looks like a facilities table, not a units table; import it as facilities',
        }
      : {
          zh: '这个文件看起来是单位（行政区划）表，不是机构表：请在“单位”中导入它',
          en: 'This file looks like a units table, not a facilities table; import it as units',
        },
  duplicateHeader: (headerRow: number, header: string, firstHeader: string, c: ColumnDef): Message => ({
    zh: `第 ${headerRow} 行的表头「${header}」和「${firstHeader}」都表示“${c.zh}”：请删除或改名其中一列`,
    en: `Headers ${header} and ${firstHeader} in row ${headerRow} both mean ${c.zh} (${c.en}); delete or rename one of them`,
  }),
  keyTooLong: (table: TableName, row: number, header: string, key: string, max: number): Message => ({
    zh: `第 ${row} 行「${header}」的${KEY_WORDS[table].zh}「${shown(key)}」有 ${key.length} 个字符，最多 ${max} 个：请改用更短的${KEY_WORDS[table].zh}`,
    en: `Row ${row}, column ${header}: ${KEY_WORDS[table].en} "${shown(key)}" has ${key.length} characters, at most ${max} are allowed; use a shorter ${KEY_WORDS[table].en}`,
  }),
  duplicateKey: (table: TableName, row: number, key: string, firstRow: number): Message => ({
    zh: `第 ${row} 行的${KEY_WORDS[table].zh}「${shown(key)}」与第 ${firstRow} 行重复：每个${KEY_WORDS[table].zh}只能出现一次，请删除重复的行或改正${KEY_WORDS[table].zh}`,
    en: `Row ${row}: ${KEY_WORDS[table].en} "${shown(key)}" already appears in row ${firstRow}; each ${KEY_WORDS[table].en} may appear once, delete the duplicate or correct it`,
  }),
  unknownParent: (row: number, header: string, parent: string): Message => ({
    zh: `第 ${row} 行「${header}」的值「${shown(parent)}」在本文件和当前方案中都找不到：请填写已有单位的区划代码（或在本文件中加上这个上级单位），最高一级单位留空`,
    en: `Row ${row}, column ${header}: "${shown(parent)}" is neither in this file nor in the plan; write the code of an existing unit (or add that parent to this file), and leave it empty for the top unit`,
  }),
  selfParent: (row: number, header: string, code: string): Message => ({
    zh: `第 ${row} 行「${header}」与本行区划代码「${shown(code)}」相同：单位不能以自己为上级，请填写它所属上级单位的代码`,
    en: `Row ${row}, column ${header}: "${shown(code)}" is the unit's own code; a unit cannot be its own parent, write the code of the unit it belongs to`,
  }),
  parentCycle: (row: number, header: string, chain: string[]): Message => ({
    zh: `第 ${row} 行「${header}」使上级关系形成了循环（${chain.map(shown).join(' → ')}）：请检查这几行的上级区划代码`,
    en: `Row ${row}, column ${header}: the parent codes form a loop (${chain.map(shown).join(' → ')}); check the parent codes of these rows`,
  }),
  unknownUnit: (row: number, header: string, code: string): Message => ({
    zh: `第 ${row} 行「${header}」的值「${shown(code)}」不是当前方案中的区划代码：请先导入单位（行政区划）表，或改正这个代码`,
    en: `Row ${row}, column ${header}: "${shown(code)}" is not the code of a unit in the plan; import the units first, or correct the code`,
  }),
  /** An .xlsx formula cell saved without its value (openpyxl, pandas … write formulas and never compute them). */
  formulaNoResult: (row: number, header: string | null, column: string): Message => ({
    zh: `第 ${row} 行${header ? `「${header}」` : ` ${column} 列`}是公式且没有计算结果（脚本生成的文件常见）：请在 Excel/WPS 中打开并保存后再导入`,
    en: `Row ${row}, column ${header ?? column} holds a formula without a computed value (common in files written by scripts); open the file in Excel or WPS, save it, and import it again`,
  }),
  /** More formula cells without a value than are named. */
  formulaNoResultMore: (count: number): Message => ({ zh: `（共 ${count} 个这样的单元格）`, en: ` (${count} such cells in all)` }),
  /** A value far to the right: no import table has that many columns, and reading it would take the memory of all of them. */
  sheetTooWide: (sheet: string, row: number, column: string, max: number): Message => ({
    zh: `工作表「${sheet}」第 ${row} 行的 ${column} 列有内容，超出了 ${max} 列：导入表不会有这么多列，请删除右侧多余的列（或只把数据复制到新工作表）后再导入`,
    en: `Sheet "${sheet}" has a value in row ${row}, column ${column}, beyond ${max} columns; no import table has that many columns: delete the extra columns on the right (or copy just the data to a new sheet) and import again`,
  }),
  sheetTooLong: (sheet: string, row: number, max: number): Message => ({
    zh: `工作表「${sheet}」第 ${row} 行有内容，超出了 Excel 的 ${max} 行上限：文件可能已损坏，请在 Excel 中打开并另存后再导入`,
    en: `Sheet "${sheet}" has a value in row ${row}, beyond Excel's limit of ${max} rows; the file may be damaged: open it in Excel, save it again and import that`,
  }),
  halfCoordinate: (row: number, has: ColumnDef, missing: ColumnDef, missingHeader: string): Message => ({
    zh: `第 ${row} 行只填了${has.zh}，没有填${missing.zh}（「${missingHeader}」）：经纬度要成对填写，或者都留空`,
    en: `Row ${row} has a ${has.en.toLowerCase()} but no ${missing.en.toLowerCase()} (column ${missingHeader}); give both or leave both empty`,
  }),
};
