// `healthplan brief` on the sample plan, as a planner would run it: the A4 PDF briefing (checked with
// Debian's poppler-utils: its pages, the title page, a target's figures exactly as `healthplan gaps`
// gives them, the sources with their document numbers; pages turned to PNG to look at) and the PPTX
// deck (re-opened by LibreOffice, converted to PDF, its text checked, a page turned to PNG). Both timed
// against the bar of 10 s. Needs `npm run build` first (out/renderer): npm test builds.
// PNGs: test-results/brief-cli/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliIn } from './cli-run.ts';
import { tmpDir } from './tmp.ts';

const dir = tmpDir();
const { healthplan } = cliIn(dir);
const OUT = path.resolve(import.meta.dirname, '../../test-results/brief-cli');
const FIXED2 = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const INT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const PLAN = '示例: 长沙市 + 益阳市资阳区';
const STANDARD = '长沙市“十四五”卫生健康事业发展规划（2025年）';

interface GapsJson {
  standard: string;
  year: number;
  results: {
    target: string;
    scope: string;
    value: number | null;
    required: number | null;
    shortfall: number | null;
    status: string;
    source: { document: string };
  }[];
}

function run(cmd: string, args: string[], timeout = 120_000) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.status} ${r.stderr}`);
  return r.stdout;
}
const pagesOf = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1]);
/** The text of each page (pdftotext puts a form feed between pages). */
const textOf = (pdf: string) => run('pdftotext', ['-layout', pdf, '-']).split('\f');
/** Spaces and line breaks that layout extraction puts inside a phrase do not count. */
const squash = (s: string) => s.replace(/\s+/g, '');

function timed<T>(label: string, fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  const ms = Math.round(performance.now() - t0);
  console.log(`healthplan brief ${label}: ${ms} ms`);
  return { value, ms };
}

let gaps: GapsJson;
beforeAll(() => {
  expect(healthplan('sample', 's.hplan').code).toBe(0);
  const g = healthplan('gaps', 's.hplan', '--level', 'region');
  expect(g.code, g.err).toBe(0);
  gaps = JSON.parse(g.out) as GapsJson;
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
}, 120_000);

describe('healthplan brief', () => {
  let pdfPages = 0;

  it('writes the A4 PDF briefing: title page, every figure as the gap table has it, the sources at the end', () => {
    const pdf = path.join(dir, '汇报材料.pdf');
    // The time is printed; the < 10 s bar is measured by test/bench/briefing.ts (a timed test is flaky on a shared machine).
    const { value: r } = timed('--pdf', () => healthplan('brief', 's.hplan', '--pdf', pdf));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已写出');

    const info = run('pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/); // landscape
    expect(info).toContain(`Title:           ${PLAN}`);
    pdfPages = pagesOf(pdf);
    expect(pdfPages).toBeGreaterThanOrEqual(18);
    const pages = textOf(pdf).map(squash);

    // The title page: plan, scenario, standard and year, the sample warning.
    expect(pages[0]).toContain(squash(PLAN));
    expect(pages[0]).toContain(squash(`标准：${STANDARD}（2025 年）`));
    expect(pages[0]).toContain('情景：基线');
    expect(pages[0]).toContain('示例数据—部分数值为估算');
    // Every page says which page it is, and that the sample's figures are partly estimated.
    pages.slice(0, pdfPages).forEach((p, i) => {
      expect(p).toContain(`${i + 1}/${pdfPages}`);
      expect(p).toContain('示例数据—部分数值为估算');
    });

    // The region's figures, exactly as `healthplan gaps` has them, worded as the gap table words them.
    const region = (id: string) => gaps.results.find((x) => x.scope === 'region' && x.target === id)!;
    const all = pages.join('');
    const beds = region('beds-per-1000');
    expect(all).toContain(squash(`${FIXED2.format(beds.value!)} / 11 张每千人`));
    expect(all).toContain(squash(`还需床位 ${INT.format(beds.shortfall!)} 张`));
    for (const r of gaps.results.filter((x) => x.scope === 'region' && x.value !== null && /-per-\d+/.test(x.target))) {
      expect(all, r.target).toContain(`${FIXED2.format(r.value!)}/`);
    }
    // The overview: the region's population in the target year.
    expect(pages[1]).toContain('长沙市·全域概况');

    // Sources at the end: document numbers, clauses, the original wording.
    const last = pages[pdfPages - 1]!;
    expect(last).toContain('指标来源');
    expect(last).toContain('长政办发〔2021〕62号');
    expect(all).toContain(squash('9 | 每千人口医疗卫生机构床位数(张) | 8.28张 | 11张 | 预期性'));
    const notes = pages.slice(0, pdfPages - 2).join('');
    expect(notes).toMatch(/每千常住人口床位数\[1\]/); // the figure's note points to the sources

    // Pages to look at.
    run('pdftoppm', ['-r', '70', '-png', pdf, path.join(OUT, 'pdf')]);
    expect(fs.readdirSync(OUT).filter((f) => f.startsWith('pdf-')).length).toBe(pdfPages);
  }, 120_000);

  it('writes the PPTX deck, and LibreOffice opens it and converts it to PDF', () => {
    const pptx = path.join(dir, '汇报材料.pptx');
    const { value: r } = timed('--pptx', () => healthplan('brief', 's.hplan', '--pptx', pptx));
    expect(r.code, r.err).toBe(0);
    const bytes = fs.readFileSync(pptx);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // LibreOffice (Debian: libreoffice-impress-nogui) re-opens the deck.
    const profile = fs.mkdtempSync(path.join(dir, 'lo-'));
    const conv = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    const converted = path.join(dir, '汇报材料.pdf.lo');
    const out = path.join(dir, '汇报材料.pdf');
    expect(conv.status, `soffice: ${conv.stdout}${conv.stderr} — is libreoffice-impress-nogui installed?`).toBe(0);
    expect(fs.existsSync(out), `soffice wrote no PDF: ${conv.stdout}${conv.stderr} — is libreoffice-impress-nogui installed?`).toBe(true);
    fs.renameSync(out, converted);
    const slides = pagesOf(converted);
    expect(slides).toBe(pdfPages); // the same slide list as the PDF
    const pages = run('pdftotext', ['-layout', converted, '-']).split('\f').map(squash);
    expect(pages[0]).toContain(squash(PLAN));
    expect(pages[0]).toContain('2025');
    expect(pages.join('')).toContain(squash(`${FIXED2.format(gaps.results.find((x) => x.scope === 'region' && x.target === 'beds-per-1000')!.value!)} / 11`));
    expect(pages[slides - 1]).toContain('长政办发〔2021〕62号');
    run('pdftoppm', ['-r', '60', '-png', converted, path.join(OUT, 'pptx')]);
    expect(fs.readdirSync(OUT).filter((f) => f.startsWith('pptx-')).length).toBe(slides);
  }, 240_000);

  it('refuses without --pdf or --pptx, and names an unknown scenario', () => {
    const r = healthplan('brief', 's.hplan');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--pdf');
    const s = healthplan('brief', 's.hplan', '--scenario', '没有这个', '--pdf', path.join(dir, 'x.pdf'));
    expect(s.code).toBe(2);
    expect(s.err).toContain('没有这个');
  }, 60_000);
});
