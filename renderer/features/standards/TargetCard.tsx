/** One target: name, kind, badges, the rule in words, what it counts, and its source; editable in the plan's own sets. */
import { useEffect, useRef } from 'react';
import type { Target } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { renamed } from './draft.ts';
import { countsText, ruleText, scopesText, targetName } from './targetText.ts';
import { TargetValues } from './TargetValues.tsx';
import { sep } from '../../ui/i18n/labels.ts';

interface Props {
  target: Target;
  /** Set when the target belongs to one of the plan's own sets and may be changed. */
  edit?: {
    onEdit(fn: (t: Target) => Target): void;
    onRemove(): void;
    onValidity(field: string, ok: boolean): void;
    problemField: string | null;
  };
}

export function TargetCard({ target, edit }: Props) {
  const { t, lang } = useLang();
  const ref = useRef<HTMLElement>(null);
  const problem = edit?.problemField ?? null;
  // A refused save points at its field: bring it into view.
  useEffect(() => {
    if (problem === null) return;
    ref.current?.scrollIntoView({ block: 'center' });
    ref.current?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }, [problem]);
  const meta = [countsText(target, t, lang), scopesText(target, t)].filter(Boolean).join(sep(lang, 'meta'));
  return (
    <article ref={ref} className={`std-target${edit ? ' is-editing' : ''}`} data-testid="standard-target" data-id={target.id}>
      <div className="std-target-head">
        {edit ? (
          <input
            type="text"
            className="std-name-edit"
            value={targetName(target, lang)}
            maxLength={200}
            aria-label={t('standards.targetName')}
            title={t('standards.targetName')}
            aria-invalid={problem === 'name' || problem === 'nameEn' || undefined}
            onChange={(e) => edit.onEdit((x) => renamed(x, e.target.value, lang))}
            data-testid="standard-target-name"
          />
        ) : (
          <h4 className="std-target-name">{targetName(target, lang)}</h4>
        )}
        <span className="std-chips">
          <span className="std-chip is-kind">{t(`standards.kind.${target.kind}`)}</span>
          {target.binding && (
            <span className="std-chip is-binding" title={t('standards.bindingHint')}>
              {t('standards.binding')}
            </span>
          )}
          {target.unverified && (
            <span className="std-chip is-unverified" title={t('standards.unverifiedHint')}>
              {t('standards.unverified')}
            </span>
          )}
          {target.year !== undefined && <span className="std-chip">{t('standards.dueYear', { year: target.year })}</span>}
        </span>
        {edit && (
          <button type="button" className="btn std-remove" onClick={edit.onRemove} title={t('standards.removeHint')} data-testid="standard-target-remove">
            {t('standards.remove')}
          </button>
        )}
      </div>
      <p className="std-rule" data-testid="standard-target-rule">
        {ruleText(target, t, lang)}
      </p>
      {meta && <p className="std-meta">{meta}</p>}
      {edit && <TargetValues target={target} onEdit={edit.onEdit} onValidity={edit.onValidity} problemField={problem} />}
      <div className="std-source">
        <div>
          <span className="std-label">{t('standards.source')}</span>
          {target.source.document}
          <span className="std-sep">·</span>
          {target.source.clause}
        </div>
        <blockquote lang="zh-CN">{target.source.text}</blockquote>
        {edit ? (
          <label className="std-note-edit">
            <span className="std-label">{t('standards.note')}</span>
            <textarea value={target.note ?? ''} rows={2} onChange={(e) => edit.onEdit((x) => ({ ...x, note: e.target.value || undefined }))} />
          </label>
        ) : (
          target.note && (
            <div className="std-note">
              <span className="std-label">{t('standards.note')}</span>
              {target.note}
            </div>
          )
        )}
      </div>
    </article>
  );
}
