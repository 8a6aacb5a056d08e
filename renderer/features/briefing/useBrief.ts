/**
 * The briefing of the active scenario (and the one compared with), read through the client's cache
 * (renderer/api): made again whenever the plan's revision moves (an edit, undo, import) or another
 * scenario, comparison, language or plan is asked for. The last brief stays on screen meanwhile.
 */
import type { Brief } from '../../../shared/briefing/model.ts';
import { useQuery } from '../../api/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';

export interface BriefData {
  brief: Brief | null;
  loading: boolean;
  error: unknown;
  retry(): void;
}

export function useBrief(compareId: number | null): BriefData {
  const { lang } = useLang();
  const { scenarioId, units, facilities, status } = useAppData();
  const ready = !!status?.plan?.path && !!units && !!facilities;
  const q = useQuery('brief.get', compareId === null ? { scenarioId, lang } : { scenarioId, compareId, lang }, { enabled: ready, keepPrevious: true });
  return { brief: q.data, loading: q.loading || !ready, error: q.error, retry: q.refetch };
}
