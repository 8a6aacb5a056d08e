// @vitest-environment happy-dom
// 实施计划's hook (features/programme/useProgramme.ts) inside AppProvider with a fake service: the years
// default to the plan's standard year … +5; 测算 waits for money; the query sent is the settings as the
// planner typed them (years, each year's money in 万元 with thousands separators, 结转, recruits, the
// projects source, an own 扩建 with its beds, cost and fixed year, another after it, a rule set from the
// results table); a late reply to an older run never replaces the newer programme.
import { describe, expect, it } from 'vitest';
import type { ProgrammeOut, ProgrammeQueryIn } from '../../../shared/api/methods/programme.ts';
import { newOwnRow, removeOwnRow, sameEveryYear, type ProgrammeForm } from '../../../renderer/features/programme/form.ts';
import { useProgramme } from '../../../renderer/features/programme/useProgramme.ts';
import { act, fakeService, held, renderFeatureHook, waitFor, type Held } from './harness.tsx';

const SETTINGS = { 'gaps.settings': () => ({ standardId: 'changsha-14fyp-2025', year: 2025 }) };

/** A programme placing one action (`id`) in `year` at `cost` 万元 (only the fields the hook reads). */
function programme(query: ProgrammeQueryIn, id: string, year: number, cost: number): ProgrammeOut {
  return {
    standard: query.standardId,
    scenarioId: query.scenarioId,
    fromYear: query.fromYear,
    toYear: query.toYear,
    years: [{ year, money: 3000, available: 3000, spent: cost, staff: {}, actions: [{ id, name: id, kind: 'expand', source: 'planner', cost }] }],
    unscheduled: [],
    targets: [],
  } as unknown as ProgrammeOut;
}

const placedId = (r: ProgrammeOut | undefined) => r?.years[0]?.actions[0]?.id ?? null;

describe('实施计划 (useProgramme)', () => {
  it("defaults to the plan's standard year … +5 and will not run without money", async () => {
    const svc = fakeService(SETTINGS);
    const { result } = renderFeatureHook(() => useProgramme(), svc);
    await waitFor(() => expect(result.current.standardId).toBe('changsha-14fyp-2025'));
    expect([result.current.form.from, result.current.form.to]).toEqual(['2025', '2030']);
    expect(result.current.checked.blocked).toBe('noMoney');
    expect(result.current.checked.query).toBeNull();
    act(() => result.current.start());
    expect(svc.argsOf('programme.run')).toEqual([]);
  });

  it('sends the settings as typed: years, money by year, 结转, recruits, own actions with their rules, a table rule', async () => {
    const svc = fakeService({ ...SETTINGS, 'programme.run': (q) => programme(q, 'own-1', 2023, 1200) });
    const { result } = renderFeatureHook(() => useProgramme(), svc);
    await waitFor(() => expect(result.current.standardId).not.toBeNull());
    act(() =>
      result.current.setForm((f) => {
        let g: ProgrammeForm = { ...f, from: '2022', to: '2024', carryOver: true, money: { '2022': '3,000' } };
        g = sameEveryYear(g); // 2022, 2023 and 2024 all 3,000
        g = { ...g, money: { ...g.money, '2024': '' }, staff: { physicians: '', nurses: '60', gps: '' } };
        g = newOwnRow(newOwnRow(g));
        const [a, b] = g.own;
        return {
          ...g,
          own: [
            { ...a!, name: '一院扩建', kind: 'expand', facility: 'H1', beds: '50', cost: '1,200', fixedYear: '2023' },
            { ...b!, name: '信息平台', kind: 'other', cost: '300', after: 'own-1' },
          ],
          rules: { 'project:7': { exclude: true }, 'project:8': { notBefore: 2023 } },
        };
      }),
    );
    expect(result.current.checked.blocked).toBeNull();
    act(() => result.current.start());
    await waitFor(() => expect(result.current.run).not.toBeNull());
    expect(svc.argsOf('programme.run')).toEqual([
      {
        scenarioId: 1,
        standardId: 'changsha-14fyp-2025',
        fromYear: 2022,
        toYear: 2024,
        // 2024 left empty: no money that year (not sent).
        money: [
          { year: 2022, amount: 3000 },
          { year: 2023, amount: 3000 },
        ],
        carryOver: true,
        staff: { nurses: 60 },
        candidates: {
          projects: true,
          own: [
            { id: 'own-1', name: '一院扩建', kind: 'expand', facility_id: 'H1', deltas: { beds_open: 50 }, cost: 1200 },
            { id: 'own-2', name: '信息平台', kind: 'other', cost: 300 },
          ],
        },
        rules: [
          { action: 'own-1', fixedYear: 2023 },
          { action: 'own-2', after: ['own-1'] },
          { action: 'project:7', exclude: true },
          { action: 'project:8', notBefore: 2023 },
        ],
      },
    ]);
    expect(placedId(result.current.run?.result)).toBe('own-1');
    expect(result.current.changed).toBe(false);
    // A rule changed from the table: the shown programme no longer answers the settings.
    act(() => result.current.setForm((f) => ({ ...f, rules: { ...f.rules, 'project:7': { fixedYear: 2024 } } })));
    expect(result.current.changed).toBe(true);
    // Removing the first own action drops the second's 在…之后 with it.
    act(() => result.current.setForm((f) => removeOwnRow(f, 'own-1')));
    expect(result.current.form.own.map((r) => [r.id, r.after])).toEqual([['own-2', '']]);
  });

  it('a bad year or a money typed wrong blocks 测算 and names the field', async () => {
    const svc = fakeService(SETTINGS);
    const { result } = renderFeatureHook(() => useProgramme(), svc);
    await waitFor(() => expect(result.current.standardId).not.toBeNull());
    act(() => result.current.setForm((f) => ({ ...f, from: '2026', to: '2024' })));
    expect(result.current.checked.blocked).toBe('years');
    expect([...result.current.checked.bad]).toEqual(['to']);
    act(() => result.current.setForm((f) => ({ ...f, to: '2027', money: { '2026': '五千' } })));
    expect(result.current.checked.blocked).toBe('bad');
    expect([...result.current.checked.bad]).toEqual(['money.2026']);
  });

  it('newest wins: a late reply to the earlier run does not replace the later programme', async () => {
    const hold: Held<ProgrammeOut>[] = [];
    const svc = fakeService({
      ...SETTINGS,
      'programme.run': (q) => {
        if (q.money[0]!.amount === 1000) {
          const h = held<ProgrammeOut>();
          hold.push(h);
          return h.promise;
        }
        return programme(q, 'project:2', 2026, 4000);
      },
    });
    const { result } = renderFeatureHook(() => useProgramme(), svc);
    await waitFor(() => expect(result.current.standardId).not.toBeNull());
    act(() => result.current.setForm((f) => ({ ...f, money: { '2025': '1000' } })));
    act(() => result.current.start());
    await waitFor(() => expect(hold.length).toBe(1));
    expect(result.current.running).toBe(true);
    act(() => result.current.setForm((f) => ({ ...f, money: { '2025': '5000' } })));
    act(() => result.current.start());
    await waitFor(() => expect(placedId(result.current.run?.result)).toBe('project:2'));
    expect(result.current.running).toBe(false);
    await act(async () => {
      hold[0]!.release(programme(svc.argsOf('programme.run')[0]!, 'project:1', 2025, 900));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(placedId(result.current.run?.result)).toBe('project:2');
    expect(result.current.run?.query.money).toEqual([{ year: 2025, amount: 5000 }]);
    expect(svc.argsOf('programme.run').map((q) => q.money[0]!.amount)).toEqual([1000, 5000]);
  });
});
