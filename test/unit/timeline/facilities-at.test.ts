// The plan as of a year (shared/timeline/facilities-at.ts) on hand-made facilities and projects.
import { describe, expect, it } from 'vitest';
import { emptyFacility, type Facility } from '../../../shared/model/entities.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';
import { appliedInWords, facilitiesAt } from '../../../shared/timeline/facilities-at.ts';
import type { Project } from '../../../shared/timeline/project.ts';

const fac = (id: string, type: FacilityType, extra: Partial<Facility> = {}): Facility => ({
  ...emptyFacility(id, `${id}名`, type, 'U1'),
  lon: 113,
  lat: 28,
  ...extra,
});
let nextId = 1;
const project = (p: Partial<Project> & Pick<Project, 'year' | 'kind' | 'facility_id'>): Project => ({
  id: nextId++,
  name: `${p.facility_id}${p.kind}`,
  lon: null,
  lat: null,
  unit_code: null,
  type: null,
  facility_name: null,
  deltas: {},
  fields: {},
  cost: null,
  source_document: null,
  source_clause: null,
  note: null,
  responsible_unit: null,
  status: 'planned',
  ...p,
});
const byId = (fs: readonly Facility[], id: string) => fs.find((f) => f.id === id);

const FACILITIES = [
  fac('CHC', 'chc', { beds_open: 20, floor_area_m2: 1000, gps: 6 }),
  fac('THC', 'thc', { beds_open: 40, physicians: 12 }),
  fac('H', 'secondary_hospital', { beds_open: 300 }),
];

