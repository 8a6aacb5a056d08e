/**
 * The mapping step's arithmetic, apart from its view: the fields a kind of sheet offers (grouped for the select),
 * the required ones still missing and the fields two columns fill, for the mapping as the planner has set it.
 */
import type { KeyIn } from '../i18n/keys.ts';
import { sheetKindSpec, type MappingField } from '../../../shared/model/mapping.ts';
import type { ColumnMapping, MappingProposal, SheetKind } from '../../../shared/api/methods/sheets.ts';

export type FieldGroup = KeyIn<'io.mapping.groups'>;

const GROUP: Record<string, FieldGroup> = {
  // units
  code: 'basic',
  parent_code: 'basic',
  kind: 'basic',
  urban: 'basic',
  population: 'population',
  population_0_3: 'population',
  population_65_plus: 'population',
  year: 'population',
  growth_rate: 'population',
  area_km2: 'place',
  // facilities
  id: 'basic',
  name: 'basic',
  type: 'basic',
  unit_code: 'basic',
  opened_year: 'basic',
  lon: 'place',
  lat: 'place',
  beds_open: 'beds',
  beds_approved: 'beds',
  bed_occupancy_rate: 'beds',
  physicians: 'staff',
  tcm_physicians: 'staff',
  gps: 'staff',
  public_health_physicians: 'staff',
  nurses: 'staff',
  pharmacists: 'staff',
  public_health_staff: 'staff',
  health_technicians: 'staff',
  bachelor_or_above: 'staff',
  senior_or_intermediate_titles: 'staff',
  ambulances: 'services',
  floor_area_m2: 'services',
  childcare_places: 'services',
  tcm_hall: 'services',
  tcm_pavilion: 'services',
  fever_clinic: 'services',
  elderly_rehab_room: 'services',
  service_standard: 'services',
};
const ORDER: FieldGroup[] = ['basic', 'place', 'population', 'years', 'beds', 'staff', 'services', 'other'];

/** A populations-by-year column: '2025:population'. */
const YEAR_FIELD_RE = /^(\d{4}):(.+)$/;

export interface FieldOption {
  key: string;
  field: MappingField;
  year?: string;
  required: boolean;
}
export interface FieldGroupOptions {
  group: FieldGroup;
  options: FieldOption[];
}

export function kindFields(kind: SheetKind): readonly MappingField[] {
  return sheetKindSpec(kind)?.fields ?? [];
}

/** The select's options: the kind's fields by group, and for populations the year columns the file has. */
export function fieldGroups(kind: SheetKind, proposal: MappingProposal, mapping: ColumnMapping): FieldGroupOptions[] {
  const fields = kindFields(kind);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const options: (FieldOption & { group: FieldGroup })[] = fields.map((f) => ({
    key: f.key,
    field: f,
    required: !!f.required,
    group: GROUP[f.key] ?? 'other',
  }));
  const extra = new Set<string>();
  for (const c of proposal.columns) if (c.field) extra.add(c.field);
  for (const f of Object.values(mapping)) if (f) extra.add(f);
  for (const key of [...extra].sort()) {
    if (byKey.has(key)) continue;
    const m = YEAR_FIELD_RE.exec(key);
    const base = m ? byKey.get(m[2]!) : undefined;
    if (m && base) options.push({ key, field: base, year: m[1]!, required: false, group: 'years' });
    else options.push({ key, field: { key, zh: key, en: key, aliases: [] }, required: false, group: 'other' });
  }
  return ORDER.map((group) => ({ group, options: options.filter((o) => o.group === group) })).filter((g) => g.options.length > 0);
}

/** Required fields no column fills, as the mapping stands. */
export function missingRequired(kind: SheetKind, mapping: ColumnMapping): MappingField[] {
  const filled = new Set(Object.values(mapping).filter((f): f is string => !!f));
  return kindFields(kind).filter((f) => f.required && !filled.has(f.key));
}

/** Fields filled by two columns or more: field → the headers. */
export function duplicateFields(mapping: ColumnMapping): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const [h, f] of Object.entries(mapping)) if (f) by.set(f, [...(by.get(f) ?? []), h]);
  return new Map([...by].filter(([, hs]) => hs.length > 1));
}

/** The mapping a loaded file gives this sheet: its entries for the file's headers over the current ones; the headers it names that the sheet lacks. */
export function applyLoaded(current: ColumnMapping, loaded: ColumnMapping): { mapping: ColumnMapping; absent: string[] } {
  const mapping = { ...current };
  const absent: string[] = [];
  for (const [h, f] of Object.entries(loaded)) {
    if (h in mapping) mapping[h] = f;
    else absent.push(h);
  }
  return { mapping, absent };
}
