/** While an analysis runs: what it is doing, how far it is, the seconds so far, and 取消. */
import { useEffect, useState } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import type { Key } from '../../ui/i18n/keys.ts';
import type { JobProgress } from '../../api/index.ts';

const ACCESS_STAGES = ['queued', 'prepare', 'graph', 'snap', 'search', 'done'];

interface Props {
  startedAt: number;
  progress: JobProgress | null;
  onCancel(): void;
  /** The stages this kind of job reports and where their texts are (siting has its own). */
  stages?: { keys: readonly string[]; prefix: string; busy: string };
  testId?: string;
}

export function AccessBusy({ startedAt, progress, onCancel, stages, testId = 'access' }: Props) {
  const { t } = useLang();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, []);
  const { keys, prefix, busy } = stages ?? { keys: ACCESS_STAGES, prefix: 'map.access.stage', busy: 'map.access.busy' };
  const s = Math.max(0, Math.floor((now - startedAt) / 1000));
  const stage = progress && keys.includes(progress.stage) ? t(`${prefix}.${progress.stage}` as Key) : t(busy as Key);
  const share = progress ? Math.min(1, Math.max(0, progress.share)) : null;
  return (
    <div className="access-busy" role="status" data-testid={`${testId}-busy`}>
      <div className="access-busy-line">
        <span className="map-busy">
          {stage}
          {share !== null && share > 0 ? ` ${Math.round(share * 100)}%` : ''}
        </span>
        <span className="access-busy-time">{s >= 1 ? t('map.access.seconds', { s }) : ''}</span>
        <button type="button" className="link-btn" onClick={onCancel} data-testid={`${testId}-cancel`}>
          {t('map.access.cancel')}
        </button>
      </div>
      <div className={`access-progress${share === null ? ' is-unknown' : ''}`} aria-hidden="true">
        <span style={share === null ? undefined : { width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
