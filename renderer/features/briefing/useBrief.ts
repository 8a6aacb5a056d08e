/**
 * The briefing of the active scenario (and the one compared with), read again whenever the rows
 * change (an edit, undo, import, another scenario or plan). Replies that arrive after a newer request
 * are dropped; the last brief stays on screen meanwhile.
 */
import { useLang } from '../../app/i18n/index.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Brief } from '../../../shared/briefing/model.ts';
import { useAppActions, useAppData } from '../../app/state/AppContext.tsx';

export interface BriefData {
  brief: Brief | null;
  loading: boolean;
  error: unknown;
  retry(): void;
}

/** The last brief, so that coming back to the tab shows it at once while it is made again. */
let last: { key: string; brief: Brief } | null = null;

export function useBrief(compareId: number | null): BriefData {
  const { invoke } = useAppActions();
  const { lang } = useLang();
  const { scenarioId, units, facilities, status } = useAppData();
  const planPath = status?.plan?.path ?? null;
  const key = `${planPath}|${scenarioId}|${compareId ?? ''}|${lang}`;
  const [brief, setBrief] = useState<Brief | null>(() => (last?.key === key ? last.brief : null));
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [epoch, setEpoch] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    if (!planPath || !units || !facilities) return;
    const n = ++seq.current;
    setLoading(true);
    invoke('brief.get', compareId === null ? { scenarioId, lang } : { scenarioId, compareId, lang }).then((b) => {
      if (n !== seq.current) return;
      last = { key, brief: b };
      setBrief(b);
      setError(null);
      setLoading(false);
    }, (e: unknown) => {
      if (n !== seq.current) return;
      setError(e);
      setLoading(false);
    });
  }, [invoke, planPath, scenarioId, compareId, units, facilities, key, epoch]);

  const retry = useCallback(() => { setError(null); setEpoch((x) => x + 1); }, []);
  return { brief, loading: loading || !units || !facilities, error, retry };
}
