/**
 * 数据检查: what the plan's data gets wrong for a standard set and year (the gap screen's, else the
 * plan's), by family, each finding with its row (a link to it in 行政区划 / 医疗卫生机构), its figures,
 * what it changes in the targets and the fix.
 *
 * A panel beside the screens, not a modal: a finding never blocks work, and the planner fixes one row
 * in the table with the list still open beside it, then the next. It reads again when the plan changes
 * (useQuery follows the revision), so a fixed finding leaves the list.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { CheckFinding } from '../../../shared/api/contract.ts';
import { useQuery } from '../../api/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { anyColumnLabel, errorText, labelIn } from '../../ui/i18n/labels.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { useRemembered } from '../../ui/state/useRemembered.ts';
import { groupFindings, linkOf } from './groupFindings.ts';
import './check.css';

interface Props {
  standardId?: string | undefined;
  year?: number | undefined;
  onClose(): void;
}

export function CheckPanel({ standardId, year, onClose }: Props) {
  const { t, lang } = useLang();
  const { scenarioId, status } = useAppData();
  const open = !!status?.plan?.path;
  const [onlyTouching, setOnlyTouching] = useRemembered('check.onlyTouching', false);
  const args = { scenarioId, ...(standardId ? { standardId } : {}), ...(year ? { year } : {}) };
  const check = useQuery('plan.check', args, { enabled: open, keepPrevious: true });
  const sets = useQuery('standards.list', {}, { enabled: open });
  const data = check.data;
  const groups = useMemo(() => (data ? groupFindings(data.findings, onlyTouching) : []), [data, onlyTouching]);
  const set = data && sets.data?.find((s) => s.id === data.judged.standardId);

  // Esc closes it while the focus is inside (elsewhere Esc belongs to the grid's editor, the menus …).
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);

  const shown = groups.reduce((n, g) => n + g.findings.length, 0);
  return (
    <aside
      ref={ref}
      className="check-panel"
      aria-label={t('check.title')}
      tabIndex={-1}
      data-testid="check-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="check-head">
        <h2>{t('check.title')}</h2>
        <button type="button" className="check-x" onClick={onClose} aria-label={t('check.close')} title={t('check.close')} data-testid="check-close">
          ×
        </button>
      </header>
      {data && (
        <div className="check-meta">
          <div className="check-judged" data-testid="check-judged">
            {t('check.judged', { set: set ? labelIn({ zh: set.name, en: set.nameEn }, lang) : data.judged.standardId, year: data.judged.year })}
          </div>
          {data.counts.total > 0 && (
            <>
              <div className="check-summary" data-testid="check-summary">
                {t('check.summary', { total: data.counts.total, touching: data.counts.touchingTargets })}
              </div>
              <label className="check-filter">
                <input type="checkbox" checked={onlyTouching} onChange={(e) => setOnlyTouching(e.target.checked)} data-testid="check-only-touching" />
                {t('check.onlyTouching')}
              </label>
            </>
          )}
        </div>
      )}
      <div className={`check-body${check.loading && data ? ' is-busy' : ''}`} aria-busy={check.loading}>
        {!!check.error && (
          <div className="check-fail" role="alert" data-testid="check-error">
            <span>{t('check.failed', { message: errorText(check.error, lang) })}</span>
            <button type="button" className="tool-btn" onClick={check.refetch}>
              {t('check.retry')}
            </button>
          </div>
        )}
        {!data && !check.error && (
          <p className="check-empty" data-testid="check-loading">
            {t('check.loading')}
          </p>
        )}
        {data && shown === 0 && (
          <p className="check-empty" data-testid="check-none">
            {t(onlyTouching && data.counts.total > 0 ? 'check.noneTouching' : 'check.none')}
          </p>
        )}
        {data
          && shown > 0
          && groups.map((g) => (
            <details key={g.family} className="check-group" open={g.findings.length > 0} data-testid="check-group" data-family={g.family}>
              <summary>
                <span className="check-group-name">{t(`check.family.${g.family}`)}</span>
                <span className={`check-count${g.findings.length ? ' is-some' : ''}`} data-testid="check-group-count">
                  {g.findings.length ? t('check.groupCount', { count: g.findings.length }) : t('check.groupNone')}
                </span>
              </summary>
              {g.findings.map((f) => (
                <FindingItem key={f.id} f={f} />
              ))}
            </details>
          ))}
      </div>
    </aside>
  );
}

function FindingItem({ f }: { f: CheckFinding }) {
  const { t, lang } = useLang();
  const { revealRow, setTab } = useUi();
  const to = linkOf(f);
  const title =
    to === 'projects'
      ? t('check.showProject')
      : f.row.table === 'populations'
        ? t('check.showPopulations')
        : t('check.show', { table: t(`check.table.${to}`) });
  // 规划项目 is told no row (its screen keeps its own selection): the project is named in the finding.
  const go = () =>
    to === 'projects' ? setTab('timeline') : revealRow({ table: to, key: f.row.key, name: f.row.name, ...(f.row.column ? { column: f.row.column } : {}) });
  return (
    <article className="check-item" data-testid="check-finding" data-rule={f.rule} data-key={f.row.key}>
      <button type="button" className="check-row" title={title} onClick={go} data-testid="check-row-link" data-table={to}>
        <span className="check-row-table">{t(`check.table.${f.row.table}`)}</span>
        <span className="check-row-name">{f.row.name}</span>
        <span className="check-row-key">{f.row.key}</span>
        {f.row.column && <span className="check-row-col">{anyColumnLabel(f.row.column, lang)}</span>}
      </button>
      <p className="check-msg" data-testid="check-message">
        {labelIn(f.message, lang)}
      </p>
      {f.affects && (
        <p className="check-line" data-testid="check-affects">
          <span className="check-tag is-affects">{t('check.affects')}</span>
          {labelIn(f.affects.effect, lang)}
        </p>
      )}
      <p className="check-line" data-testid="check-fix">
        <span className="check-tag">{t('check.fix')}</span>
        {labelIn(f.fix, lang)}
      </p>
    </article>
  );
}
