// @vitest-environment happy-dom
// 实施计划's candidates from the other screens: 「加入实施计划候选」 in the siting panel (a proposal's chosen sites)
// and in 资源配置 (the result's facility lines: additions only, one 扩建 a facility) keep them in
// ui/state/programmeProposals; the 实施计划 tab, shown next in the same window, sends the ticked ones as
// candidates.siting / candidates.allocation (unticked: not sent, and the shown programme no longer answers the
// settings), with the standard set chosen; and says what the plan's 造价标准 cannot price.
import { fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgrammeOut, ProgrammeQueryIn } from '../../../shared/api/methods/programme.ts';
import type { SitingResultOut } from '../../../shared/siting/query.ts';
import { ToProgramme as AllocationToProgramme } from '../../../renderer/features/allocation/ToProgramme.tsx';
import type { RunRecord as AllocationRun } from '../../../renderer/features/allocation/session.ts';
import { ToProgramme as SitingToProgramme } from '../../../renderer/features/map/siting/ToProgramme.tsx';
import { unpricedNotes } from '../../../renderer/features/programme/Proposals.tsx';
import { useProgramme, type ProgrammeState } from '../../../renderer/features/programme/useProgramme.ts';
import { useLang } from '../../../renderer/ui/i18n/index.ts';
import { proposalLabel, type ProgrammeProposals } from '../../../renderer/ui/state/programmeProposals.ts';
import { act, fakeService, Providers, render, waitFor, type FakeService } from './harness.tsx';

const SETTINGS = { 'gaps.settings': () => ({ standardId: 'changsha-14fyp-2025', year: 2025 }) };

/** 3 new CHCs and one 社区卫生服务站 upgraded to a CHC (what the programme takes of each, and fields it does not). */
const SITES = [
  { id: 'G1', name: '新址 1', lon: 112.98, lat: 28.25, source: 'generated' as const },
  { id: 'G2', name: '新址 2', lon: 112.99, lat: 28.26, source: 'generated' as const },
  { id: 'S7', name: '候选点 7', lon: 113.0, lat: 28.27, source: 'list' as const },
  { id: 'F9', name: '伍家岭站', lon: 113.01, lat: 28.22, source: 'upgrade' as const },
];
const SITING = {
  query: { scenarioId: 1, type: 'chc' },
  chosen: SITES.map((s) => ({ ...s, township: null, newlyCovered: 1000, served: 1000 })),
} as unknown as SitingResultOut;

/** A unit line (not a facility's), F1 +20 beds and +3 GPs, F2 +10 beds, F3 nothing, F4 a hand-set reduction. */
const line = (scope: 'unit' | 'facility', code: string, resource: string, allocated: number) => ({ scope, code, resource, allocated });
const ALLOCATION = {
  query: { scenarioId: 1 },
  result: {
    lines: [
      line('unit', '430105', 'beds', 30),
      line('facility', 'F1', 'beds', 20),
      line('facility', 'F2', 'beds', 10),
      line('unit', '430105', 'gps', 3),
      line('facility', 'F1', 'gps', 3),
      line('facility', 'F3', 'nurses', 0),
      line('facility', 'F4', 'beds', -5),
    ],
  },
} as unknown as AllocationRun;
const LINES = [
  { facility: 'F1', resource: 'beds', amount: 20 },
  { facility: 'F2', resource: 'beds', amount: 10 },
  { facility: 'F1', resource: 'gps', amount: 3 },
];

let programme: ProgrammeState;
let lang: ReturnType<typeof useLang>;
function Programme() {
  programme = useProgramme();
  lang = useLang();
  return null;
}
/** One window: the screen shown is one of three, the app's providers stay (as the tabs do). */
function Window({ svc, screen }: { svc: FakeService; screen: 'siting' | 'allocation' | 'programme' }) {
  return (
    <Providers service={svc}>
      {screen === 'siting' && <SitingToProgramme result={SITING} />}
      {screen === 'allocation' && <AllocationToProgramme run={ALLOCATION} />}
      {screen === 'programme' && <Programme />}
    </Providers>
  );
}

const result = (q: ProgrammeQueryIn) => ({ standard: q.standardId, years: [], unscheduled: [], targets: [] }) as unknown as ProgrammeOut;

