/**
 * The scenario's projects in the order they apply: year (and whether the year viewed counts it), status
 * (计划/在建/完工, as given), kind, facility (a 其他项目: its 责任单位 and unit), its changes in words
 * ("床位 +40"), cost, 责任单位, source. Edit opens the form; remove asks once more.
 */
import { useEffect, useState } from 'react';
import type { ProjectOut } from '../../../shared/api/methods/timeline.ts';
import type { Facility } from '../../../shared/model/entities.ts';
import { PROJECT_KIND_LABELS, PROJECT_STATUS_LABELS } from '../../../shared/timeline/project.ts';
import { changesInWords } from '../../../shared/timeline/words.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { labelIn } from '../../ui/i18n/labels.ts';

interface Props {
  projects: ProjectOut[];
  facilityById: ReadonlyMap<string, Facility>;
  unitName(code: string | null): string;
  viewYear: number;
  readOnly: boolean;
  onEdit(p: ProjectOut): void;
  onRemove(p: ProjectOut): void;
}

const COST = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function ProjectTable({ projects, facilityById, unitName, viewYear, readOnly, onEdit, onRemove }: Props) {
  const { t, lang } = useLang();
  return (
    <table className="tl-projects" data-testid="timeline-projects">
      <thead>
        <tr>
          <th className="tl-c-year">{t('timeline.projects.year')}</th>
          <th className="tl-c-status">{t('timeline.projects.status')}</th>
          <th className="tl-c-kind">{t('timeline.projects.kind')}</th>
          <th className="tl-c-facility">{t('timeline.projects.facility')}</th>
          <th className="tl-c-changes">{t('timeline.projects.changes')}</th>
          <th className="tl-c-cost">{t('timeline.projects.cost')}</th>
          <th className="tl-c-responsible">{t('timeline.projects.responsible')}</th>
          <th className="tl-c-source">{t('timeline.projects.source')}</th>
          <th className="tl-c-actions">
            <span className="sr-only">{t('timeline.projects.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {projects.map((p) => {
          const f = p.facility_id === null ? undefined : facilityById.get(p.facility_id);
          const done = p.year <= viewYear;
          const errors = p.problems.filter((x) => x.severity === 'error');
          // Where a facility would be, a 其他项目 shows who carries it out and where (if in one unit).
          const facilityName = p.kind === 'new' ? (p.facility_name ?? p.facility_id) : p.kind === 'other' ? p.responsible_unit : (f?.name ?? p.facility_id);
          return (
            <tr
              key={p.id}
              className={`${done ? 'is-done' : 'is-planned'}${errors.length ? ' has-error' : ''}`}
              data-testid="timeline-project"
              data-id={p.id}
              data-kind={p.kind}
              data-year={p.year}
            >
              <td className="tl-c-year">
                <span className="tl-year">{p.year}</span>
                <span className={`tl-state ${done ? 'is-done' : 'is-planned'}`} title={t('timeline.projects.countedHint', { year: viewYear })}>
                  {done ? t('timeline.projects.done') : t('timeline.projects.planned')}
                </span>
              </td>
              <td className="tl-c-status">
                <span className={`tl-status is-${p.status}`} data-testid="timeline-project-status" data-status={p.status}>
                  {labelIn(PROJECT_STATUS_LABELS[p.status], lang)}
                </span>
              </td>
              <td className="tl-c-kind">
                <span className={`tl-kind is-${p.kind}`}>{labelIn(PROJECT_KIND_LABELS[p.kind], lang)}</span>
              </td>
              <td className="tl-c-facility">
                <div className="tl-project-name" data-testid="timeline-project-name">
                  {p.name}
                </div>
                <div className="tl-facility">
                  {facilityName}
                  {p.kind === 'new' && <span className="tl-muted"> {t('timeline.projects.newFacility')}</span>}
                  {p.kind !== 'new' && p.kind !== 'other' && !f && <span className="tl-bad"> {t('timeline.projects.missing')}</span>}
                  {f && <span className="tl-muted"> · {unitName(f.unit_code)}</span>}
                  {p.kind === 'other' && p.unit_code && (
                    <span className="tl-muted">
                      {facilityName ? ' · ' : ''}
                      {unitName(p.unit_code)}
                    </span>
                  )}
                </div>
              </td>
              <td className="tl-c-changes" data-testid="timeline-project-changes">
                {changesInWords(p, lang, f?.type)}
                {p.kind === 'relocate' && p.unit_code && <span className="tl-muted">{t('timeline.projects.inUnit', { unit: unitName(p.unit_code) })}</span>}
                {p.problems.map((x) => (
                  <div key={`${x.severity}:${x.message}`} className={`tl-problem is-${x.severity}`} role={x.severity === 'error' ? 'alert' : undefined}>
                    {x.severity === 'error' ? t('timeline.projects.problem') : t('timeline.projects.warning')}：{lang === 'en' ? x.messageEn : x.message}
                  </div>
                ))}
              </td>
              <td className="tl-c-cost">{p.cost === null ? '—' : COST.format(p.cost)}</td>
              <td className="tl-c-responsible" data-testid="timeline-project-responsible" title={p.responsible_unit ?? undefined}>
                {p.responsible_unit ? <span className="tl-responsible">{p.responsible_unit}</span> : <span className="tl-muted">—</span>}
              </td>
              <td className="tl-c-source" title={p.note ?? undefined}>
                {p.source_document ? <span className="tl-doc">{p.source_document}</span> : <span className="tl-muted">—</span>}
                {p.source_clause && <span className="tl-clause"> {p.source_clause}</span>}
                {p.note && <div className="tl-note">{p.note}</div>}
              </td>
              <td className="tl-c-actions">
                {!readOnly && (
                  <>
                    <button type="button" className="link-btn" onClick={() => onEdit(p)} data-testid="timeline-edit">
                      {t('timeline.projects.edit')}
                    </button>
                    <RemoveButton onRemove={() => onRemove(p)} />
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** 删除, then 确认删除 for a few seconds: no dialog for a one-row removal, but never on one slip. */
function RemoveButton({ onRemove }: { onRemove(): void }) {
  const { t } = useLang();
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const id = window.setTimeout(() => setArmed(false), 4000);
    return () => window.clearTimeout(id);
  }, [armed]);
  return (
    <button
      type="button"
      className={`link-btn tl-remove${armed ? ' is-armed' : ''}`}
      onClick={() => (armed ? onRemove() : setArmed(true))}
      data-testid="timeline-remove"
    >
      {armed ? t('timeline.projects.confirmRemove') : t('timeline.projects.remove')}
    </button>
  );
}
