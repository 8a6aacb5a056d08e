/**
 * The answer: how the travel times were computed, whether it is out of date, the figures and quality,
 * 生成新情景…, the proposed sites, coverage by area, and the notes a reader must know.
 */
import type { SitingResultOut } from '../../../../shared/siting/query.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { ApplyScenario } from './ApplyScenario.tsx';
import { CoverageTable } from './CoverageTable.tsx';
import { SitesTable } from './SitesTable.tsx';
import { SitingSummary } from './SitingSummary.tsx';

interface Props {
  result: SitingResultOut;
  busy: boolean;
  stale: boolean;
  edited: boolean;
  onFly(lon: number, lat: number): void;
  onLocate(code: string): void;
}

export function SitingResult({ result: r, busy, stale, edited, onFly, onLocate }: Props) {
  const { t, lang } = useLang();
  const notes = lang === 'en' ? r.notesEn : r.notes;
  return (
    <div className={`access-result siting-result${busy ? ' is-busy' : ''}`} data-testid="siting-result">
      <p className={`access-model-note${r.travelModel === 'straight_line' ? ' is-fallback' : ''}`} data-testid="siting-model-note">
        <span aria-hidden="true">ⓘ </span>
        {lang === 'en' ? r.modelNoteEn : r.modelNote}
      </p>
      <p className="access-model-note" data-testid="siting-demand-note">
        {lang === 'en' ? r.demand.noteEn : r.demand.note}
      </p>
      {stale && (
        <p className="access-message" data-testid="siting-stale">
          {t('map.siting.stale')}
        </p>
      )}
      {edited && (
        <p className="access-message" data-testid="siting-edited">
          {t('map.siting.edited')}
        </p>
      )}
      <SitingSummary result={r} />
      <ApplyScenario result={r} />
      <SitesTable chosen={r.chosen} model={r.model} onFly={onFly} />
      <CoverageTable result={r} onLocate={onLocate} />
      <section className="siting-section siting-notes" data-testid="siting-notes">
        <h3 className="siting-section-title">{t('map.siting.notes')}</h3>
        <ul>
          <li>{t('map.siting.sum.candidates', { n: r.candidateCount.toLocaleString('en-US') })}</li>
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
