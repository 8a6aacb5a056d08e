// @vitest-environment happy-dom
// 可及性分析's run (features/map/useAccessRun.ts, over useJob) inside AppProvider with a fake service: the
// 1030 question is sent for the active scenario, the progress the service reports is shown, then the
// result; a second run cancels the first on the service, and the first's answer, however late, is never shown.
import { describe, expect, it } from 'vitest';
import type { AccessJobOut } from '../../../shared/api/methods/access.ts';
import type { AccessResultOut } from '../../../shared/access/result.ts';
import { useAccessRun } from '../../../renderer/features/map/useAccessRun.ts';
import { act, fakeService, held, renderFeatureHook, waitFor, type Held } from './harness.tsx';

/** A result whose only figure here is the population no station reaches within the rule. */
const resultOf = (unreachable: number) => ({ unreachable, units: [], points: [], bands: [], facilities: [] }) as unknown as AccessResultOut;

/** Jobs numbered from 1; each answers `running` (stage, share) until the test marks it done. */
function accessService(startHold?: Map<number, Held<{ job: number }>>) {
  let next = 0;
  const jobs = new Map<number, AccessJobOut>();
  const svc = fakeService({
    'access.start': () => {
      const job = ++next;
      jobs.set(job, { state: 'running', stage: 'routing', share: 0.25 });
      const h = startHold?.get(job);
      return h ? h.promise : { job };
    },
    'access.job': ({ job }) => jobs.get(job)!,
    'access.cancel': ({ job }) => {
      jobs.set(job, { state: 'cancelled', stage: '', share: 0 });
      return { cancelled: true };
    },
  });
  return { svc, jobs };
}

describe('useAccessRun', () => {
  it('sends the 1030 question for the active scenario, shows the progress, then the result', async () => {
    const { svc, jobs } = accessService();
    const { result } = renderFeatureHook(() => useAccessRun(), svc);
    await waitFor(() => expect(svc.argsOf('units.list').length).toBeGreaterThan(0));
    act(() => result.current.run());
    // 益资政办发〔2023〕20号: "按照救护车城区 10 分钟内到达、乡村 30 分钟内到达现场的“1030”原则建设好乡镇急救站"
    // — the default rule: from the 120 stations, 10 minutes in town, 30 in the country.
    await waitFor(() => expect(svc.argsOf('access.start')).toHaveLength(1));
    expect(svc.argsOf('access.start')[0]).toMatchObject({ scenarioId: 1, types: ['ems_station'], urbanMinutes: 10, ruralMinutes: 30, direction: 'from' });
    expect(result.current.busy).toBe(true);

    await waitFor(() => expect(result.current.progress).toEqual({ stage: 'routing', share: 0.25 }));
    expect(result.current.result).toBeNull();
    jobs.set(1, { state: 'running', stage: 'coverage', share: 0.8 });
    await waitFor(() => expect(result.current.progress).toEqual({ stage: 'coverage', share: 0.8 }));

    jobs.set(1, { state: 'done', stage: 'done', share: 1, result: resultOf(4210) });
    await waitFor(() => expect(result.current.result).not.toBeNull());
    expect(result.current.result?.unreachable).toBe(4210);
    expect(result.current.busy).toBe(false);
    expect(result.current.progress).toBeNull();
    expect(svc.argsOf('access.cancel')).toEqual([]);
  });

  it("a second run cancels the first on the service; the first's late answer is never shown", async () => {
    const startHold = new Map([[1, held<{ job: number }>()]]);
    const { svc, jobs } = accessService(startHold);
    const { result } = renderFeatureHook(() => useAccessRun(), svc);
    await waitFor(() => expect(svc.argsOf('units.list').length).toBeGreaterThan(0));

    act(() => result.current.run()); // job 1: its start reply is held
    await waitFor(() => expect(svc.argsOf('access.start')).toHaveLength(1));
    act(() => result.current.run()); // job 2
    await waitFor(() => expect(svc.argsOf('access.start')).toHaveLength(2));
    jobs.set(2, { state: 'done', stage: 'done', share: 1, result: resultOf(980) });
    await waitFor(() => expect(result.current.result?.unreachable).toBe(980));
    expect(result.current.busy).toBe(false);

    // Job 1's start answer arrives now, and the job would be done with another figure: it is cancelled on
    // the service and its result never asked for, nor shown.
    jobs.set(1, { state: 'done', stage: 'done', share: 1, result: resultOf(4210) });
    await act(async () => {
      startHold.get(1)!.release({ job: 1 });
      await new Promise((r) => setTimeout(r, 450)); // two polls' time
    });
    expect(svc.argsOf('access.cancel')).toEqual([{ job: 1 }]);
    expect(svc.argsOf('access.job').filter((a) => a.job === 1)).toEqual([]);
    expect(result.current.result?.unreachable).toBe(980);
  });
});
