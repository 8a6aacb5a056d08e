/** The standard sets to choose from and the plan's own choice (gaps.settings), read through the client's cache. */
import type { GapSettings } from '../../../shared/api/contract.ts';
import { judgedScope, type AllocationScope } from '../../../shared/allocation/scope.ts';
import type { StandardSummary } from '../../../shared/gaps/standard.ts';
import { useQuery } from '../../api/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';

export interface StandardChoices {
  sets: StandardSummary[] | null;
  settings: GapSettings | null;
  error: unknown;
}

export function useStandardChoices(): StandardChoices {
  const { status } = useAppData();
  const open = !!status?.plan?.path;
  // 管理标准… may add or remove sets: a write, so the revision moves and both are read again.
  const settings = useQuery('gaps.settings', {}, { enabled: open });
  const sets = useQuery('standards.list', {}, { enabled: open });
  return { sets: sets.data, settings: settings.data, error: settings.error ?? sets.error };
}

/**
 * The level the chosen set's ratio targets are judged at (judgedScope, shared/allocation/scope.ts): the
 * allocation's default, as the service's and the CLI's. null while the set is read.
 */
export function useJudgedScope(standardId: string | null): AllocationScope | null {
  const q = useQuery('standards.get', { id: standardId ?? '' }, { enabled: !!standardId });
  if (!standardId || (q.dataArgs?.id !== standardId && !q.error)) return null;
  // The service says what is wrong when it runs.
  return q.data && q.dataArgs?.id === standardId ? judgedScope(q.data) : 'county';
}
