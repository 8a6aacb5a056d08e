/**
 * Adding or editing a project (规划项目): its year and kind, the facility it concerns (typed by name or
 * id, picked from a list), then what the kind needs — a new facility's type, site and figures; a new
 * site; the changes in beds, staff, floor area …; the type it becomes — and its cost and source. A
 * 其他项目 (a platform, equipment, training) has no facility: a name, a year, a cost and, if it is in one
 * place, its unit (所在区划). Every project has a 责任单位 and a status (计划/在建/完工). The service checks
 * it; a refusal is shown here with the fields it names marked.
 */
import { useMemo, useState } from 'react';
import { ApiError } from '../../../shared/api/errors.ts';
import type { ProjectOut } from '../../../shared/api/methods/timeline.ts';
import type { Facility } from '../../../shared/model/entities.ts';
import { FACILITY_TYPE_LABELS, FACILITY_TYPES, type FacilityType } from '../../../shared/model/kinds.ts';
import {
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectInput,
  type ProjectKind,
  type ProjectStatus,
} from '../../../shared/timeline/project.ts';
import { fieldWord } from '../../../shared/timeline/words.ts';
import { DialogButtons, ErrorBox, Modal } from '../../ui/dialogs/Modal.tsx';
import { useLang } from '../../ui/i18n/index.ts';
import { labelIn } from '../../ui/i18n/labels.ts';

/** The figures the form offers (the service takes any numeric facility field). */
const FIGURES = [
  'beds_open',
  'beds_approved',
  'physicians',
  'nurses',
  'gps',
  'public_health_physicians',
  'health_technicians',
  'ambulances',
  'floor_area_m2',
  'childcare_places',
] as const;
type Figure = (typeof FIGURES)[number];

/** What an upgrade usually makes of a facility: 乡镇卫生院 → 县域医疗次中心, 社区卫生服务中心 → 社区医院. */
const UPGRADE_TO: Partial<Record<FacilityType, FacilityType>> = {
  thc: 'sub_centre',
  central_thc: 'sub_centre',
  chc: 'community_hospital',
  chc_branch: 'chc',
  chs_station: 'chc_branch',
  primary_hospital: 'secondary_hospital',
};

interface Draft {
  year: string;
  kind: ProjectKind;
  name: string;
  facility: string;
  type: FacilityType | '';
  facilityName: string;
  newId: string;
  lon: string;
  lat: string;
  figures: Record<Figure, string>;
  cost: string;
  document: string;
  clause: string;
  note: string;
  /** 责任单位 (free text), 状态, and a 其他项目's unit (code or name as typed). */
  responsible: string;
  status: ProjectStatus;
  unit: string;
}

const blankFigures = (): Record<Figure, string> => Object.fromEntries(FIGURES.map((k) => [k, ''])) as Record<Figure, string>;
const str = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

function draftOf(p: ProjectOut | null, year: number): Draft {
  if (!p)
    return {
      year: String(year),
      kind: 'expand',
      name: '',
      facility: '',
      type: '',
      facilityName: '',
      newId: '',
      lon: '',
      lat: '',
      figures: blankFigures(),
      cost: '',
      document: '',
      clause: '',
      note: '',
      responsible: '',
      status: 'planned',
      unit: '',
    };
  const figures = blankFigures();
  const from = p.kind === 'new' ? p.fields : p.deltas;
  for (const k of FIGURES) figures[k] = str((from as Record<string, number | null | undefined>)[k]);
  return {
    year: String(p.year),
    kind: p.kind,
    name: p.name,
    facility: p.kind === 'new' ? '' : (p.facility_id ?? ''),
    type: p.type ?? '',
    facilityName: p.facility_name ?? '',
    newId: p.kind === 'new' ? (p.facility_id ?? '') : '',
    lon: str(p.lon),
    lat: str(p.lat),
    figures,
    cost: str(p.cost),
    document: p.source_document ?? '',
    clause: p.source_clause ?? '',
    note: p.note ?? '',
    responsible: p.responsible_unit ?? '',
    status: p.status,
    unit: p.kind === 'other' ? (p.unit_code ?? '') : '',
  };
}

interface Props {
  project: ProjectOut | null;
  defaultYear: number;
  facilities: readonly Facility[];
  /** Facilities brought by the scenario's new-facility projects (they can be expanded or upgraded later). */
  planned: readonly { id: string; name: string; type: FacilityType }[];
  unitName(code: string | null): string;
  /** The plan's units, for a 其他项目's 所在区划. */
  units: readonly { code: string; name: string }[];
  onSave(input: ProjectInput): Promise<void>;
  onClose(): void;
}

