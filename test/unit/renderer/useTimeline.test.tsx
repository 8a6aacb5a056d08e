// @vitest-environment happy-dom
// 规划项目's data hook (features/timeline/useTimeline.ts) inside AppProvider with a fake service: the
// summary asked is the active scenario's at the plan's set; another set chosen asks again; and after a
// switch to another scenario the previous scenario's projects are never shown (nor editable) while its
// summary is on its way, nor when a late answer for the old scenario arrives.
import { describe, expect, it } from 'vitest';
import type { ProjectOut, TimelineSummary, TimelineYear } from '../../../shared/api/methods/timeline.ts';
import { useTimeline } from '../../../renderer/features/timeline/useTimeline.ts';
import { useAppActions, useAppData } from '../../../renderer/ui/state/AppContext.tsx';
import { act, fakeService, held, renderFeatureHook, waitFor, type Held } from './harness.tsx';

/** A summary with one project of 2027 adding `newBeds` beds (only the fields the hook reads are filled). */
function summary(scenario: string, standard: string, newBeds: number): TimelineSummary {
  const made: Partial<TimelineSummary> = {
    standard,
    standardName: standard,
    standardNameEn: standard,
    standardYear: 2030,
    scenario,
    region: '示例县',
    fromYear: 2026,
    toYear: 2030,
    targets: [],
    years: [{ year: 2027, results: [], projects: [1] } as Partial<TimelineYear> as TimelineYear],
    projects: [
      {
        id: 1,
        year: 2027,
        kind: 'expand',
        facility_id: 'H1',
        name: `${scenario}：扩建 ${newBeds} 张床`,
        deltas: { beds_open: newBeds },
        problems: [],
      } as Partial<ProjectOut> as ProjectOut,
    ],
    problems: [],
    notes: [],
    notesEn: [],
    ms: 3,
  };
  return made as TimelineSummary;
}

function timelineService(hold?: Map<number, Held<TimelineSummary>[]>) {
  return fakeService({
    'gaps.settings': () => ({ standardId: 'national-2025', year: 2030 }),
    'standards.list': () =>
      [
        { id: 'national-2025', name: '全国', nameEn: 'National', year: 2030 },
        { id: 'province-2030', name: '省级', nameEn: 'Province', year: 2030 },
      ] as never,
    'timeline.summary': (args) => {
      const waiting = hold?.get(args.scenarioId);
      if (waiting) {
        const h = held<TimelineSummary>();
        waiting.push(h);
        return h.promise;
      }
      return summary(args.scenarioId === 1 ? '现状' : '新建急救站', args.standardId ?? '', args.scenarioId === 1 ? 40 : 120);
    },
  });
}

const useTimelineAndApp = () => ({ tl: useTimeline(), app: useAppData(), actions: useAppActions() });

describe('useTimeline', () => {
  it("asks for the active scenario at the plan's set, and a set chosen asks again", async () => {
    const svc = timelineService();
    const { result } = renderFeatureHook(useTimelineAndApp, svc);
    await waitFor(() => expect(result.current.tl.summary).not.toBeNull());
    expect(svc.argsOf('timeline.summary')).toEqual([{ scenarioId: 1, standardId: 'national-2025' }]);
    expect(result.current.tl.standardId).toBe('national-2025');
    expect(result.current.tl.summary?.projects[0]?.deltas).toEqual({ beds_open: 40 });

    act(() => result.current.tl.setStandardId('province-2030'));
    await waitFor(() => expect(result.current.tl.summary?.standard).toBe('province-2030'));
    expect(svc.argsOf('timeline.summary').at(-1)).toEqual({ scenarioId: 1, standardId: 'province-2030' });

    act(() => result.current.tl.setRange({ from: 2025, to: 2035 }));
    await waitFor(() => expect(svc.argsOf('timeline.summary').at(-1)).toEqual({ scenarioId: 1, standardId: 'province-2030', fromYear: 2025, toYear: 2035 }));
  });

  it("another scenario: the old one's projects are not shown while its summary comes, nor after a late old answer", async () => {
    const hold = new Map<number, Held<TimelineSummary>[]>();
    const svc = timelineService(hold);
    const { result } = renderFeatureHook(useTimelineAndApp, svc);
    await waitFor(() => expect(result.current.tl.summary?.scenario).toBe('现状'));

    // A write: scenario 1's summary is asked again, and its answer is held (it will come last).
    hold.set(1, []);
    svc.bump();
    await waitFor(() => expect(hold.get(1)!.length).toBe(1));
    hold.set(2, []);
    await act(async () => {
      await result.current.actions.selectScenario(2);
    });
    await waitFor(() => expect(hold.get(2)!.length).toBe(1));
    expect(result.current.app.scenarioId).toBe(2);
    expect(result.current.tl.summary).toBeNull();
    expect(result.current.tl.loading).toBe(true);

    await act(async () => {
      hold.get(2)![0]!.release(summary('新建急救站', 'national-2025', 120));
    });
    await waitFor(() => expect(result.current.tl.summary?.scenario).toBe('新建急救站'));
    expect(result.current.tl.summary?.projects[0]?.deltas).toEqual({ beds_open: 120 });
    expect(result.current.tl.loading).toBe(false);

    await act(async () => {
      hold.get(1)![0]!.release(summary('现状', 'national-2025', 40));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(result.current.tl.summary?.scenario).toBe('新建急救站');
  });
});
