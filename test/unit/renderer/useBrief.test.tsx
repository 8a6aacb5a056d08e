// @vitest-environment happy-dom
// 总览's data hook (features/briefing/useBrief.ts) inside AppProvider with a fake service: the brief asked
// is the active scenario's in the interface language; asking for a comparison keeps the last brief on
// screen (marked loading) until the compared one comes, whose figures then show.
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../shared/briefing/model.ts';
import { useBrief } from '../../../renderer/features/briefing/useBrief.ts';
import { fakeService, held, renderFeatureHook, waitFor, type Held } from './harness.tsx';

/** A brief whose only figure here is the population counted. */
const briefOf = (planName: string, population: number) =>
  ({ planName, counts: { population, counties: 1, townships: 12, facilities: 98 } }) as Partial<Brief> as Brief;

describe('useBrief', () => {
  it('asks for the active scenario in Chinese, then with the scenario compared; the last brief stays until the next comes', async () => {
    const compared: Held<Brief>[] = [];
    const svc = fakeService({
      'brief.get': (a) => {
        if (a.compareId === undefined) return briefOf('示例县', 812_345);
        const h = held<Brief>();
        compared.push(h);
        return h.promise;
      },
    });
    const { result, rerender } = renderFeatureHook(({ compareId }: { compareId: number | null }) => useBrief(compareId), svc, {
      compareId: null as number | null,
    });
    await waitFor(() => expect(result.current.brief).not.toBeNull());
    expect(svc.argsOf('brief.get')).toEqual([{ scenarioId: 1, lang: 'zh-CN' }]);
    expect(result.current.brief?.counts.population).toBe(812_345);
    expect(result.current.loading).toBe(false);

    rerender({ compareId: 2 });
    await waitFor(() => expect(compared).toHaveLength(1));
    expect(svc.argsOf('brief.get').at(-1)).toEqual({ scenarioId: 1, compareId: 2, lang: 'zh-CN' });
    expect(result.current.brief?.planName).toBe('示例县');
    expect(result.current.loading).toBe(true);

    compared[0]!.release(briefOf('示例县（对比）', 812_345));
    await waitFor(() => expect(result.current.brief?.planName).toBe('示例县（对比）'));
    expect(result.current.loading).toBe(false);
  });
});
