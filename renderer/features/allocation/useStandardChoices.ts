/** The standard sets to choose from and the plan's own choice (gaps.settings), read once per plan. */
import { useEffect, useState } from 'react';
import type { GapSettings } from '../../../shared/api/contract.ts';
import { judgedScope, type AllocationScope } from '../../../shared/allocation/scope.ts';
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';
import { useUi } from '../../app/state/UiContext.tsx';

export interface StandardChoices { sets: StandardSummary[] | null; settings: GapSettings | null; error: unknown }

export function useStandardChoices(): StandardChoices {
  const { invoke } = useAppActions();
  const { status } = useAppData();
  const { dialog } = useUi();
  const plan = status?.plan?.path ?? null;
  const [state, setState] = useState<StandardChoices>({ sets: null, settings: null, error: null });
  // 管理标准… may add or remove sets: read them again once it closes.
  const standardsOpen = dialog?.kind === 'standards';
  useEffect(() => {
    if (!plan || standardsOpen) return;
    let live = true;
    Promise.all([invoke('gaps.settings', {}), invoke('standards.list', {})]).then(
      ([settings, sets]) => { if (live) setState({ sets, settings, error: null }); },
      (error: unknown) => { if (live) setState((s) => ({ ...s, error })); },
    );
    return () => { live = false; };
  }, [invoke, plan, standardsOpen]);
  return state;
}

/**
 * The level the chosen set's ratio targets are judged at (judgedScope, shared/allocation/scope.ts): the
 * allocation's default, as the service's and the CLI's. null while the set is read.
 */
export function useJudgedScope(standardId: string | null): AllocationScope | null {
  const { invoke } = useAppActions();
  const [judged, setJudged] = useState<{ id: string; scope: AllocationScope } | null>(null);
  useEffect(() => {
    if (!standardId) return;
    let live = true;
    invoke('standards.get', { id: standardId }).then(
      (set) => { if (live) setJudged({ id: standardId, scope: judgedScope(set) }); },
      () => { if (live) setJudged({ id: standardId, scope: 'county' }); }, // the service says what is wrong when it runs
    );
    return () => { live = false; };
  }, [invoke, standardId]);
  return judged && judged.id === standardId ? judged.scope : null;
}