export function ProjectForm({ project, defaultYear, facilities, planned, unitName, units, onSave, onClose }: Props) {
  const { t, lang } = useLang();
  const [d, setD] = useState<Draft>(() => draftOf(project, defaultYear));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  const typeLabel = (ty: FacilityType) => labelIn(FACILITY_TYPE_LABELS[ty], lang);

  const choices = useMemo(
    () => [...facilities.map((f) => ({ id: f.id, name: f.name, type: f.type, unit: f.unit_code })), ...planned.map((p) => ({ ...p, unit: null }))],
    [facilities, planned],
  );
  const picked = useMemo(() => {
    const q = d.facility.trim();
    if (!q) return undefined;
    return (
      choices.find((c) => c.id === q)
      ?? choices.find((c) => c.name === q)
      ?? (() => {
        const hits = choices.filter((c) => c.name.includes(q));
        return hits.length === 1 ? hits[0] : undefined;
      })()
    );
  }, [choices, d.facility]);
  const options = useMemo(() => {
    const q = d.facility.trim();
    return (q ? choices.filter((c) => c.name.includes(q) || c.id.includes(q)) : choices).slice(0, 60);
  }, [choices, d.facility]);

  // A 其他项目's unit: typed as a code or a name, the name unique (several units share names such as 新村社区).
  const unitPicked = useMemo(() => {
    const q = d.unit.trim();
    if (!q) return undefined;
    const byCode = units.find((u) => u.code === q);
    if (byCode) return byCode;
    const named = units.filter((u) => u.name === q);
    return named.length === 1 ? named[0] : undefined;
  }, [units, d.unit]);
  const unitOptions = useMemo(() => {
    const q = d.unit.trim();
    return (q ? units.filter((u) => u.name.includes(q) || u.code.startsWith(q)) : units).slice(0, 60);
  }, [units, d.unit]);

  const bad = new Set<string>(
    error instanceof ApiError ? ((error.details as { problems?: { field: string }[] } | undefined)?.problems ?? []).map((x) => x.field.split('.')[0]!) : [],
  );
  const cls = (field: string) => (bad.has(field) ? 'is-bad' : undefined);

  const chooseKind = (kind: ProjectKind) =>
    setD((x) => ({
      ...x,
      kind,
      // An upgrade starts from what such a facility usually becomes.
      type: kind === 'upgrade' && picked ? (UPGRADE_TO[picked.type] ?? x.type) : x.type,
    }));
  const chooseFacility = (v: string) =>
    setD((x) => {
      const c = choices.find((f) => f.id === v.trim());
      return { ...x, facility: v, type: x.kind === 'upgrade' && c && !x.type ? (UPGRADE_TO[c.type] ?? '') : x.type };
    });

  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(/[,，\s]/g, '')));
  const build = (): ProjectInput => {
    const figures: Record<string, number> = {};
    for (const k of FIGURES) {
      const v = num(d.figures[k]);
      if (v !== null) figures[k] = v;
    }
    const common = {
      year: Number(d.year),
      kind: d.kind,
      ...(d.name.trim() ? { name: d.name.trim() } : {}),
      cost: num(d.cost),
      source_document: d.document,
      source_clause: d.clause,
      note: d.note,
      responsible_unit: d.responsible.trim() || null,
      status: d.status,
    };
    const facility_id = picked?.id ?? d.facility.trim();
    switch (d.kind) {
      case 'new':
        return {
          ...common,
          ...(d.newId.trim() ? { facility_id: d.newId.trim() } : {}),
          type: d.type || null,
          facility_name: d.facilityName || null,
          lon: num(d.lon),
          lat: num(d.lat),
          fields: figures,
        };
      case 'relocate':
        return { ...common, facility_id, lon: num(d.lon), lat: num(d.lat), facility_name: d.facilityName || null, deltas: figures };
      case 'upgrade':
        return { ...common, facility_id, type: d.type || null, facility_name: d.facilityName || null, deltas: figures };
      case 'expand':
        return { ...common, facility_id, deltas: figures };
      case 'close':
        return { ...common, facility_id };
      case 'other':
        return { ...common, unit_code: unitPicked?.code ?? (d.unit.trim() || null) }; // 其他项目: no facility
    }
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const input = build();
      const nan = [input.year, input.lon, input.lat, input.cost, ...Object.values(input.deltas ?? {}), ...Object.values(input.fields ?? {})].some(
        (v) => typeof v === 'number' && Number.isNaN(v),
      );
      if (nan) throw new ApiError('INVALID_ARGS', '请在数字栏中填写数字（如 40 或 1500）', 'Type numbers in the number fields (e.g. 40 or 1500)');
      await onSave(input);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const k = d.kind;
  const needsFacility = k !== 'new' && k !== 'other';
  const figuresTitle = k === 'new' ? t('timeline.form.figures') : t('timeline.form.changes');
  return (
    <Modal
      title={project ? t('timeline.form.editTitle') : t('timeline.form.addTitle')}
      testId="timeline-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      wide
      footer={<DialogButtons primary={t('timeline.form.save')} busy={busy} onCancel={onClose} />}
    >
      <div className="tl-form">
        <div className="tl-form-row">
          <label className="field tl-f-year">
            <span>{t('timeline.form.year')}</span>
            <input
              type="number"
              min={2000}
              max={2100}
              value={d.year}
              onChange={(e) => set('year', e.target.value)}
              className={cls('year')}
              data-testid="tl-year"
            />
          </label>
          <div className="field tl-f-kind">
            <span>{t('timeline.form.kind')}</span>
            <div className="tl-kinds" role="radiogroup" aria-label={t('timeline.form.kind')}>
              {PROJECT_KINDS.map((x) => (
                <label key={x} className={`tl-kind-choice${k === x ? ' is-on' : ''}`}>
                  <input type="radio" name="tl-kind" value={x} checked={k === x} onChange={() => chooseKind(x)} data-testid={`tl-kind-${x}`} />
                  {labelIn(PROJECT_KIND_LABELS[x], lang)}
                </label>
              ))}
            </div>
          </div>
        </div>
        <p className="field-hint tl-hint">{t('timeline.form.yearHint')}</p>

        {needsFacility && (
          <label className="field">
            <span>{t('timeline.form.facility')}</span>
            <input
              type="text"
              list="tl-facility-list"
              value={d.facility}
              placeholder={t('timeline.form.facilityPlaceholder')}
              onChange={(e) => chooseFacility(e.target.value)}
              className={cls('facility_id')}
              data-testid="tl-facility"
              autoComplete="off"
            />
            <datalist id="tl-facility-list">
              {options.map((c) => (
                <option key={c.id} value={c.id} label={`${c.name} · ${typeLabel(c.type)}${c.unit ? ` · ${unitName(c.unit)}` : ''}`} />
              ))}
            </datalist>
            <span className={`field-hint${d.facility.trim() && !picked ? ' tl-bad' : ''}`} data-testid="tl-facility-picked">
              {picked
                ? `${picked.name} · ${typeLabel(picked.type)}${picked.unit ? ` · ${unitName(picked.unit)}` : ''}（${picked.id}）`
                : d.facility.trim()
                  ? t('timeline.form.noSuchFacility')
                  : t('timeline.form.facilityHint')}
            </span>
          </label>
        )}

        {k === 'new' && (
          <div className="tl-form-row">
            <label className="field tl-grow">
              <span>{t('timeline.form.newType')}</span>
              <select value={d.type} onChange={(e) => set('type', e.target.value as FacilityType)} className={cls('type')} data-testid="tl-type">
                <option value="" />
                {FACILITY_TYPES.map((ty) => (
                  <option key={ty} value={ty}>
                    {typeLabel(ty)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field tl-grow2">
              <span>{t('timeline.form.newName')}</span>
              <input
                type="text"
                value={d.facilityName}
                placeholder={t('timeline.form.newNamePlaceholder')}
                onChange={(e) => set('facilityName', e.target.value)}
                data-testid="tl-facility-name"
              />
            </label>
            <label className="field tl-grow">
              <span>{t('timeline.form.newId')}</span>
              <input
                type="text"
                value={d.newId}
                placeholder={t('timeline.form.newIdPlaceholder')}
                onChange={(e) => set('newId', e.target.value)}
                className={cls('facility_id')}
                data-testid="tl-new-id"
              />
            </label>
          </div>
        )}
        {(k === 'new' || k === 'relocate') && (
          <div className="tl-form-row">
            <label className="field tl-grow">
              <span>{k === 'new' ? t('timeline.form.lon') : t('timeline.form.siteLon')}</span>
              <input type="text" inputMode="decimal" value={d.lon} onChange={(e) => set('lon', e.target.value)} className={cls('lon')} data-testid="tl-lon" />
            </label>
            <label className="field tl-grow">
              <span>{k === 'new' ? t('timeline.form.lat') : t('timeline.form.siteLat')}</span>
              <input type="text" inputMode="decimal" value={d.lat} onChange={(e) => set('lat', e.target.value)} className={cls('lat')} data-testid="tl-lat" />
            </label>
            <span className="field-hint tl-grow2 tl-site-hint">{t('timeline.form.siteHint')}</span>
          </div>
        )}
        {k === 'upgrade' && (
          <div className="tl-form-row">
            <label className="field tl-grow">
              <span>{t('timeline.form.toType')}</span>
              <select value={d.type} onChange={(e) => set('type', e.target.value as FacilityType)} className={cls('type')} data-testid="tl-type">
                <option value="" />
                {FACILITY_TYPES.map((ty) => (
                  <option key={ty} value={ty}>
                    {typeLabel(ty)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field tl-grow2">
              <span>{t('timeline.form.rename')}</span>
              <input
                type="text"
                value={d.facilityName}
                placeholder={t('timeline.form.renamePlaceholder')}
                onChange={(e) => set('facilityName', e.target.value)}
                data-testid="tl-facility-name"
              />
            </label>
          </div>
        )}
        {k === 'relocate' && (
          <label className="field">
            <span>{t('timeline.form.rename')}</span>
            <input
              type="text"
              value={d.facilityName}
              placeholder={t('timeline.form.renamePlaceholder')}
              onChange={(e) => set('facilityName', e.target.value)}
              data-testid="tl-facility-name"
            />
          </label>
        )}

        {k === 'other' && (
          <div className="tl-form-row">
            <label className="field tl-grow">
              <span>{t('timeline.form.unit')}</span>
              <input
                type="text"
                list="tl-unit-list"
                value={d.unit}
                placeholder={t('timeline.form.unitPlaceholder')}
                onChange={(e) => set('unit', e.target.value)}
                className={cls('unit_code')}
                data-testid="tl-unit"
                autoComplete="off"
              />
              <datalist id="tl-unit-list">
                {unitOptions.map((u) => (
                  <option key={u.code} value={u.code} label={u.name} />
                ))}
              </datalist>
            </label>
            <span className={`field-hint tl-grow2 tl-site-hint${d.unit.trim() && !unitPicked ? ' tl-bad' : ''}`} data-testid="tl-unit-picked">
              {unitPicked ? `${unitPicked.name}（${unitPicked.code}）` : d.unit.trim() ? t('timeline.form.noSuchUnit') : t('timeline.form.otherHint')}
            </span>
          </div>
        )}

        {k === 'other' ? null : k === 'close' ? (
          <p className="field-hint">{t('timeline.form.closeHint')}</p>
        ) : (
          <fieldset className={`tl-figures ${cls('deltas') ?? cls('fields') ?? ''}`}>
            <legend>{figuresTitle}</legend>
            {FIGURES.map((f) => (
              <label key={f} className="tl-figure">
                <span>
                  {fieldWord(f, lang)}
                  {f === 'floor_area_m2' ? t('timeline.form.areaUnit') : ''}
                </span>
                <input
                  type="text"
                  inputMode="decimal"
                  value={d.figures[f]}
                  placeholder={k === 'new' ? '' : '+0'}
                  onChange={(e) => setD((x) => ({ ...x, figures: { ...x.figures, [f]: e.target.value } }))}
                  data-testid={`tl-figure-${f}`}
                />
              </label>
            ))}
          </fieldset>
        )}

        <div className="tl-form-row">
          <label className="field tl-grow2">
            <span>{t('timeline.form.name')}</span>
            <input
              type="text"
              value={d.name}
              placeholder={k === 'other' ? t('timeline.form.otherNamePlaceholder') : t('timeline.form.namePlaceholder')}
              className={cls('name')}
              onChange={(e) => set('name', e.target.value)}
              data-testid="tl-name"
            />
          </label>
          <label className="field tl-grow">
            <span>{t('timeline.form.cost')}</span>
            <input type="text" inputMode="decimal" value={d.cost} onChange={(e) => set('cost', e.target.value)} className={cls('cost')} data-testid="tl-cost" />
          </label>
        </div>
        <div className="tl-form-row">
          <label className="field tl-grow2">
            <span>{t('timeline.form.responsible')}</span>
            <input
              type="text"
              value={d.responsible}
              placeholder={t('timeline.form.responsiblePlaceholder')}
              onChange={(e) => set('responsible', e.target.value)}
              className={cls('responsible_unit')}
              data-testid="tl-responsible"
            />
          </label>
          <label className="field tl-grow">
            <span>{t('timeline.form.status')}</span>
            <select value={d.status} onChange={(e) => set('status', e.target.value as ProjectStatus)} className={cls('status')} data-testid="tl-status">
              {PROJECT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {labelIn(PROJECT_STATUS_LABELS[s], lang)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="tl-form-row">
          <label className="field tl-grow2">
            <span>{t('timeline.form.document')}</span>
            <input
              type="text"
              value={d.document}
              placeholder={t('timeline.form.documentPlaceholder')}
              onChange={(e) => set('document', e.target.value)}
              data-testid="tl-document"
            />
          </label>
          <label className="field tl-grow">
            <span>{t('timeline.form.clause')}</span>
            <input
              type="text"
              value={d.clause}
              placeholder={t('timeline.form.clausePlaceholder')}
              onChange={(e) => set('clause', e.target.value)}
              data-testid="tl-clause"
            />
          </label>
        </div>
        <label className="field">
          <span>{t('timeline.form.note')}</span>
          <textarea rows={2} value={d.note} onChange={(e) => set('note', e.target.value)} data-testid="tl-note" />
        </label>
        <ErrorBox error={error} />
      </div>
    </Modal>
  );
}
