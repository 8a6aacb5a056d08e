// @vitest-environment happy-dom
// 差距分析's data hook (features/gaps/useGapReport.ts) inside AppProvider with a fake service: the report it
// asks for is the active scenario's at the plan's set and year; the figure shown is the reply's; a write
// anywhere (the revision moves) asks again; and when the planner changes the year twice quickly, the answer
// for the year given up, arriving last, never replaces the one for the year chosen.
import { describe, expect, it } from 'vitest';
import type { GapReportOut, GapSettings } from '../../../shared/api/contract.ts';
import { useGapReport } from '../../../renderer/features/gaps/useGapReport.ts';
import { act, fakeService, held, renderFeatureHook, waitFor, type Held } from './harness.tsx';

/** A report whose one region-level result is `shortfall` beds short, for `year`. */
function report(year: number, shortfall: number): GapReportOut {
  return {
    standard: 'national-2025',
    standardName: '全国医疗卫生服务体系规划',
    year,
    scenario: '现状',
    targets: [],
    notes: [],
    notesEn: [],
    region: { codes: ['330100'], name: '示例县', applicable: true },
    results: [
      {
        target: 'beds-per-1000',
        scope: 'region',
        code: 'region',
        name: '示例县',
        parent: null,
        value: 5.5,
        required: 6,
        shortfall,
        unit: '张',
        status: 'short',
      },
    ],
  };
}

/** A service whose plan is measured against national-2025 for 2025; gaps.setSettings is a write (moves the revision). */
function gapService(shortfallOf: (year: number) => number, hold: Map<number, Held<GapReportOut>[]> = new Map()) {
  let settings: GapSettings = { standardId: 'national-2025', year: 2025 };
  const svc = fakeService({
    'gaps.settings': () => settings,
    'gaps.setSettings': (s) => {
      settings = s;
      svc.revision++;
      return s;
    },
    'standards.list': () => [],
    'gaps.evaluate': (args) => {
      const year = args.year ?? settings.year;
      const waiting = hold.get(year);
      if (waiting) {
        const h = held<GapReportOut>();
        waiting.push(h);
        return h.promise;
      }
      return report(year, shortfallOf(year));
    },
  });
  return svc;
}

const shortfallShown = (r: GapReportOut | null) => r?.results[0]?.shortfall ?? null;

describe('useGapReport', () => {
  it("asks for the active scenario at the plan's set and year, and shows the reply's figure", async () => {
    const svc = gapService(() => 120);
    const { result } = renderFeatureHook(() => useGapReport(), svc);
    await waitFor(() => expect(result.current.report).not.toBeNull());
    expect(svc.argsOf('gaps.evaluate')).toEqual([{ scenarioId: 1, standardId: 'national-2025', year: 2025, onlyShort: false }]);
    expect(result.current.report?.year).toBe(2025);
    expect(shortfallShown(result.current.report)).toBe(120);
    expect(result.current.loading).toBe(false);
  });

  it('a write elsewhere (the revision moves) asks again, and the new figure replaces the old', async () => {
    let beds = 120;
    const svc = gapService(() => beds);
    const { result } = renderFeatureHook(() => useGapReport(), svc);
    await waitFor(() => expect(shortfallShown(result.current.report)).toBe(120));
    const before = svc.argsOf('gaps.evaluate').length;

    beds = 80; // e.g. 40 beds opened in a table edit
    svc.bump();
    await waitFor(() => expect(shortfallShown(result.current.report)).toBe(80));
    expect(svc.argsOf('gaps.evaluate').length).toBe(before + 1);
  });

  it('the year changed twice quickly: the answer for the first year, arriving last, is ignored', async () => {
    const hold = new Map<number, Held<GapReportOut>[]>();
    // 2030 is short of 300 beds, 2035 of 500 (more people by then); 2030's answers are held by the test.
    const svc = gapService((year) => (year === 2030 ? 300 : year === 2035 ? 500 : 120), hold);
    const { result } = renderFeatureHook(() => useGapReport(), svc);
    await waitFor(() => expect(shortfallShown(result.current.report)).toBe(120));

    hold.set(2030, []);
    act(() => result.current.changeSettings({ standardId: 'national-2025', year: 2030 }));
    await waitFor(() => expect(svc.argsOf('gaps.evaluate').some((a) => a.year === 2030)).toBe(true));
    act(() => result.current.changeSettings({ standardId: 'national-2025', year: 2035 }));
    await waitFor(() => expect(result.current.report?.year).toBe(2035));
    expect(shortfallShown(result.current.report)).toBe(500);
    expect(result.current.settings?.year).toBe(2035);

    // Now 2030's answers come (every one asked: before and after the setting's write moved the revision).
    const late = hold.get(2030)!;
    expect(late.length).toBeGreaterThan(0);
    await act(async () => {
      for (const h of late) h.release(report(2030, 300));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(result.current.report?.year).toBe(2035);
    expect(shortfallShown(result.current.report)).toBe(500);
    expect(result.current.loading).toBe(false);
  });
});
