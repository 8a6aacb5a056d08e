/**
 * Every output made from the sample plan says so, in the words the app and the PDF use: JSON carries
 * `sample: true` and `sample_note`; a CSV a column 数据说明 on every row (the project's CSV readers take
 * every line as data, so a trailing "# …" line would not survive a re-read); a workbook a line in its
 * title and in the printed header (electron/backend/io/sample-mark.ts).
 */

export const SAMPLE_NOTE = { zh: '示例数据 — 部分数值为估算', en: 'Sample data — some figures are estimates' } as const;
/** The CSV column that carries the note (headers are Chinese in every language). */
export const SAMPLE_COLUMN = '数据说明';

/** The fields a JSON output starts with: `sample` always, its note only for the sample plan. */
export function sampleFields(sample: boolean, lang: 'zh' | 'en'): { sample: boolean; sample_note?: string } {
  return sample ? { sample: true, sample_note: lang === 'en' ? SAMPLE_NOTE.en : SAMPLE_NOTE.zh } : { sample: false };
}
