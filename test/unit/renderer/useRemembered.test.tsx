// @vitest-environment happy-dom
// Where the planner was on a screen (useRemembered: a filter, a drill-down path, a chosen set) outlives
// the tab switch and another plan opened, held by the client's store: two AppProviders (two windows'
// worth, or two tests) share none of it. remember() from another screen is found by the screen shown next.
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useAppActions } from '../../../renderer/ui/state/AppContext.tsx';
import { useRemember, useRemembered } from '../../../renderer/ui/state/useRemembered.ts';
import { act, fakeService, planInfo, Providers, type FakeService } from './harness.tsx';

const wrapperOf =
  (svc: FakeService) =>
  ({ children }: { children: ReactNode }) => <Providers service={svc}>{children}</Providers>;

describe('useRemembered', () => {
  it('a screen shown again (unmounted by a tab switch, mounted again) finds what was set, also after another plan opened', async () => {
    const svc = fakeService();
    const wrapper = wrapperOf(svc);
    const first = renderHook(() => ({ kept: useRemembered('gaps.onlyShort', false), actions: useAppActions() }), { wrapper });
    act(() => first.result.current.kept[1](true));
    expect(first.result.current.kept[0]).toBe(true);
    // Another plan: the plan's memory is forgotten, the session's is not.
    await act(async () => {
      await first.result.current.actions.planOpened(planInfo('/plans/另一县.healthplan'));
    });
    first.unmount();

    // The same provider's store, a new mount of the screen.
    const again = renderHook(() => useRemembered('gaps.onlyShort', false), { wrapper: wrapperOf(svc) });
    expect(again.result.current[0]).toBe(true);
  });

  it('two providers do not share it', () => {
    const a = renderHook(() => useRemembered<string[]>('gaps.path', []), { wrapper: wrapperOf(fakeService()) });
    act(() => a.result.current[1](['430100', '430102']));
    expect(a.result.current[0]).toEqual(['430100', '430102']);

    const b = renderHook(() => useRemembered<string[]>('gaps.path', []), { wrapper: wrapperOf(fakeService()) });
    expect(b.result.current[0]).toEqual([]);
  });

  it('remember() from another screen is what the screen finds when shown next', () => {
    const svc = fakeService();
    const sender = renderHook(() => useRemember(), { wrapper: wrapperOf(svc) });
    act(() => sender.result.current<string[]>('gaps.path', ['430100', '430102003']));
    const shown = renderHook(() => useRemembered<string[]>('gaps.path', []), { wrapper: wrapperOf(svc) });
    expect(shown.result.current[0]).toEqual(['430100', '430102003']);
    // Not in another provider's.
    const other = renderHook(() => useRemembered<string[]>('gaps.path', []), { wrapper: wrapperOf(fakeService()) });
    expect(other.result.current[0]).toEqual([]);
  });
});
