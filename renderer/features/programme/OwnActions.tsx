/**
 * 自定项目: the planner's own candidate actions, one card each — name, kind (新建/扩建/升级/其他项目), the
 * facility it concerns (picked from the scenario's, by id or name) or, for 新建, its type and unit; beds
 * added, cost (万元), and its rules: 固定年份, 不早于, 在…之后 (another own action or one of the last
 * programme's). Sent as `candidates.own` and `rules`.
 */
import { useMemo } from 'react';
import { FACILITY_TYPES } from '../../../shared/model/kinds.ts';
import { PROJECT_KIND_LABELS } from '../../../shared/timeline/project.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { labelIn } from '../../ui/i18n/labels.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { typeName } from '../../ui/wording/vocabulary.ts';
import { newOwnRow, OWN_KINDS, removeOwnRow, type Checked, type OwnKind, type OwnRow, type ProgrammeForm } from './form.ts';

interface Props {
  form: ProgrammeForm;
  onForm(u: ProgrammeForm | ((f: ProgrammeForm) => ProgrammeForm)): void;
  checked: Checked;
  known: Map<string, string>;
}

export function OwnActions({ form, onForm, checked, known }: Props) {
  const { t } = useLang();
  const { facilities, units } = useAppData();
  const facilityNames = useMemo(() => new Map((facilities ?? []).map((f) => [f.id, f.name])), [facilities]);
  const unitNames = useMemo(() => new Map((units ?? []).map((u) => [u.code, u.name])), [units]);
  const set = (id: string, patch: Partial<OwnRow>) => onForm((f) => ({ ...f, own: f.own.map((r) => (r.id === id ? { ...r, ...patch } : r)) }));

  return (
    <fieldset className="pg-group" data-testid="pg-own">
      <legend>{t('programme.form.own')}</legend>
      <datalist id="pg-facility-list">
        {(facilities ?? []).map((f) => (
          <option key={f.id} value={f.id} label={f.name} />
        ))}
      </datalist>
      <datalist id="pg-unit-list">
        {(units ?? []).map((u) => (
          <option key={u.code} value={u.code} label={u.name} />
        ))}
      </datalist>
      {form.own.map((r) => (
        <OwnCard
          key={r.id}
          row={r}
          form={form}
          checked={checked}
          known={known}
          facilityNames={facilityNames}
          unitNames={unitNames}
          onChange={(patch) => set(r.id, patch)}
          onRemove={() => onForm((f) => removeOwnRow(f, r.id))}
        />
      ))}
      <button type="button" className="btn pg-btn-small pg-add" onClick={() => onForm(newOwnRow)} data-testid="pg-own-add">
        + {t('programme.form.add')}
      </button>
      <p className="pg-hint">{t('programme.form.ownHint')}</p>
    </fieldset>
  );
}

interface CardProps {
  row: OwnRow;
  form: ProgrammeForm;
  checked: Checked;
  known: Map<string, string>;
  facilityNames: Map<string, string>;
  unitNames: Map<string, string>;
  onChange(patch: Partial<OwnRow>): void;
  onRemove(): void;
}

/** A typed name that is exactly one row's name becomes that row's key. */
function byName(text: string, names: Map<string, string>): string {
  if (names.has(text)) return text;
  const hits = [...names].filter(([, n]) => n === text.trim());
  return hits.length === 1 ? hits[0]![0] : text;
}