describe('facilitiesAt', () => {
  it("applies nothing before a project's year, and leaves the facilities given untouched", () => {
    const frozen = structuredClone(FACILITIES);
    const ps = [project({ year: 2023, kind: 'expand', facility_id: 'CHC', deltas: { beds_open: 40 } })];
    const at2022 = facilitiesAt(FACILITIES, ps, 2022);
    expect(at2022.facilities).toEqual(FACILITIES);
    expect(at2022.applied).toEqual([]);
    const at2023 = facilitiesAt(FACILITIES, ps, 2023);
    expect(byId(at2023.facilities, 'CHC')!.beds_open).toBe(60);
    expect(at2023.applied).toEqual([ps[0]!.id]);
    expect(FACILITIES).toEqual(frozen);
  });

  it('new (新建): a whole facility appears in its year, opened that year, in the unit given', () => {
    const p = project({
      year: 2024,
      kind: 'new',
      facility_id: 'NEW-ems_station-1',
      type: 'ems_station',
      facility_name: '沙坪120急救站',
      lon: 113.07,
      lat: 28.28,
      unit_code: 'U2',
      fields: { ambulances: 2, floor_area_m2: 300 },
    });
    expect(facilitiesAt(FACILITIES, [p], 2023).facilities).toHaveLength(3);
    const at = facilitiesAt(FACILITIES, [p], 2024);
    expect(at.facilities).toHaveLength(4);
    expect(byId(at.facilities, 'NEW-ems_station-1')).toMatchObject({
      name: '沙坪120急救站',
      type: 'ems_station',
      unit_code: 'U2',
      lon: 113.07,
      lat: 28.28,
      ambulances: 2,
      floor_area_m2: 300,
      opened_year: 2024,
      beds_open: null,
    });
    expect(at.appliedByKind.new).toBe(1);
  });

  it('relocate (迁建): new site, its unit follows, and an optional new name', () => {
    const p = project({ year: 2022, kind: 'relocate', facility_id: 'CHC', lon: 113.01, lat: 28.3, unit_code: 'U7', facility_name: '新址中心' });
    const f = byId(facilitiesAt(FACILITIES, [p], 2030).facilities, 'CHC')!;
    expect(f).toMatchObject({ lon: 113.01, lat: 28.3, unit_code: 'U7', name: '新址中心', type: 'chc', beds_open: 20 });
  });

  it('expand (扩建): adds deltas; an empty figure counts as 0 with a warning; never below 0', () => {
    const p = project({ year: 2023, kind: 'expand', facility_id: 'CHC', deltas: { beds_open: 40, floor_area_m2: 2000.5, nurses: 5, gps: -10 } });
    const at = facilitiesAt(FACILITIES, [p], 2023);
    expect(byId(at.facilities, 'CHC')).toMatchObject({ beds_open: 60, floor_area_m2: 3000.5, nurses: 5, gps: 0 });
    expect(at.problems.map((x) => x.severity)).toEqual(['warning', 'warning']);
    expect(at.problems[0]!.message).toContain('「注册护士」未填，按 0 计');
    expect(at.problems[1]!.message).toContain('「全科医生」减少 10，超过原有的 6，按 0 计');
    expect(at.applied).toEqual([p.id]);
  });

  it('upgrade (升级): the type changes (THC → sub-centre), with deltas', () => {
    const p = project({ year: 2025, kind: 'upgrade', facility_id: 'THC', type: 'sub_centre', facility_name: '某镇县域医疗次中心', deltas: { beds_open: 60 } });
    expect(byId(facilitiesAt(FACILITIES, [p], 2025).facilities, 'THC')).toMatchObject({
      type: 'sub_centre',
      name: '某镇县域医疗次中心',
      beds_open: 100,
      physicians: 12,
    });
    expect(byId(facilitiesAt(FACILITIES, [p], 2024).facilities, 'THC')!.type).toBe('thc');
  });

  it('close (撤并): the facility is gone from its year on; a later project on it is refused with a message', () => {
    const close = project({ year: 2023, kind: 'close', facility_id: 'H' });
    const later = project({ year: 2024, kind: 'expand', facility_id: 'H', deltas: { beds_open: 10 } });
    expect(byId(facilitiesAt(FACILITIES, [close, later], 2022).facilities, 'H')).toBeDefined();
    const at = facilitiesAt(FACILITIES, [close, later], 2024);
    expect(byId(at.facilities, 'H')).toBeUndefined();
    expect(at.applied).toEqual([close.id]);
    expect(at.problems).toEqual([expect.objectContaining({ project: later.id, severity: 'error', facility: 'H' })]);
    expect(at.problems[0]!.message).toMatch(/此前已撤并，未计入/);
  });

  it('a project on a facility that is not there is skipped with a message in both languages', () => {
    const p = project({ year: 2022, kind: 'expand', facility_id: 'GONE', deltas: { beds_open: 40 } });
    const at = facilitiesAt(FACILITIES, [p], 2030);
    expect(at.facilities).toEqual(FACILITIES);
    expect(at.applied).toEqual([]);
    expect(at.problems).toHaveLength(1);
    expect(at.problems[0]).toMatchObject({ project: p.id, year: 2022, facility: 'GONE', severity: 'error' });
    expect(at.problems[0]!.message).toMatch(/找不到机构「GONE」/);
    expect(at.problems[0]!.messageEn).toMatch(/no facility "GONE"/);
  });

  it('a new facility whose id is taken is skipped', () => {
    const p = project({ year: 2022, kind: 'new', facility_id: 'CHC', type: 'chc', lon: 1, lat: 1 });
    const at = facilitiesAt(FACILITIES, [p], 2022);
    expect(at.facilities).toEqual(FACILITIES);
    expect(at.problems[0]!.message).toMatch(/已有编码为「CHC」的机构/);
  });

  it('applies in year order, whatever the order given', () => {
    const a = project({ year: 2024, kind: 'relocate', facility_id: 'CHC', lon: 2, lat: 2 });
    const b = project({ year: 2022, kind: 'relocate', facility_id: 'CHC', lon: 1, lat: 1 });
    expect(byId(facilitiesAt(FACILITIES, [a, b], 2030).facilities, 'CHC')).toMatchObject({ lon: 2, lat: 2 });
    expect(facilitiesAt(FACILITIES, [a, b], 2030).applied).toEqual([b.id, a.id]);
    expect(byId(facilitiesAt(FACILITIES, [a, b], 2023).facilities, 'CHC')).toMatchObject({ lon: 1, lat: 1 });
  });

  it('within a year: new, relocate, upgrade, expand, close — then as entered', () => {
    // Entered backwards: the expansion and the upgrade of a facility that is built the same year.
    const expand = project({ year: 2025, kind: 'expand', facility_id: 'N1', deltas: { beds_open: 10 } });
    const upgrade = project({ year: 2025, kind: 'upgrade', facility_id: 'N1', type: 'community_hospital' });
    const build = project({ year: 2025, kind: 'new', facility_id: 'N1', type: 'chc', lon: 1, lat: 1, unit_code: 'U1', fields: { beds_open: 20 } });
    const at = facilitiesAt(FACILITIES, [expand, upgrade, build], 2025);
    expect(at.problems).toEqual([]);
    expect(at.applied).toEqual([build.id, upgrade.id, expand.id]);
    expect(byId(at.facilities, 'N1')).toMatchObject({ type: 'community_hospital', beds_open: 30 });
    // Two relocations of one facility in one year: the one entered last wins.
    const first = project({ year: 2025, kind: 'relocate', facility_id: 'CHC', lon: 5, lat: 5 });
    const second = project({ year: 2025, kind: 'relocate', facility_id: 'CHC', lon: 6, lat: 6 });
    expect(byId(facilitiesAt(FACILITIES, [second, first], 2025).facilities, 'CHC')).toMatchObject({ lon: 6, lat: 6 });
  });

  it('upgrade then expand across years: the expansion adds to the upgraded facility', () => {
    const upgrade = project({ year: 2023, kind: 'upgrade', facility_id: 'CHC', type: 'community_hospital', deltas: { beds_open: 10 } });
    const expand = project({ year: 2024, kind: 'expand', facility_id: 'CHC', deltas: { beds_open: 40, floor_area_m2: 2000 } });
    const at = (y: number) => byId(facilitiesAt(FACILITIES, [expand, upgrade], y).facilities, 'CHC')!;
    expect(at(2022)).toMatchObject({ type: 'chc', beds_open: 20, floor_area_m2: 1000 });
    expect(at(2023)).toMatchObject({ type: 'community_hospital', beds_open: 30, floor_area_m2: 1000 });
    expect(at(2024)).toMatchObject({ type: 'community_hospital', beds_open: 70, floor_area_m2: 3000 });
  });

  it('says what was applied', () => {
    expect(appliedInWords({ new: 1, relocate: 5, expand: 1, upgrade: 0, close: 0, other: 0 })).toEqual({
      zh: '新建 1 个、迁建 5 个、扩建 1 个',
      en: '1 new facility, 5 relocations, 1 expansion',
    });
  });

  it('is quick on a large plan: 200,000 facilities, 1,000 projects', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => fac(`F${i}`, 'chc', { beds_open: 10 }));
    const ps = Array.from({ length: 1000 }, (_, i) => project({ year: 2021 + (i % 10), kind: 'expand', facility_id: `F${i * 7}`, deltas: { beds_open: 5 } }));
    const t0 = performance.now();
    const at = facilitiesAt(many, ps, 2030);
    // A guard against quadratic work (minutes at this size), not a speed goal: benchmarks measure speed, and a
    // shared machine under load runs this several times slower than a quiet one.
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(at.applied).toHaveLength(1000);
    expect(at.facilities.reduce((s, f) => s + f.beds_open!, 0)).toBe(200_000 * 10 + 1000 * 5);
  });
});
