/**
 * 出处: the target behind a picked figure, header or summary line — the place's value, what is
 * required, the gap in words, missing data — and where the target comes from: document number,
 * clause, the original Chinese wording, how it was read, and whether it is binding or unconfirmed.
 */
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { requiredText, valueText } from '../../ui/wording/figures.ts';
import { gapPhrase, missingText } from '../../ui/wording/phrases.ts';
import { StatusLight, TargetBadges } from './StatusLight.tsx';
import { ruleText, targetName } from '../../ui/wording/vocabulary.ts';

const PEOPLE = new Intl.NumberFormat('zh-CN');

export function GapSource({ target, result, year }: { target: Target | undefined; result: GapResult | undefined; year: number }) {
  const { t, lang } = useLang();
  if (!target) {
    return (
      <aside className="gaps-source is-empty" data-testid="gap-source">
        <p className="gaps-source-hint">{t('gaps.source.hint')}</p>
      </aside>
    );
  }
  const phrase = result ? gapPhrase(target, result, lang) : null;
  const showMissing = result?.missing && result.status !== 'missing_data' && result.status !== 'not_evaluated';
  return (
    <aside className="gaps-source" data-testid="gap-source" data-target={target.id}>
      <header className="gaps-source-head">
        <h2>{targetName(target, lang)}</h2>
        {lang === 'en' && (
          <div className="gaps-source-zh" lang="zh-CN">
            {target.name}
          </div>
        )}
        <div className="gaps-source-badges">
          {!target.binding && <span className="gap-badge">{t('gaps.badge.expected')}</span>}
          <TargetBadges binding={target.binding} unverified={target.unverified} />
        </div>
      </header>
      {result && (
        <section className="gaps-source-result" data-testid="gap-source-result">
          <div className="gaps-source-place">
            <span>{result.name}</span>
            <StatusLight status={result.status} judged={result.judged} due={result.due} />
          </div>
          <dl className="gaps-dl">
            <dt>{t('gaps.source.value')}</dt>
            <dd data-testid="gap-source-value">{valueText(target, result, lang)}</dd>
            <dt>{t('gaps.source.required')}</dt>
            <dd>{requiredText(target, result, lang)}</dd>
            <dt>{t('gaps.source.gap')}</dt>
            <dd className={phrase ? `gaps-gap-text is-${result.status}` : 'gaps-gap-text is-met'} data-testid="gap-source-gap">
              {phrase ?? t('gaps.source.noGap')}
            </dd>
            {result.population !== undefined && (
              <>
                <dt>{t('gaps.source.population', { year })}</dt>
                <dd data-testid="gap-source-population">{PEOPLE.format(result.population)}</dd>
              </>
            )}
            {showMissing && (
              <>
                <dt>{t('gaps.source.data')}</dt>
                <dd className="gaps-missing">{missingText(result, lang)}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      <dl className="gaps-dl">
        {!result && (
          <>
            <dt>{t('gaps.source.required')}</dt>
            <dd>{requiredText(target, undefined, lang)}</dd>
          </>
        )}
        <dt>{t('gaps.source.rule')}</dt>
        <dd>{ruleText(target, lang)}</dd>
        {target.year && (
          <>
            <dt>{t('gaps.source.due')}</dt>
            <dd>{target.year}</dd>
          </>
        )}
        <dt>{t('gaps.source.document')}</dt>
        <dd className="gaps-doc" data-testid="gap-source-document">
          {target.source.document}
        </dd>
        <dt>{t('gaps.source.clause')}</dt>
        <dd>{target.source.clause}</dd>
      </dl>
      <figure className="gaps-quote">
        <figcaption>{t('gaps.source.text')}</figcaption>
        <blockquote lang="zh-CN">{target.source.text}</blockquote>
      </figure>
      {target.note && (
        <div className="gaps-note">
          <div className="gaps-note-h">{t('gaps.source.note')}</div>
          <p lang="zh-CN">{target.note}</p>
        </div>
      )}
    </aside>
  );
}
