// The CLI and the map's 设施选址 panel ask the same siting question by default: the CLI's flags, parsed
// into the contract's argument type, come out (after the service's schema fills in its defaults) equal to
// the query the panel builds from the shared presets (shared/siting/presets.ts). And the briefing's print
// view's address, built once (shared/briefing/print-url.ts), reads back as it was asked.
import { describe, expect, it } from 'vitest';
import { SitingQuerySchema } from '../../shared/api/methods/siting.ts';
import { briefPrintParams, briefPrintSearch, readBriefPrint } from '../../shared/briefing/print-url.ts';
import { SITING_DEFAULTS, SITING_PRESETS, UPGRADE_CANDIDATES } from '../../shared/siting/presets.ts';
import type { CliCall, CliService } from '../../electron/cli/api.ts';
import { parseFlags } from '../../electron/cli/options.ts';
import { siteCommand, siteQuery } from '../../electron/cli/site-command.ts';
import { briefCommand } from '../../electron/cli/brief-command.ts';
import { DEFAULT_SITING, toQuery } from '../../renderer/features/map/siting/settings.ts';

const BASELINE = 7;
/** A plan with one scenario, the baseline (id 7): all `healthplan site` asks before it runs, without --within/--exclude/a candidate file. */
const fake: CliService = {
  call: (async (method: string) => {
    if (method === 'scenarios.list') return [{ id: BASELINE, name: '基线', baseline: true }];
    throw new Error(`unexpected call ${method}`);
  }) as CliCall,
  workspace: null as never,
  close: () => {},
};

/** `healthplan site s.hplan ARGS` as the service would take it: the CLI's args, with the schema's defaults filled in. */
async function cli(...argv: string[]) {
  const { values } = parseFlags(siteCommand, argv);
  return SitingQuerySchema.parse(await siteQuery(fake, values, 'zh'));
}
const panel = (s: typeof DEFAULT_SITING) => SitingQuerySchema.parse(toQuery(s, BASELINE));

describe('the siting defaults of the CLI and the panel', () => {
  it("site --type ems_station --model mclp --add 2 --existing ems_station is the panel's opening question (the 1030 preset)", async () => {
    const q = await cli('--type', 'ems_station', '--model', 'mclp', '--add', '2', '--existing', 'ems_station');
    expect(q).toEqual(panel(DEFAULT_SITING));
    // What that is, by hand: 2 new 120 stations covering the most people within 10 min in town, 30 in the
    // country (益资政办发〔2023〕20号 §三(一)2), ambulances driving from the station, on sites generated 1000 m apart.
    expect(q).toMatchObject({
      model: 'mclp',
      type: 'ems_station',
      k: 2,
      urbanMinutes: 10,
      ruralMinutes: 30,
      direction: 'from',
      travel: { urban: 'drive', rural: 'drive' },
      dispatchMinutes: 0,
      cutoffMinutes: 60,
      capacity: null,
      exact: 'auto',
      timeLimitSeconds: 30,
      candidates: { sites: [], upgrade: [], generateMeters: 1000 },
      existingTypes: ['ems_station'],
      within: [],
      exclude: [],
    });
  });

  it("with nothing but --type, the CLI asks the same but for one site (the schema's k) with the type's own facilities fixed", async () => {
    const q = await cli('--type', 'ems_station');
    expect(q).toEqual({ ...panel(DEFAULT_SITING), k: 1, existingTypes: [] });
  });

  it("the sub-centre question: --candidates upgrade means the township health centres, as the panel's 县域医疗次中心 preset", async () => {
    // 长政办发〔2023〕6号 §三(一)3: "遴选一批……乡镇中心卫生院进行重点建设……建成12家县域医疗次中心（达到二级综合医院水平）".
    const q = await cli(
      '--type',
      'sub_centre',
      '--model',
      'pmedian',
      '--add',
      '2',
      '--candidates',
      'upgrade',
      '--existing',
      'tertiary_hospital,secondary_hospital,sub_centre',
      '--thresholds',
      'urban=15,rural=30',
    );
    const p = SITING_PRESETS.subcentre;
    expect(q).toEqual(panel({ ...DEFAULT_SITING, ...p.question, k: p.k }));
    expect(q.candidates).toEqual({ sites: [], upgrade: ['central_thc', 'thc'], generateMeters: null });
    expect(q.direction).toBe('to'); // residents travel to a sub-centre (the CLI's default for every type but ems_station)
  });

  it('the defaults the schema fills in are the shared ones, and --help says them in the same words', () => {
    expect(SitingQuerySchema.parse({ scenarioId: 1, model: 'mclp', type: 'ems_station' })).toMatchObject({
      dispatchMinutes: SITING_DEFAULTS.dispatchMinutes,
      cutoffMinutes: SITING_DEFAULTS.cutoffMinutes,
      capacity: SITING_DEFAULTS.capacity,
      exact: SITING_DEFAULTS.exact,
      timeLimitSeconds: SITING_DEFAULTS.timeLimitSeconds,
    });
    expect(siteCommand.options.spacing!.help).toBe('metres between generated sites (default 1000) / 生成间距');
    expect(siteCommand.options.cutoff!.help).toBe('p-median: a longer trip counts as this many minutes (default 60)');
    expect(siteCommand.options['time-limit']!.help).toBe('seconds for the exact solver (default 30)');
    expect(siteCommand.usage).toContain('[--candidates generated|upgrade:central_thc,thc|F.csv]');
    expect(UPGRADE_CANDIDATES.sub_centre).toEqual(['central_thc', 'thc']);
  });

  it('checks the flags it types: a model, a direction, a number', async () => {
    await expect(cli('--type', 'ems_station', '--model', 'best')).rejects.toThrow('--model: mclp | lscp | pmedian');
    await expect(cli('--type', 'ems_station', '--direction', 'up')).rejects.toThrow('--direction: from | to');
    await expect(cli('--type', 'ems_station', '--spacing', '100')).rejects.toThrow('--spacing: a number ≥ 200');
  });
});

describe("the print view's address", () => {
  it('is built in one order, with what is given, and reads back the same', () => {
    const q = { scenarioId: 3, compareId: 1, standardId: 'changsha-14fyp-2025', year: 2025, lang: 'en' as const };
    expect(briefPrintSearch(q)).toBe('?print=brief&scenario=3&compare=1&standard=changsha-14fyp-2025&year=2025&lang=en');
    expect(briefPrintParams({ scenarioId: 1, lang: 'zh-CN' })).toBe('print=brief&scenario=1&lang=zh-CN');
    const p = new URLSearchParams(briefPrintSearch(q));
    expect(readBriefPrint((k) => p.get(k))).toEqual({ ...q, then: null });
    // The CLI puts it after its door's token; a standard id with any character survives the trip.
    const cli = new URLSearchParams(`?token=abc&${briefPrintParams({ scenarioId: 2, standardId: '开福 2020&x', lang: 'zh-CN' })}&then=print`);
    expect(readBriefPrint((k) => cli.get(k))).toEqual({
      scenarioId: 2,
      compareId: undefined,
      standardId: '开福 2020&x',
      year: undefined,
      lang: 'zh-CN',
      then: 'print',
    });
  });

  it('healthplan brief --year takes a year, checked before any browser starts (the address carries a number)', async () => {
    await expect(briefCommand.run(fake, 'x.hplan', { pdf: 'x.pdf', year: '二〇二五' }, 'zh')).rejects.toThrow('--year: a year, 2000–2100');
  });
});
