/**
 * `healthplan brief`: the briefing (汇报材料) as a PDF and/or a PPTX, made by the app's own pages — the
 * renderer's print view, opened in headless Chromium through a private loopback web door — so the CLI,
 * the app's export and the presentation mode show the same pages and figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiArgs } from '../../shared/api/contract.ts';
import { briefPrintParams, type BriefPrintGlobals, type BriefPrintQuery } from '../../shared/briefing/print-url.ts';
import type { CliService, Command } from './api.ts';
import { yearOption } from './options.ts';
import { UsageError, writeOutput } from './output.ts';

/** Where Chromium may be: CHROMIUM_PATH, then the usual places on Linux, macOS and Windows. */
const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];
const ARGS = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Chromium's launch arguments (and Playwright's chromiumSandbox option) for the briefing. Its sandbox stays on, except where it cannot start:
 * as root on Linux (Chromium refuses to run sandboxed as root), or when HEALTHPLAN_CHROMIUM_NO_SANDBOX=1
 * says so (containers without user namespaces). Then `notice` is the line to tell the user.
 */
export function chromiumLaunchArgs(
  platform: string,
  uid: number | undefined,
  env: Record<string, string | undefined>,
  lang: string,
): { args: string[]; chromiumSandbox: boolean; notice?: string } {
  const asRoot = platform === 'linux' && uid === 0;
  const asked = env.HEALTHPLAN_CHROMIUM_NO_SANDBOX === '1';
  // Playwright adds --no-sandbox itself unless chromiumSandbox is true: say it each way.
  if (!asRoot && !asked) return { args: [...ARGS], chromiumSandbox: true };
  const why = asRoot
    ? lang === 'en'
      ? 'running as root on Linux, where Chromium cannot start its sandbox'
      : '在 Linux 上以 root 运行，Chromium 无法启用沙箱'
    : lang === 'en'
      ? 'HEALTHPLAN_CHROMIUM_NO_SANDBOX=1 is set'
      : '已设置 HEALTHPLAN_CHROMIUM_NO_SANDBOX=1';
  const notice =
    lang === 'en'
      ? `Chromium runs without its sandbox for the briefing: ${why}. It opens only the app's own pages on 127.0.0.1.`
      : `生成汇报材料的 Chromium 以无沙箱方式运行：${why}；它只打开本机 127.0.0.1 上本应用自己的页面。`;
  return { args: [...ARGS, '--no-sandbox'], chromiumSandbox: false, notice };
}

/** out/renderer beside the bundled CLI (out/cli.mjs), or from the source tree in tests. */
function rendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.join(here, 'renderer'), path.join(here, '..', '..', 'out', 'renderer')]) if (fs.existsSync(path.join(dir, 'index.html'))) return dir;
  throw new UsageError('out/renderer is missing: run `npm run build` first / 请先运行 npm run build');
}

export const briefCommand: Command = {
  usage: 'healthplan brief <file.hplan> [--scenario NAME] [--compare NAME] [--standard ID] [--year Y] --pdf F | --pptx F',
  summary: {
    zh: '汇报材料：按当前方案生成 PDF（A4）或 PPTX 演示文稿，每个数字附来源',
    en: 'The briefing as a PDF (A4) or PPTX deck from the plan, every figure with its source',
  },
  options: {
    scenario: { type: 'string', help: 'scenario presented (default: baseline) / 情景' },
    compare: { type: 'string', help: 'scenario compared with ("before") / 对比情景' },
    standard: { type: 'string', help: "standard set id (default: the plan's) / 标准" },
    year: { type: 'string', help: "target year (default: the plan's) / 目标年份" },
    pdf: { type: 'string', help: 'write the PDF briefing here / PDF 文件' },
    pptx: { type: 'string', help: 'write the PPTX deck here / PPTX 文件' },
  },
  async run(_svc, file, opts, lang) {
    if (!opts.pdf && !opts.pptx) throw new UsageError('--pdf F and/or --pptx F');
    const year = yearOption(opts.year);
    const chromiumPath = CHROMIUM_CANDIDATES.find((p) => p && fs.existsSync(p));
    if (!chromiumPath)
      throw new UsageError(
        lang === 'en'
          ? 'No Chromium or Chrome found: install one (Debian: apt-get install chromium) or set CHROMIUM_PATH'
          : '找不到 Chromium 或 Chrome：请安装（Debian：apt-get install chromium）或设置 CHROMIUM_PATH',
      );
    const staticDir = rendererDir();
    // The door gets its own home: the plan is opened by path, nothing of the user's recent list changes.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'healthplan-brief-'));
    const { startWebDoor } = await import('../web/server.ts');
    const { chromium } = await import('playwright-core');
    const door = await startWebDoor({ home, staticDir });
    try {
      const api: CliService = door.service;
      await api.call('plan.open', { path: path.resolve(file) });
      const scenarios = await api.call('scenarios.list', {});
      const find = (name: string | undefined) => {
        if (!name) return undefined;
        const s = scenarios.find((x) => x.name === name || (x.baseline && (name === 'baseline' || name === '基线')));
        if (!s)
          throw new UsageError(
            `${lang === 'en' ? 'No scenario named' : '没有名为此的情景'} "${name}"; ${lang === 'en' ? 'have' : '现有'}: ${scenarios.map((x) => x.name).join(', ')}`,
          );
        return s.id;
      };
      // The print view asks brief.get for exactly this.
      const query: BriefPrintQuery = {
        scenarioId: find(opts.scenario as string | undefined) ?? scenarios.find((s) => s.baseline)!.id,
        compareId: find(opts.compare as string | undefined),
        standardId: opts.standard ? String(opts.standard) : undefined,
        year,
        lang: lang === 'en' ? 'en' : 'zh-CN',
      } satisfies ApiArgs<'brief.get'>;
      const launch = chromiumLaunchArgs(process.platform, process.getuid?.(), process.env, lang);
      if (launch.notice) console.error(launch.notice);
      const browser = await chromium.launch({ executablePath: chromiumPath, args: launch.args, chromiumSandbox: launch.chromiumSandbox });
      try {
        const page = await browser.newPage({ viewport: { width: 1240, height: 1754 } });
        await page.goto(`${door.url}&${briefPrintParams(query)}`);
        await page.waitForFunction(() => document.body.dataset.briefReady === 'true' || document.body.dataset.briefError, undefined, { timeout: 120_000 });
        const failed = await page.evaluate(() => document.body.dataset.briefError);
        if (failed) throw new Error(failed);
        if (opts.pdf) {
          writeOutput(String(opts.pdf), await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
          console.log(lang === 'en' ? `wrote ${opts.pdf}` : `已写出 ${opts.pdf}`);
        }
        if (opts.pptx) {
          const b64 = await page.evaluate(() => {
            const pptx = (window as unknown as BriefPrintGlobals).healthplanPptx;
            if (!pptx) throw new Error('the print view offers no window.healthplanPptx');
            return pptx();
          });
          writeOutput(String(opts.pptx), Buffer.from(b64, 'base64'));
          console.log(lang === 'en' ? `wrote ${opts.pptx}` : `已写出 ${opts.pptx}`);
        }
      } finally {
        await browser.close();
      }
    } finally {
      await door.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
    return 0;
  },
};
