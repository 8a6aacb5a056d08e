/** The right pane: one set — its name, year, documents and note, then its targets by group. */
import type { ReactNode } from 'react';
import type { StandardSet, Target } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { renamed } from './draft.ts';
import { NumberField } from './NumberField.tsx';
import type { SaveProblem } from './saveError.ts';
import { TargetCard } from './TargetCard.tsx';
import { targetName } from './targetText.ts';

export interface SetEditing {
  onSet(fn: (s: StandardSet) => StandardSet): void;
  onTarget(id: string, fn: (t: Target) => Target): void;
  onRemove(id: string): void;
  onValidity(key: string, ok: boolean): void;
  onAdd(): void;
  /** 新建转诊可及性指标… (a kind no shipped set has). */
  onAddReferral(): void;
  problem: SaveProblem | null;
}

interface Props {
  set: StandardSet;
  builtin: boolean;
  inUse: boolean;
  /** 使用此标准, 复制…, 删除… */
  actions: ReactNode;
  /** Why the set cannot be edited here (shipped, or the plan is read-only). */
  hint: string | null;
  /** Present for the plan's own sets. */
  edit?: SetEditing;
}

/** Targets by group (床位, 人员 …), groups in the order they first appear. */
function byGroup(targets: readonly Target[]): [string, Target[]][] {
  const groups = new Map<string, Target[]>();
  for (const t of targets) groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
  return [...groups];
}

export function SetDetail({ set, builtin, inUse, actions, hint, edit }: Props) {
  const { t, lang } = useLang();
  const problem = edit?.problem ?? null;
  const setProblem = problem && problem.targetId === null ? problem.field : null;
  return (
    <section className="std-detail" data-testid="standards-detail" data-id={set.id}>
      <header className="std-detail-head">
        <div className="std-title-row">
          <h3 className="std-title">{targetName(set, lang)}</h3>
          <span className={`std-chip${builtin ? '' : ' is-own'}`}>{t(builtin ? 'standards.builtin' : 'standards.own')}</span>
          {inUse && <span className="std-chip is-use">{t('standards.inUse')}</span>}
        </div>
        <div className="std-meta">
          {t('standards.yearOf', { year: set.year })}
          <span className="std-sep">·</span>
          {t('standards.setId', { id: set.id })}
          <span className="std-sep">·</span>
          {t('standards.targetCount', { n: set.targets.length })}
        </div>
        {edit && (
          <div className="std-set-fields">
            <label className="std-text">
              <span>{t('standards.setName')}</span>
              <input
                type="text"
                value={targetName(set, lang)}
                maxLength={100}
                aria-invalid={setProblem === 'name' || setProblem === 'nameEn' || undefined}
                onChange={(e) => edit.onSet((s) => renamed(s, e.target.value, lang))}
                data-testid="standards-set-name"
              />
            </label>
            <NumberField
              label={t('standards.setYear')}
              value={set.year}
              invalid={setProblem === 'year'}
              onChange={(v) => edit.onSet((s) => ({ ...s, year: v }))}
              onValidity={(ok) => edit.onValidity('set:year', ok)}
              testId="standards-set-year"
            />
          </div>
        )}
        <div className="std-docs">
          <span className="std-label">{t('standards.documents')}</span>
          <ul>
            {set.documents.map((d) => (
              <li key={d.number}>
                <b>{d.number}</b> {d.title}
              </li>
            ))}
          </ul>
        </div>
        {set.note && (
          <details className="std-set-note">
            <summary>{t('standards.note')}</summary>
            <p>{set.note}</p>
          </details>
        )}
        {actions}
        {hint && <p className="std-hint">{hint}</p>}
      </header>
      {set.targets.length === 0 && <p className="std-empty">{t('standards.noTargets')}</p>}
      {byGroup(set.targets).map(([group, targets]) => (
        <section key={group} className="std-group">
          <h4 className="std-group-head">
            {group}
            <span className="std-group-count">{t('standards.groupCount', { n: targets.length })}</span>
          </h4>
          {targets.map((x) => (
            <TargetCard
              key={x.id}
              target={x}
              edit={
                edit && {
                  onEdit: (fn) => edit.onTarget(x.id, fn),
                  onRemove: () => edit.onRemove(x.id),
                  onValidity: (field, ok) => edit.onValidity(`${x.id}:${field}`, ok),
                  problemField: problem?.targetId === x.id ? problem.field : null,
                }
              }
            />
          ))}
        </section>
      ))}
      {edit && (
        <button type="button" className="btn std-add" onClick={edit.onAdd} data-testid="standards-add-target">
          ＋ {t('standards.addTarget')}
        </button>
      )}
      {edit && (
        <button type="button" className="btn std-add" onClick={edit.onAddReferral} data-testid="standards-add-referral">
          ＋ {t('standards.addReferral')}
        </button>
      )}
    </section>
  );
}
