// @vitest-environment happy-dom
// 情景比较's data hook (features/compare/useCompare.ts) inside AppProvider with a fake service: with nothing
// chosen it compares the baseline with the other scenario, at county level; the figures shown are the
// reply's; another level chosen never shows the previous level's table as if it were the new one's.
import { describe, expect, it } from 'vitest';
import type { CompareLevel, CompareOut } from '../../../shared/compare/compare.ts';
import { useCompare } from '../../../renderer/features/compare/useCompare.ts';
import { act, fakeService, held, renderFeatureHook, SCENARIOS, waitFor, type Held } from './harness.tsx';

/** A comparison whose one row says scenario 2 closes `closed` of the region's shortfall. */
function comparison(ids: number[], level: CompareLevel, closed: number): CompareOut {
  return {
    standard: 'national-2025',
    standardName: '全国',
    standardNameEn: 'National',
    year: 2030,
    level,
    scenarios: ids.map((id) => ({ id, name: SCENARIOS.find((s) => s.id === id)?.name ?? '' })),
    targets: [],
    rows: [{ target: 'beds-per-1000', code: 'region', closed }],
    changes: ids.map(() => null),
    costs: {},
    unitNames: {},
    notes: [],
    notesEn: [],
    ms: 2,
  } as unknown as CompareOut;
}
const closedShown = (r: CompareOut | null) => (r?.rows[0] as { closed?: number } | undefined)?.closed ?? null;

describe('useCompare', () => {
  it("compares the baseline with the other scenario at county level, showing the reply's figures", async () => {
    const svc = fakeService({ 'scenarios.compare': (a) => comparison(a.scenarioIds, a.level ?? 'county', 85) });
    const { result } = renderFeatureHook(() => useCompare(), svc);
    await waitFor(() => expect(result.current.result).not.toBeNull());
    expect(svc.argsOf('scenarios.compare')).toEqual([{ scenarioIds: [1, 2], level: 'county' }]);
    expect(result.current.ids).toEqual([1, 2]);
    expect(closedShown(result.current.result)).toBe(85);
  });

  it('another level: the county table is not shown as the township one while it comes; a late county answer does not win', async () => {
    const hold: Held<CompareOut>[] = [];
    let holdCounty = false;
    const svc = fakeService({
      'scenarios.compare': (a) => {
        if (holdCounty && a.level === 'county') {
          const h = held<CompareOut>();
          hold.push(h);
          return h.promise;
        }
        return comparison(a.scenarioIds, a.level ?? 'county', a.level === 'township' ? 12 : 85);
      },
    });
    const { result } = renderFeatureHook(() => useCompare(), svc);
    await waitFor(() => expect(closedShown(result.current.result)).toBe(85));

    // A write while county is shown: county is asked again and held; the planner then picks 乡镇.
    holdCounty = true;
    svc.bump();
    await waitFor(() => expect(hold.length).toBe(1));
    act(() => result.current.setLevel('township'));
    expect(result.current.level).toBe('township');
    expect(result.current.result).toBeNull();
    await waitFor(() => expect(result.current.result?.level).toBe('township'));
    expect(closedShown(result.current.result)).toBe(12);

    await act(async () => {
      hold[0]!.release(comparison([1, 2], 'county', 85));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(result.current.result?.level).toBe('township');
    expect(closedShown(result.current.result)).toBe(12);
  });
});
