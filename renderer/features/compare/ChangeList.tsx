/**
 * What each scenario changed against the reference: facilities added (新增), removed (撤销) and
 * changed (变更: which fields, old → new), then the units whose figures changed. Long lists show
 * their first entries and say how many more there are.
 */
import { useState } from 'react';
import type { CompareOut, FacilityBrief, FacilityChange, ScenarioChanges, UnitChange } from '../../../shared/compare/compare.ts';
import type { FieldChange } from '../../../shared/compare/rows.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { enumLabel, sep } from '../../ui/i18n/labels.ts';
import { fieldName, fieldValue, num, scenarioLabel } from '../../ui/wording/compare.ts';

const SHOWN = 60;

export function ChangeList({ result }: { result: CompareOut }) {
  const { t, lang } = useLang();
  const reference = scenarioLabel(result.scenarios[0]!, lang);
  return (
    <section className="compare-panel compare-changes" data-testid="compare-changes">
      <h2 className="compare-panel-title">{t('compare.changes.title')}</h2>
      <p className="compare-panel-sub">{t('compare.changes.against', { name: reference })}</p>
      {result.changes.map(
        (c, i) =>
          c && (
            <ScenarioChangeList
              key={result.scenarios[i]!.id}
              id={result.scenarios[i]!.id}
              name={scenarioLabel(result.scenarios[i]!, lang)}
              c={c}
              unitNames={result.unitNames}
            />
          ),
      )}
    </section>
  );
}

function ScenarioChangeList({ id, name, c, unitNames }: { id: number; name: string; c: ScenarioChanges; unitNames: Record<string, string> }) {
  const { t } = useLang();
  const f = c.facilities;
  const u = c.units;
  const nothing = f.added.length + f.removed.length + f.changed.length + u.added.length + u.removed.length + u.changed.length === 0;
  return (
    <div className="compare-scenario-changes" data-testid="compare-scenario-changes" data-scenario={id}>
      <h3 className="compare-sc-title">
        <span className="compare-sc-name">{name}</span>
        <span className="compare-sc-counts">
          {t('compare.changes.counts', { added: num(f.added.length), removed: num(f.removed.length), changed: num(f.changed.length) })}
        </span>
      </h3>
      {nothing && (
        <p className="compare-none" data-testid="compare-no-changes">
          {t('compare.changes.none')}
        </p>
      )}
      <ul className="compare-change-list">
        {f.added.slice(0, SHOWN).map((x) => (
          <FacilityLine key={`a-${x.id}`} kind="added" f={x} unitNames={unitNames} />
        ))}
        {f.removed.slice(0, SHOWN).map((x) => (
          <FacilityLine key={`r-${x.id}`} kind="removed" f={x} unitNames={unitNames} />
        ))}
        {f.changed.slice(0, SHOWN).map((x) => (
          <ChangedLine key={`c-${x.id}`} f={x} unitNames={unitNames} />
        ))}
      </ul>
      <More n={Math.max(0, f.added.length - SHOWN) + Math.max(0, f.removed.length - SHOWN) + Math.max(0, f.changed.length - SHOWN)} />
      {u.added.length + u.removed.length + u.changed.length > 0 && <UnitChanges u={u} />}
    </div>
  );
}

function More({ n }: { n: number }) {
  const { t } = useLang();
  return n > 0 ? <p className="compare-more">{t('compare.changes.more', { n: num(n) })}</p> : null;
}

function Tag({ kind }: { kind: 'added' | 'removed' | 'changed' }) {
  const { t } = useLang();
  return <span className={`compare-tag is-${kind}`}>{t(`compare.changes.${kind}`)}</span>;
}

function FacilityLine({ kind, f, unitNames }: { kind: 'added' | 'removed'; f: FacilityBrief; unitNames: Record<string, string> }) {
  const { t, lang } = useLang();
  const where = unitNames[f.unit_code];
  const figures = [
    f.beds_open !== null && t('compare.changes.beds', { n: num(f.beds_open) }),
    f.physicians !== null && t('compare.changes.physicians', { n: num(f.physicians) }),
  ]
    .filter(Boolean)
    .join(sep(lang, 'comma'));
  return (
    <li className="compare-change" data-testid="compare-change" data-kind={kind} data-id={f.id}>
      <Tag kind={kind} />
      <div className="compare-change-body">
        <div className="compare-change-name">{f.name}</div>
        <div className="compare-change-meta">{[enumLabel('facilityType', f.type, lang), where, figures].filter(Boolean).join(' · ')}</div>
      </div>
    </li>
  );
}

function FieldLines({ fields, table, unitNames }: { fields: FieldChange[]; table: 'facilities' | 'units'; unitNames: Record<string, string> }) {
  const { lang } = useLang();
  const value = (x: FieldChange, v: FieldChange['from']) =>
    x.field === 'unit_code' && typeof v === 'string' && unitNames[v] ? unitNames[v] : fieldValue(x.field, v, lang, table);
  return (
    <ul className="compare-fields">
      {fields.map((x) => (
        <li key={x.field} data-field={x.field}>
          <span className="compare-field-name">{fieldName(x.field, lang)}</span>
          <span className="compare-from">{value(x, x.from)}</span>
          <span className="compare-to-arrow" aria-hidden="true">
            →
          </span>
          <span className="compare-to">{value(x, x.to)}</span>
        </li>
      ))}
    </ul>
  );
}

function ChangedLine({ f, unitNames }: { f: FacilityChange; unitNames: Record<string, string> }) {
  const { lang } = useLang();
  return (
    <li className="compare-change" data-testid="compare-change" data-kind="changed" data-id={f.id}>
      <Tag kind="changed" />
      <div className="compare-change-body">
        <div className="compare-change-name">{f.name}</div>
        <div className="compare-change-meta">{[enumLabel('facilityType', f.type, lang), unitNames[f.unit_code]].filter(Boolean).join(' · ')}</div>
        <FieldLines fields={f.fields} table="facilities" unitNames={unitNames} />
      </div>
    </li>
  );
}

function UnitChanges({ u }: { u: ScenarioChanges['units'] }) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const n = u.added.length + u.removed.length + u.changed.length;
  return (
    <details className="compare-unit-changes" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="compare-unit-changes">
      <summary>{t('compare.changes.units', { n: num(n) })}</summary>
      {open && (
        <ul className="compare-change-list">
          {u.added.slice(0, SHOWN).map((x) => (
            <li key={`a-${x.code}`} className="compare-change">
              <Tag kind="added" />
              <div className="compare-change-body">
                <div className="compare-change-name">{x.name}</div>
              </div>
            </li>
          ))}
          {u.removed.slice(0, SHOWN).map((x) => (
            <li key={`r-${x.code}`} className="compare-change">
              <Tag kind="removed" />
              <div className="compare-change-body">
                <div className="compare-change-name">{x.name}</div>
              </div>
            </li>
          ))}
          {u.changed.slice(0, SHOWN).map((x: UnitChange) => (
            <li key={`c-${x.code}`} className="compare-change">
              <Tag kind="changed" />
              <div className="compare-change-body">
                <div className="compare-change-name">{x.name}</div>
                <FieldLines fields={x.fields} table="units" unitNames={{}} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {open && <More n={Math.max(0, u.added.length - SHOWN) + Math.max(0, u.removed.length - SHOWN) + Math.max(0, u.changed.length - SHOWN)} />}
    </details>
  );
}
