/**
 * 差距分析: the active scenario measured against the plan's standard set. The overview of the place
 * being looked at, the places below it in a table to drill into, and the source of whatever is picked.
 */
import { useCallback, useMemo, useState } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useActiveScenario, useAppData } from '../../ui/state/AppContext.tsx';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { indexReport, levelOf, placeRow, REGION, rowsUnder, selectionAt, type GapIndex, type GapSelection, type PlaceRow } from './drill.ts';
import { GapBreadcrumb } from './GapBreadcrumb.tsx';
import { GapSource } from './GapSource.tsx';
import { GapSummary } from './GapSummary.tsx';
import type { GapSort } from './GapTable.tsx';
import { GapsToolbar } from './GapsToolbar.tsx';
import { PlaceTable } from './PlaceTable.tsx';
import { useGapReport } from './useGapReport.ts';
import { RegionNotice } from './RegionNotice.tsx';
import { useRemembered } from '../../ui/state/useRemembered.ts';
import './gaps.css';

/** The places along the remembered path that still exist in this report (another set or plan may lack them). */
function placesAlong(ix: GapIndex, path: readonly string[], rootName: string): PlaceRow[] {
  const root = placeRow(ix, 'region', REGION) ?? { scope: 'region', code: REGION, name: rootName, parent: null, results: new Map() };
  const out: PlaceRow[] = [root];
  for (const [i, code] of path.entries()) {
    const row = placeRow(ix, levelOf(i + 1), code);
    if (!row || row.parent !== out[i]!.code) break;
    out.push(row);
  }
  return out;
}

export function GapsView() {
  const { t, lang } = useLang();
  const data = useGapReport();
  const [onlyShort, setOnlyShort] = useRemembered('gaps.onlyShort', false);
  const [path, setPath] = useRemembered<string[]>('gaps.path', []);
  const [selected, setSelected] = useRemembered<GapSelection | null>('gaps.selected', null);
  const [sort, setSort] = useRemembered<GapSort | null>('gaps.sort', null);
  const [hovered, setHovered] = useState<GapSelection | null>(null);
  const nameOf = useScenarioName();
  const scenarioName = nameOf(useActiveScenario()) || null;
  const { report } = data;
  const { units } = useAppData();
  const ix = useMemo(() => (report ? indexReport(report.targets, report.results) : null), [report]);

  const places = useMemo(() => (ix ? placesAlong(ix, path, t('gaps.crumbRoot')) : []), [ix, path, t]);
  const place = places.at(-1);
  // Kept stable while the report and the place are, so hovering does not redraw the tables.
  const [unitRows, facilityRows] = useMemo(() => {
    if (!ix || !place) return [[], []];
    // A street lists all its facilities, also those no facility-level target applies to: those the report
    // judged, as of its year (a facility a project closes by then is gone, one it opens is there).
    const rows = rowsUnder(ix, place, report?.facilities ?? [], units ?? []);
    return [rows.units, rows.facilities];
  }, [ix, place, units, report]);
  // Moving to another place (down into a row, back up the breadcrumb) keeps the picked target, now at the new place.
  const moveTo = useCallback(
    (next: PlaceRow | undefined) => {
      setHovered(null);
      if (next) setSelected((s) => (s ? { target: s.target, scope: next.scope, code: next.code } : s));
    },
    [setSelected],
  );
  const goTo = useCallback(
    (depth: number) => {
      setPath((p) => p.slice(0, depth));
      moveTo(places[depth]);
    },
    [setPath, moveTo, places],
  );
  const drill = useCallback(
    (row: PlaceRow) => {
      setPath(
        places
          .slice(1)
          .map((p) => p.code)
          .concat(row.code),
      );
      moveTo(row);
    },
    [places, setPath, moveTo],
  );

  // What is picked, as it stands at this place: never a figure of a place no longer in view (selectionAt).
  const picked = useMemo(() => (ix && place ? selectionAt(ix, place, selected) : selected), [ix, place, selected]);
  const shown = hovered ?? picked;
  const shownTarget = shown && ix ? ix.targetById.get(shown.target) : undefined;
  const shownPlace = shown?.code && shown.scope && ix ? placeRow(ix, shown.scope, shown.code) : place;
  const shownResult = shown ? shownPlace?.results.get(shown.target) : undefined;

  if (!report || !ix || !place) {
    return (
      <div className="gaps-view" data-testid="gaps-view">
        <GapsToolbar
          sets={data.sets}
          settings={data.settings}
          onSettings={data.changeSettings}
          onlyShort={onlyShort}
          onOnlyShort={setOnlyShort}
          loading={data.loading}
          scenarioName={scenarioName}
        />
        {data.error ? (
          <FailLine message={errorText(data.error, lang)} onRetry={data.retry} />
        ) : (
          <p className="gaps-placeholder" data-testid="gaps-loading">
            {t('gaps.loading')}
          </p>
        )}
      </div>
    );
  }

  const summaryTitle = place.scope === 'region' ? `${t('gaps.crumbRoot')} · ${place.name}` : place.name;
  const tableProps = { ix, onlyShort, sort, onSort: setSort, selected: picked, onSelect: setSelected, onHover: setHovered, onDrill: drill };

  return (
    <div className="gaps-view" data-testid="gaps-view">
      <GapsToolbar
        sets={data.sets}
        settings={data.settings}
        onSettings={data.changeSettings}
        onlyShort={onlyShort}
        onOnlyShort={setOnlyShort}
        loading={data.loading}
        scenarioName={scenarioName}
      />
      {!!data.error && <FailLine message={errorText(data.error, lang)} onRetry={data.retry} />}
      <RegionNotice region={report.region} settings={data.settings} onSettings={data.changeSettings} />
      {report.notes.length > 0 && (
        <div className="gaps-notes" role="note" data-testid="gaps-notes">
          <span className="gaps-notes-icon" aria-hidden="true">
            ⓘ
          </span>
          {lang === 'en' ? report.notesEn.join('; ') : report.notes.join('；')}
        </div>
      )}
      <div className={`gaps-body${data.loading ? ' is-busy' : ''}`} aria-busy={data.loading}>
        <GapSummary ix={ix} place={place} title={summaryTitle} onlyShort={onlyShort} selected={picked} onSelect={setSelected} onHover={setHovered} />
        <section className="gaps-main">
          <GapBreadcrumb places={places} onGo={goTo} />
          <div className="gaps-table-scroll" key={place.code}>
            {unitRows.length > 0 && <PlaceTable kind={place.scope === 'region' ? 'county' : 'township'} rows={unitRows} {...tableProps} />}
            {facilityRows.length > 0 && <PlaceTable kind="facility" rows={facilityRows} {...tableProps} />}
            {unitRows.length + facilityRows.length === 0 && <p className="gaps-placeholder">{t('gaps.rows.empty')}</p>}
          </div>
        </section>
        <GapSource target={shownTarget} result={shownResult} year={report.year} />
      </div>
    </div>
  );
}

function FailLine({ message, onRetry }: { message: string; onRetry(): void }) {
  const { t } = useLang();
  return (
    <div className="gaps-fail" role="alert" data-testid="gaps-error">
      <span>{t('gaps.failed', { message })}</span>
      <button type="button" className="tool-btn" onClick={onRetry}>
        {t('gaps.retry')}
      </button>
    </div>
  );
}