describe('实施计划 candidates from siting and allocation', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 6, 22, 30));
  });
  afterEach(() => vi.useRealTimers());

  it('adds them from the two screens; the programme sends the ticked ones, with the set chosen', async () => {
    const svc = fakeService({ ...SETTINGS, 'programme.run': result });
    const view = render(<Window svc={svc} screen="siting" />);
    const sitingButton = await view.findByTestId('siting-to-programme');
    expect(sitingButton.textContent).toBe('加入实施计划候选');
    act(() => fireEvent.click(sitingButton));
    expect(sitingButton.textContent).toBe('✓ 已加入实施计划候选');

    view.rerender(<Window svc={svc} screen="allocation" />);
    const allocButton = await view.findByTestId('alloc-to-programme');
    expect(allocButton.getAttribute('data-added')).toBe('false');
    act(() => fireEvent.click(allocButton));
    expect(allocButton.getAttribute('data-added')).toBe('true');

    view.rerender(<Window svc={svc} screen="programme" />);
    await waitFor(() => expect(programme.standardId).toBe('changsha-14fyp-2025'));
    const { siting, allocation } = programme.proposals;
    expect(siting?.sites).toEqual(SITES);
    expect(allocation?.lines).toEqual(LINES);
    // Labels: 3 new and 1 upgrade; beds 20 + 10 = 30 and GPs 3 over 2 facilities (the unit lines and F3, F4 not counted).
    expect(proposalLabel('siting', siting!, lang.t, lang.lang)).toBe('选址：新增社区卫生服务中心 3 处、升级为社区卫生服务中心 1 处 (2026-12-06 22:30)');
    expect(proposalLabel('allocation', allocation!, lang.t, lang.lang)).toBe('资源配置：床位 +30、全科医生 +3（2 个机构） (2026-12-06 22:30)');

    act(() => programme.setForm((f) => ({ ...f, from: '2026', to: '2027', money: { '2026': '2,000', '2027': '1,000' } })));
    act(() => programme.start());
    await waitFor(() => expect(programme.run).not.toBeNull());
    expect(svc.argsOf('programme.run')[0]).toEqual({
      scenarioId: 1,
      standardId: 'changsha-14fyp-2025',
      fromYear: 2026,
      toYear: 2027,
      money: [
        { year: 2026, amount: 2000 },
        { year: 2027, amount: 1000 },
      ],
      carryOver: false,
      candidates: { projects: true, siting: { type: 'chc', sites: SITES }, allocation: { lines: LINES }, own: [] },
      rules: [],
    });
    expect(programme.changed).toBe(false);

    // Unticking the siting proposal: not sent, and the programme shown no longer answers the settings.
    act(() => programme.setProposals((p) => ({ ...p, siting: p.siting && { ...p.siting, on: false } })));
    expect(programme.changed).toBe(true);
    expect(programme.checked.query?.candidates).toEqual({ projects: true, allocation: { lines: LINES }, own: [] });
    // Removed: nothing of it left; another set chosen is sent; the plan's set chosen again is the default (no standardId kept).
    act(() => programme.setProposals((p) => ({ ...p, allocation: null })));
    expect(programme.checked.query?.candidates).toEqual({ projects: true, own: [] });
    act(() => programme.setForm((f) => ({ ...f, standardId: 'kaifu-2024' })));
    expect(programme.checked.query?.standardId).toBe('kaifu-2024');
    act(() => programme.start());
    await waitFor(() => expect(svc.argsOf('programme.run').length).toBe(2));
    expect(svc.argsOf('programme.run')[1]!.standardId).toBe('kaifu-2024');
    expect(svc.argsOf('programme.run')[1]!.candidates).toEqual({ projects: true, own: [] });
  });

  it("says what the plan's 造价标准 cannot price", async () => {
    const svc = fakeService(SETTINGS);
    render(<Window svc={svc} screen="programme" />);
    await waitFor(() => expect(programme.standardId).not.toBeNull());
    const proposals: ProgrammeProposals = {
      siting: { scenarioId: 1, type: 'chc', sites: SITES, made: new Date().toISOString(), on: true },
      allocation: { scenarioId: 1, lines: LINES as never, made: new Date().toISOString(), on: true },
    };
    const notes = (kind: 'siting' | 'allocation', perUnit: Record<string, number>, perFacility: Record<string, number>) =>
      unpricedNotes(kind, proposals[kind]!, { perUnit, perFacility }, lang.t, lang.lang);
    // No prices: the 3 new CHCs and the upgrade are 未定价; both facilities' expansions too.
    expect(notes('siting', {}, {})).toEqual([
      '造价标准未填社区卫生服务中心的新建造价：3 处新建将列为未定价，可在结果中填写投资。',
      '升级不按造价标准计价：1 处升级将列为未定价，可在结果中填写投资。',
    ]);
    expect(notes('allocation', {}, {})).toEqual(['造价标准未填床位、全科医生的单价：2 个机构的扩建将列为未定价，可在结果中填写投资。']);
    // A CHC priced: only the upgrade said. Beds priced: each facility has a price, the GPs are left out of F1's cost.
    expect(notes('siting', {}, { chc: 8_000_000 })).toEqual(['升级不按造价标准计价：1 处升级将列为未定价，可在结果中填写投资。']);
    expect(notes('allocation', { beds: 300_000 }, {})).toEqual(['造价标准未填全科医生的单价：这部分增量不计入投资。']);
    // GPs priced only: F2 (beds alone) stays 未定价.
    expect(notes('allocation', { gps: 200_000 }, {})).toEqual(['造价标准未填床位的单价：1 个机构的扩建将列为未定价，可在结果中填写投资。']);
    expect(notes('allocation', { beds: 300_000, gps: 200_000 }, {})).toEqual([]);
  });
});
