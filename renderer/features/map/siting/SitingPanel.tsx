/**
 * 设施选址 beside the map: the question (SitingForm), then the answer (SitingResult); the map draws the
 * proposed sites, the candidates and the demand points meanwhile (useSitingSources).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useLang } from '../../../ui/i18n/index.ts';
import { errorText } from '../../../ui/i18n/labels.ts';
import { useAppData } from '../../../ui/state/AppContext.tsx';
import { AppliedNote } from './ApplyScenario.tsx';
import { sameQuery, toQuery } from './settings.ts';
import { SitingForm } from './SitingForm.tsx';
import { SitingResult } from './SitingResult.tsx';
import type { SitingRun } from './useSitingRun.ts';
import './siting.css';

interface Props {
  siting: SitingRun;
  /** The side panel's tabs, in place of a title. */
  head: ReactNode;
  onPicking(on: boolean): void;
  onFly(lon: number, lat: number): void;
  onLocate(code: string): void;
}

export function SitingPanel({ siting, head, onPicking, onFly, onLocate }: Props) {
  const { t, lang } = useLang();
  const { scenarioId } = useAppData();
  const { result, asked } = siting;
  const stale = !!asked && !sameQuery(asked, toQuery(siting.settings, scenarioId));
  // The form is long: a new answer scrolls into view; another scenario starts at the top (its note).
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (result) panel.current?.querySelector('.siting-result')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [result]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scenarioId is the trigger (another scenario starts at the top), not read
  useEffect(() => {
    panel.current?.scrollTo({ top: 0 });
  }, [scenarioId]);
  return (
    <aside ref={panel} className="map-side" data-testid="siting-panel" aria-label={t('map.siting.title')}>
      {head}
      <AppliedNote />
      <SitingForm siting={siting} onPicking={onPicking} />
      {!!siting.error && (
        <p className="access-message is-error" role="alert" data-testid="siting-error">
          {t('map.siting.failed', { message: errorText(siting.error, lang) })}
        </p>
      )}
      {result ? (
        <SitingResult result={result} busy={siting.busy} stale={stale} edited={siting.edited} onFly={onFly} onLocate={onLocate} />
      ) : (
        !siting.busy && <p className="access-message">{t('map.siting.hint')}</p>
      )}
    </aside>
  );
}
