/**
 * 规划项目 (Projects by year): the active scenario's projects with their years — add, edit, remove — and
 * the plan year by year against a standard set: every target's region-level traffic light and
 * shortfall per year, so a planner sees in which year each target is met. 查看年份 marks the year
 * looked at: the projects done by then and its column. The projects go out and come in as a sheet
 * (导出项目表 / 导入项目表…); the range's 投资估算 heads the projects.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProjectOut } from '../../../shared/api/methods/timeline.ts';
import type { Facility } from '../../../shared/model/entities.ts';
import type { ProjectInput } from '../../../shared/timeline/project.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useActiveScenario, useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { useRemembered } from '../../ui/state/useRemembered.ts';
import { ProjectForm } from './ProjectForm.tsx';
import { ProjectImportDialog } from './ProjectImportDialog.tsx';
import { ProjectSheetButtons } from './ProjectSheetButtons.tsx';
import { ProjectTable } from './ProjectTable.tsx';
import { TimelineToolbar } from './TimelineToolbar.tsx';
import { useTimeline } from './useTimeline.ts';
import { YearMatrix } from './YearMatrix.tsx';
import '../gaps/gaps.css';
import './timeline.css';

export function TimelineView() {
  const { t, lang } = useLang();
  const data = useTimeline();
  const { summary } = data;
  const { invoke, write } = useAppActions();
  const { scenarioId, facilities, units, status } = useAppData();
  const { notify } = useUi();
  const nameOf = useScenarioName();
  const scenarioName = nameOf(useActiveScenario()) || null;
  const readOnly = !!status?.plan?.readOnly;
  const [form, setForm] = useState<{ project: ProjectOut | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [viewYearChosen, setViewYear] = useRemembered<number | null>('timeline.viewYear', null);

  // The year viewed: the one chosen, kept inside the years shown; else the set's year.
  const viewYear = summary
    ? Math.min(summary.toYear, Math.max(summary.fromYear, viewYearChosen ?? summary.standardYear))
    : (viewYearChosen ?? new Date().getFullYear());
  useEffect(() => {
    if (summary && viewYearChosen !== null && viewYearChosen !== viewYear) setViewYear(viewYear);
  }, [summary, viewYear, viewYearChosen, setViewYear]);

  const facilityById = useMemo(() => new Map((facilities ?? []).map((f) => [f.id, f])), [facilities]);
  const unitNames = useMemo(() => new Map((units ?? []).map((u) => [u.code, u.name])), [units]);
  const unitList = useMemo(() => (units ?? []).map((u) => ({ code: u.code, name: u.name })), [units]);
  const unitName = useCallback((code: string | null) => (code ? (unitNames.get(code) ?? code) : ''), [unitNames]);
  const projects = summary?.projects ?? [];
  const projectNames = useMemo(() => new Map(projects.map((p) => [p.id, `${p.year} ${p.name}`])), [projects]);
  const planned = useMemo(
    () => projects.filter((p) => p.kind === 'new' && p.type).map((p) => ({ id: p.facility_id!, name: p.facility_name ?? p.name, type: p.type! })),
    [projects],
  );

  const save = async (input: ProjectInput) => {
    const editing = form?.project;
    const saved = await write(() =>
      editing ? invoke('projects.update', { scenarioId, id: editing.id, project: input }) : invoke('projects.add', { scenarioId, project: input }),
    );
    setForm(null);
    notify(t(editing ? 'timeline.form.saved' : 'timeline.form.added', { name: saved.name }));
    if (!editing && summary && (saved.year < summary.fromYear || saved.year > summary.toYear)) data.setRange(null);
    setViewYear(saved.year);
  };
  const remove = async (p: ProjectOut) => {
    try {
      await write(() => invoke('projects.remove', { scenarioId, id: p.id }));
      notify(t('timeline.form.removed', { name: p.name }));
    } catch (e) {
      notify(errorText(e, lang), 'error');
    }
  };

  const done = projects.filter((p) => p.year <= viewYear).length;
  const tally = useMemo(() => {
    const y = summary?.years.find((x) => x.year === viewYear);
    const count = (s: string) => y?.results.filter((r) => r.status === s).length ?? 0;
    return { met: count('met'), near: count('near'), short: count('short') };
  }, [summary, viewYear]);

  return (
    <div className="tl-view" data-testid="timeline-view">
      <TimelineToolbar
        data={data}
        viewYear={viewYear}
        onViewYear={setViewYear}
        readOnly={readOnly}
        onAdd={() => setForm({ project: null })}
        scenarioName={scenarioName}
      />
      {!!data.error && (
        <div className="gaps-fail" role="alert" data-testid="timeline-error">
          <span>{t('timeline.failed', { message: errorText(data.error, lang) })}</span>
          <button type="button" className="tool-btn" onClick={data.reload}>
            {t('timeline.retry')}
          </button>
        </div>
      )}
      {summary && summary.notes.length > 0 && (
        <div className="gaps-notes" role="note" data-testid="timeline-notes">
          <span className="gaps-notes-icon" aria-hidden="true">
            ⓘ
          </span>
          {lang === 'en' ? summary.notesEn.join('; ') : summary.notes.join('；')}
        </div>
      )}
      {!summary ? (
        !data.error && (
          <p className="gaps-placeholder" data-testid="timeline-loading">
            {t('timeline.loading')}
          </p>
        )
      ) : (
        <div className={`tl-body${data.loading ? ' is-busy' : ''}`} aria-busy={data.loading}>
          <section className="tl-section tl-projects-section" aria-label={t('timeline.projects.title')}>
            <header className="tl-section-head">
              <h2>{t('timeline.projects.title')}</h2>
              <span className="tl-sub-head" data-testid="timeline-projects-count">
                {t('timeline.projects.count', { n: projects.length })}
              </span>
              {projects.length > 0 && (
                <span className="tl-sub-head" data-testid="timeline-done-by">
                  {t('timeline.projects.doneBy', { year: viewYear, done, later: projects.length - done })}
                </span>
              )}
              {projects.length > 0 && (
                <span className="tl-sub-head tl-cost-head" data-testid="timeline-cost">
                  {t('timeline.projects.costTotal', { from: summary.fromYear, to: summary.toYear, total: COST.format(summary.cost.total) })}
                  {summary.cost.uncosted > 0 && t('timeline.projects.uncosted', { n: summary.cost.uncosted })}
                </span>
              )}
              <ProjectSheetButtons readOnly={readOnly} onImport={() => setImporting(true)} />
            </header>
            <div className="tl-scroll">
              {projects.length === 0 ? (
                <p className="gaps-placeholder" data-testid="timeline-empty">
                  {t('timeline.projects.empty')}
                </p>
              ) : (
                <ProjectTable
                  projects={projects}
                  facilityById={facilityById}
                  unitName={unitName}
                  viewYear={viewYear}
                  readOnly={readOnly}
                  onEdit={(p) => setForm({ project: p })}
                  onRemove={(p) => void remove(p)}
                />
              )}
            </div>
          </section>
          <section className="tl-section tl-matrix-section" aria-label={t('timeline.matrix.title')}>
            <header className="tl-section-head">
              <h2>{t('timeline.matrix.title')}</h2>
              <span className="tl-sub-head">
                {t('timeline.matrix.region', { region: summary.region })} · {lang === 'en' ? summary.standardNameEn : summary.standardName}
              </span>
              <span className="tl-sub-head tl-tally" data-testid="timeline-tally">
                {t('timeline.matrix.tally', { year: viewYear, ...tally })}
              </span>
            </header>
            <div className="tl-scroll">
              <YearMatrix summary={summary} viewYear={viewYear} onViewYear={setViewYear} projectNames={projectNames} />
            </div>
          </section>
        </div>
      )}
      {form && (
        <ProjectForm
          project={form.project}
          defaultYear={viewYear}
          facilities={facilities ?? EMPTY}
          planned={planned}
          unitName={unitName}
          units={unitList}
          onSave={save}
          onClose={() => setForm(null)}
        />
      )}
      {importing && <ProjectImportDialog scenarioName={scenarioName} onClose={() => setImporting(false)} />}
    </div>
  );
}

const EMPTY: Facility[] = [];
const COST = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
