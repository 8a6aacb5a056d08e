/**
 * 概况: every target's result for the place being looked at (the region at first), grouped as the
 * standard groups them, with its traffic light and the shortfall in words.
 */
import { memo } from 'react';
import type { GapResult } from '../../../shared/gaps/result.ts';
import type { Target } from '../../../shared/gaps/standard.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { REGION, type GapIndex, type GapSelection, type PlaceRow } from './drill.ts';
import { fullFigure, num } from '../../ui/wording/figures.ts';
import { gapPhrase, missingText } from '../../ui/wording/phrases.ts';
import { StatusLight, TargetBadges } from './StatusLight.tsx';
import { groupLabel, targetName } from '../../ui/wording/vocabulary.ts';

interface Props {
  ix: GapIndex;
  place: PlaceRow | undefined;
  title: string;
  onlyShort: boolean;
  selected: GapSelection | null;
  onSelect(s: GapSelection): void;
  onHover(s: GapSelection | null): void;
}

interface Item {
  target: Target;
  result: GapResult | undefined;
  extras: GapResult[];
}

export const GapSummary = memo(function GapSummary({ ix, place, title, onlyShort, selected, onSelect, onHover }: Props) {
  const { t, lang } = useLang();
  const atRegion = !place || place.scope === 'region';
  const all: Item[] = ix.ordered.map((target) => ({
    target,
    result: place?.results.get(target.id),
    extras: atRegion ? (ix.regionExtras.get(target.id) ?? []) : [],
  }));
  const evaluated = all.filter((i) => i.result || i.extras.length);
  const isMet = (i: Item) => (i.result?.status ?? 'met') === 'met' && i.extras.every((x) => x.status === 'met');
  const shown = onlyShort ? evaluated.filter((i) => !isMet(i)) : evaluated;
  const groups = [...new Set(shown.map((i) => i.target.group))];

  return (
    <aside className="gaps-summary" data-testid="gaps-summary" aria-label={t('gaps.summary.title')}>
      <header className="gaps-summary-head">
        <h2>{title}</h2>
        <span className="gaps-summary-sub">{t('gaps.summary.title')}</span>
      </header>
      {groups.map((g) => (
        <section key={g} className="gaps-group">
          <h3>{groupLabel(g, lang)}</h3>
          {shown
            .filter((i) => i.target.group === g)
            .map((i) => {
              const sel = { target: i.target.id, scope: place?.scope, code: place?.code };
              return (
                <SummaryItem
                  key={i.target.id}
                  item={i}
                  selected={selected?.target === i.target.id && (selected.code === undefined || selected.code === place?.code)}
                  onSelect={() => onSelect(sel)}
                  onHover={(on) => onHover(on ? sel : null)}
                />
              );
            })}
        </section>
      ))}
      {evaluated.length === 0 && <p className="gaps-summary-empty">{t('gaps.summary.none')}</p>}
      {evaluated.length > 0 && shown.length === 0 && <p className="gaps-summary-empty">{t('gaps.summary.allMet')}</p>}
      <footer className="gaps-summary-foot">
        {onlyShort && evaluated.length > shown.length && <p>{t('gaps.summary.hiddenMet', { n: num(evaluated.length - shown.length) })}</p>}
        {all.length > evaluated.length && <p>{t('gaps.summary.notHere', { n: num(all.length - evaluated.length) })}</p>}
      </footer>
    </aside>
  );
});

function SummaryItem({ item, selected, onSelect, onHover }: { item: Item; selected: boolean; onSelect(): void; onHover(on: boolean): void }) {
  const { t, lang } = useLang();
  const { target, result, extras } = item;
  const lines = extras.filter((x) => x.code !== REGION);
  const status = result?.status ?? lines[0]?.status ?? 'missing_data';
  const phrase = result ? gapPhrase(target, result, lang) : null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a card of block content (head, figure, phrase) that selects its target; keyboard handled below
    <div
      role="button"
      tabIndex={0}
      className={`gap-item is-${status}${selected ? ' is-selected' : ''}`}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      data-testid="gap-summary-item"
      data-target={target.id}
      data-status={status}
    >
      <div className="gap-item-head">
        <span className="gap-item-name">{targetName(target, lang)}</span>
        <TargetBadges binding={false} unverified={target.unverified} />
        <StatusLight status={status} judged={result?.judged} due={result?.due} />
      </div>
      {result && (
        <div className="gap-item-fig" data-testid="gap-summary-figure">
          {fullFigure(target, result, lang)}
        </div>
      )}
      {phrase && (
        <div className={`gap-item-gap is-${status}`} data-testid="gap-summary-gap">
          {phrase}
        </div>
      )}
      {result?.missing && result.status !== 'missing_data' && result.status !== 'not_evaluated' && result.status !== 'not_applicable' && (
        <div className="gap-item-note">{missingText(result, lang)}</div>
      )}
      {result?.judged && (result.status === 'not_due' || result.status === 'reference') && (
        <div className="gap-item-note" data-testid="gap-summary-aside">
          {t(`gaps.aside.${result.status}`, { due: result.due, now: t(`gaps.status.${result.judged}`) })}
        </div>
      )}
      {lines.map((x) => (
        <div key={x.code} className={`gap-item-gap is-${x.status}`}>
          {x.name}：{x.status === 'missing_data' ? missingText(x, lang) : `${fullFigure(target, x, lang)} ${gapPhrase(target, x, lang) ?? ''}`}
        </div>
      ))}
    </div>
  );
}