function OwnCard({ row: r, form, checked, known, facilityNames, unitNames, onChange, onRemove }: CardProps) {
  const { t, lang } = useLang();
  const bad = (f: string) => (checked.bad.has(`own.${r.id}.${f}`) ? ' is-bad' : '');
  const others: [string, string][] = [
    ...form.own.filter((o) => o.id !== r.id).map((o): [string, string] => [o.id, o.name.trim() || o.id]),
    ...[...known].filter(([id]) => !id.startsWith('own-')),
  ];
  const field = (key: 'fixedYear' | 'notBefore', label: string) => (
    <label className="pg-field">
      <span>{label}</span>
      <input
        className={`pg-num pg-year${bad(key)}`}
        inputMode="numeric"
        value={r[key]}
        onChange={(e) => onChange({ [key]: e.target.value })}
        data-testid={`pg-own-${key}`}
      />
    </label>
  );
  return (
    <div className="pg-own" data-testid="pg-own-row" data-id={r.id}>
      <div className="pg-own-head">
        <input
          className={`pg-text${bad('name')}`}
          placeholder={t('programme.form.name')}
          aria-label={t('programme.form.name')}
          value={r.name}
          maxLength={200}
          onChange={(e) => onChange({ name: e.target.value })}
          data-testid="pg-own-name"
        />
        <button type="button" className="link-btn pg-own-remove" onClick={onRemove} data-testid="pg-own-remove">
          {t('programme.form.remove')}
        </button>
      </div>
      <div className="pg-own-grid">
        <label className="pg-field">
          <span>{t('programme.form.kind')}</span>
          <select value={r.kind} onChange={(e) => onChange({ kind: e.target.value as OwnKind })} data-testid="pg-own-kind">
            {OWN_KINDS.map((k) => (
              <option key={k} value={k}>
                {labelIn(PROJECT_KIND_LABELS[k], lang)}
              </option>
            ))}
          </select>
        </label>
        {(r.kind === 'expand' || r.kind === 'upgrade') && (
          <label className="pg-field">
            <span>{t('programme.form.facility')}</span>
            <input
              className={`pg-text${bad('facility')}`}
              list="pg-facility-list"
              placeholder={t('programme.form.facilityPick')}
              value={r.facility}
              onChange={(e) => onChange({ facility: byName(e.target.value, facilityNames) })}
              title={facilityNames.get(r.facility)}
              data-testid="pg-own-facility"
            />
          </label>
        )}
        {(r.kind === 'new' || r.kind === 'upgrade') && (
          <label className="pg-field">
            <span>{t(r.kind === 'new' ? 'programme.form.newType' : 'programme.form.upgradeType')}</span>
            <select
              className={bad('type').trim()}
              value={r.type}
              onChange={(e) => onChange({ type: e.target.value as OwnRow['type'] })}
              data-testid="pg-own-type"
            >
              <option value="">{t('programme.form.choose')}</option>
              {FACILITY_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {typeName(ty, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
        {r.kind === 'new' && (
          <label className="pg-field">
            <span>{t('programme.form.unit')}</span>
            <input
              className={`pg-text${bad('unit')}`}
              list="pg-unit-list"
              placeholder={t('programme.form.unitPick')}
              value={r.unit}
              onChange={(e) => onChange({ unit: byName(e.target.value, unitNames) })}
              title={unitNames.get(r.unit)}
              data-testid="pg-own-unit"
            />
          </label>
        )}
        {(r.kind === 'new' || r.kind === 'expand') && (
          <label className="pg-field">
            <span>{t(r.kind === 'new' ? 'programme.form.newBeds' : 'programme.form.beds')}</span>
            <input
              className={`pg-num${bad('beds')}`}
              inputMode="numeric"
              value={r.beds}
              onChange={(e) => onChange({ beds: e.target.value })}
              data-testid="pg-own-beds"
            />
          </label>
        )}
        <label className="pg-field">
          <span>{t('programme.form.cost')}</span>
          <input
            className={`pg-num${bad('cost')}`}
            inputMode="decimal"
            value={r.cost}
            onChange={(e) => onChange({ cost: e.target.value })}
            data-testid="pg-own-cost"
          />
        </label>
        {field('fixedYear', t('programme.form.fixedYear'))}
        {field('notBefore', t('programme.form.notBefore'))}
        <label className="pg-field">
          <span>{t('programme.form.after')}</span>
          <select value={r.after} onChange={(e) => onChange({ after: e.target.value })} data-testid="pg-own-after">
            <option value="">{t('programme.form.none')}</option>
            {others.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {(r.kind === 'expand' || r.kind === 'upgrade') && facilityNames.has(r.facility) && (
        <p className="pg-hint pg-own-named" data-testid="pg-own-facility-name">
          {facilityNames.get(r.facility)}
        </p>
      )}
    </div>
  );
}
