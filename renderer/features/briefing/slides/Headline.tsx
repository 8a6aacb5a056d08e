/**
 * One headline figure: the target, the region's value against what is required (the gap screen's
 * wording), its traffic light and shortfall, the compared scenario's value where there is one, and
 * its source note. On the overview slide and on the dashboard.
 */
import type { Brief } from '../../../../shared/briefing/model.ts';
import type { GapResult } from '../../../../shared/gaps/result.ts';
import type { Target } from '../../../../shared/gaps/standard.ts';
import type { Lang } from '../../../ui/i18n/index.ts';
import { cellFigure, fullFigure, isRollup } from '../../../ui/wording/figures.ts';
import { gapPhrase } from '../../../ui/wording/phrases.ts';
import { bt, regionResult, scenarioName, targetLabel } from '../text.ts';
import { Fit } from './Fit.tsx';
import { Ref, StatusChip, Unverified } from './SlideFrame.tsx';

/** How far the value has come towards what is required (1 = met), or null when it cannot be said. */
export function achievement(t: Target, r: GapResult): number | null {
  if (isRollup(t, r)) return r.count!.of > 0 ? r.count!.met / r.count!.of : null;
  if (r.value === null || r.required === null || !(r.required > 0)) return null;
  return Math.max(0, r.value / r.required);
}

/** A bar of the value against the target: the tick is the target. */
export function Meter({ t, r }: { t: Target; r: GapResult }) {
  const a = achievement(t, r);
  if (a === null) return null;
  const scale = Math.max(1, a);
  return (
    <div className={`bs-meter is-${r.status}`} aria-hidden="true">
      <i style={{ width: `${(a / scale) * 100}%` }} />
      <b style={{ left: `${(1 / scale) * 100}%` }} />
    </div>
  );
}

interface Props {
  brief: Brief;
  target: Target;
  lang: Lang;
  refNo: number | undefined;
  className: string;
  testId: string;
}

export function Headline({ brief, target: t, lang, refNo, className, testId }: Props) {
  const r = regionResult(brief.current, t.id);
  const before = regionResult(brief.compare, t.id);
  if (!r) return null;
  const phrase = gapPhrase(t, r, lang);
  return (
    <div className={`${className} is-${r.status}`} data-testid={testId} data-target={t.id} data-status={r.status}>
      <Fit className="bs-tile-fit">
        <div className="bs-tile-name">
          {targetLabel(t, lang)}
          <Ref n={refNo} />
          {t.unverified && <Unverified lang={lang} />}
        </div>
        <div className="bs-tile-figure" data-testid={`${testId}-figure`}>
          {fullFigure(t, r, lang)}
        </div>
        {before ? (
          <div className="bs-tile-before">{bt(lang, 'before', { name: scenarioName(brief.compare!.scenario, lang), value: cellFigure(t, before, lang) })}</div>
        ) : (
          <Meter t={t} r={r} />
        )}
        <div className="bs-tile-gap">
          <StatusChip status={r.status} lang={lang} />
          {phrase && (
            <span className="bs-tile-phrase" data-testid={`${testId}-gap`}>
              {phrase}
            </span>
          )}
        </div>
      </Fit>
    </div>
  );
}
