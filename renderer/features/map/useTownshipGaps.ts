/**
 * The plan's targets at street/town level, and the status of each street/town for the target chosen to
 * colour the map, kept up to date through edits: gaps.statuses (gaps.evaluate's township statuses, without
 * the figures — a province's full report is 2.35 MB of JSON to read on the page's thread).
 */
import { useMemo } from 'react';
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useQuery } from '../../api/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { statusColour, type StatusColour } from './palette.ts';

export interface TargetChoice {
  id: string;
  name: string;
}
export interface TownshipGaps {
  targets: TargetChoice[];
  /** Status by unit code for the chosen target; null when none is chosen (or it has no results). */
  statuses: ReadonlyMap<string, StatusColour> | null;
  counts: Record<StatusColour, number>;
  error: unknown;
}

export function useTownshipGaps(targetId: string | null): TownshipGaps {
  const { lang } = useLang();
  const { scenarioId, units, facilities } = useAppData();

  // Evaluated once for the list of targets; again after every write (the client's cache reads again
  // when the revision moves) only while one colours the map: an evaluation runs the access engine for
  // access targets, not free on a large plan. Not colouring, an answer of an earlier revision will do.
  const loaded = !!units && !!facilities;
  const watching = targetId !== null;
  const { data: report, error } = useQuery('gaps.statuses', { scenarioId }, { enabled: loaded, follow: watching });

  const targets = useMemo(() => report?.targets.map((t) => ({ id: t.id, name: lang === 'en' ? t.nameEn : t.name })) ?? [], [report, lang]);

  const [statuses, counts] = useMemo(() => {
    const counts: Record<StatusColour, number> = { met: 0, near: 0, short: 0, none: 0 };
    if (!report || !targetId) return [null, counts] as const;
    const of = report.statuses[targetId];
    if (!of) return [null, counts] as const;
    const m = new Map<string, StatusColour>();
    report.codes.forEach((code, i) => {
      const s = of[i];
      if (s) m.set(code, statusColour(s));
    });
    if (m.size === 0) return [null, counts] as const;
    // Counted over the streets/towns on the map: one the target does not apply to has no data.
    for (const u of units ?? []) if (UNIT_KIND_LEVEL[u.kind] === 2) counts[m.get(u.code) ?? 'none']++;
    return [m, counts] as const;
  }, [report, targetId, units]);

  return { targets, statuses, counts, error };
}
