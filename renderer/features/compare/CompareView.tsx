/**
 * 情景比较 (Compare scenarios): two to six scenarios side by side against the first. The targets of
 * the plan's standard set at the place chosen, with each scenario's difference highlighted; the chosen
 * target per place as a chart; what each scenario changed in the facilities; and what it costs at the
 * plan's prices (造价标准…).
 */
import { useMemo, useState } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { ChangeList } from './ChangeList.tsx';
import { CompareToolbar } from './CompareToolbar.tsx';
import { CostDialog } from './CostDialog.tsx';
import { CostSummary } from './CostSummary.tsx';
import { GapChart } from './GapChart.tsx';
import { TargetTable } from './TargetTable.tsx';
import { useCompare } from './useCompare.ts';
import { useRemembered } from '../../ui/state/useRemembered.ts';
import './compare.css';

const REGION = 'region';

export function CompareView() {
  const { t, lang } = useLang();
  const { scenarios } = useAppData();
  const data = useCompare();
  const { result } = data;
  const [onlyChanged, setOnlyChanged] = useRemembered('compare.onlyChanged', false);
  const [place, setPlace] = useRemembered('compare.place', REGION);
  const [picked, setPicked] = useRemembered<string | null>('compare.target', null);
  const [editing, setEditing] = useState(false);

  // The places of the level (the region first), as the rows name them.
  const places = useMemo(() => {
    const seen = new Map<string, string>([[REGION, t('compare.levels.region')]]);
    for (const r of result?.rows ?? []) if (r.scope !== 'region' && !seen.has(r.code)) seen.set(r.code, r.name);
    return [...seen].map(([code, name]) => ({ code, name }));
  }, [result, t]);
  const here = places.some((p) => p.code === place) ? place : REGION;
  const rowsHere = useMemo(() => (result?.rows ?? []).filter((r) => r.code === here), [result, here]);

  // The target charted: the one picked, else the first that changed here, else the first.
  const target = useMemo(() => {
    if (!result) return null;
    const has = new Set(rowsHere.map((r) => r.target));
    return (
      result.targets.find((x) => x.id === picked && has.has(x.id))
      ?? result.targets.find((x) => rowsHere.some((r) => r.target === x.id && r.changed))
      ?? result.targets.find((x) => has.has(x.id))
      ?? null
    );
  }, [result, rowsHere, picked]);
  const chartPlaces = useMemo(() => {
    if (!result || !target) return [];
    const rows = result.rows.filter((r) => r.target === target.id);
    const level = rows.filter((r) => r.scope !== 'region');
    const shown = level.length ? level : rows;
    return onlyChanged && shown.some((r) => r.changed) ? shown.filter((r) => r.changed) : shown;
  }, [result, target, onlyChanged]);

  const standard = result ? `${t('compare.standard', { name: lang === 'en' ? result.standardNameEn : result.standardName, year: result.year })}` : null;

  return (
    <div className="compare-view" data-testid="compare-view">
      <CompareToolbar
        scenarios={scenarios}
        ids={data.ids}
        onIds={data.setIds}
        level={data.level}
        onLevel={data.setLevel}
        places={places}
        place={here}
        onPlace={setPlace}
        onlyChanged={onlyChanged}
        onOnlyChanged={setOnlyChanged}
        onEditCosts={() => setEditing(true)}
        loading={data.loading}
        standard={standard}
      />
      {!!data.error && (
        <div className="compare-fail" role="alert" data-testid="compare-error">
          <span>{t('compare.failed', { message: errorText(data.error, lang) })}</span>
          <button type="button" className="tool-btn" onClick={data.retry}>
            {t('compare.retry')}
          </button>
        </div>
      )}
      {result && result.notes.length > 0 && (
        <div className="compare-notes" role="note" data-testid="compare-notes">
          <span aria-hidden="true">ⓘ</span>
          {lang === 'en' ? result.notesEn.join('; ') : result.notes.join('；')}
        </div>
      )}
      {!result ? (
        <p className="compare-placeholder" data-testid="compare-placeholder">
          {data.ids.length < 2 ? t('compare.needTwo') : data.error ? '' : t('compare.computing')}
        </p>
      ) : (
        <div className={`compare-body${data.loading ? ' is-busy' : ''}`} aria-busy={data.loading}>
          <section className="compare-main">
            <div className="compare-table-scroll">
              <TargetTable result={result} rows={rowsHere} selected={target?.id ?? null} onSelect={setPicked} onlyChanged={onlyChanged} />
              <p className="compare-legend">
                <span className="compare-legend-item is-better">▲ {t('compare.diff.better')}</span>
                <span className="compare-legend-item is-worse">▼ {t('compare.diff.worse')}</span>
                <span className="compare-legend-item is-changed">◆ {t('compare.diff.changed')}</span>
              </p>
            </div>
          </section>
          {/* Below the table in a tall window, beside it (over the costs) in a short one: compare.css. */}
          {target && (
            <div className="compare-chart-slot">
              <GapChart result={result} target={target} places={chartPlaces} onPlace={setPlace} />
            </div>
          )}
          <aside className="compare-side">
            <CostSummary result={result} onEdit={() => setEditing(true)} />
            <ChangeList result={result} />
          </aside>
        </div>
      )}
      {editing && <CostDialog onClose={() => setEditing(false)} onSaved={data.costsSaved} />}
    </div>
  );
}
