// 其他项目 (kind 'other'): a project that is no one facility's change — an information platform, equipment
// for several centres, a training programme. It has a name, a year and a cost; it changes no facility,
// and its cost counts wherever projects' costs are summed.
import { describe, expect, it } from 'vitest';
import { emptyFacility, type Facility } from '../../../shared/model/entities.ts';
import { checkProject, type CheckContext } from '../../../shared/timeline/check.ts';
import { facilitiesAt } from '../../../shared/timeline/facilities-at.ts';
import { projectCost, projectLines } from '../../../shared/timeline/lines.ts';
import type { Project } from '../../../shared/timeline/project.ts';
import { changesInWords } from '../../../shared/timeline/words.ts';

const F: Facility[] = [{ ...emptyFacility('CHC', 'CHC名', 'chc', 'U1'), lon: 113, lat: 28, beds_open: 20 }];
const CTX: CheckContext = { facilities: F, projects: [], unitCodes: new Set(['U1']) };
const base = {
  id: 0,
  lon: null,
  lat: null,
  unit_code: null,
  type: null,
  facility_name: null,
  deltas: {},
  fields: {},
  source_document: null,
  source_clause: null,
  note: null,
  responsible_unit: null,
  status: 'planned' as const,
};
const platform: Project = {
  ...base,
  id: 1,
  year: 2024,
  kind: 'other',
  facility_id: null,
  name: '区域全民健康信息平台',
  cost: 1200,
  responsible_unit: '区卫生健康局',
};
const expand: Project = { ...base, id: 2, year: 2024, kind: 'expand', facility_id: 'CHC', name: 'CHC扩建', deltas: { beds_open: 40 }, cost: 300.5 };

describe('其他项目', () => {
  it('is kept with its name, year, cost, where (a unit) and 责任单位; no facility', () => {
    const { project, problems } = checkProject(
      { year: 2024, kind: 'other', name: ' 区域全民健康信息平台 ', cost: 1200, unit_code: 'U1', responsible_unit: '区卫生健康局', status: 'building' },
      CTX,
    );
    expect(problems).toEqual([]);
    expect(project).toMatchObject({
      kind: 'other',
      facility_id: null,
      name: '区域全民健康信息平台',
      cost: 1200,
      unit_code: 'U1',
      responsible_unit: '区卫生健康局',
      status: 'building',
      deltas: {},
      fields: {},
      type: null,
    });
  });

  it('is refused without a name, with a facility, with changes or with a type, each naming its field', () => {
    const fields = (input: Parameters<typeof checkProject>[0]) => checkProject(input, CTX).problems.map((p) => p.field);
    expect(fields({ year: 2024, kind: 'other', cost: 10 })).toEqual(['name']);
    expect(fields({ year: 2024, kind: 'other', name: 'x', facility_id: 'CHC' })).toEqual(['facility_id']);
    expect(fields({ year: 2024, kind: 'other', name: 'x', deltas: { beds_open: 10 } })).toEqual(['deltas']);
    expect(fields({ year: 2024, kind: 'other', name: 'x', type: 'chc' })).toEqual(['type']);
    expect(fields({ year: 2024, kind: 'other', name: 'x', unit_code: 'NOPE' })).toEqual(['unit_code']);
    const bad = checkProject({ year: 2024, kind: 'other', name: 'x', facility_id: 'CHC' }, CTX).problems[0]!;
    expect(bad.message).toContain('其他项目不涉及单个机构');
  });

  it('a status other than 计划/在建/完工 is refused; none given is 计划', () => {
    expect(
      checkProject({ year: 2024, kind: 'expand', facility_id: 'CHC', deltas: { beds_open: 1 }, status: 'soon' as never }, CTX).problems.map((p) => p.field),
    ).toEqual(['status']);
    expect(checkProject({ year: 2024, kind: 'expand', facility_id: 'CHC', deltas: { beds_open: 1 } }, CTX).project!.status).toBe('planned');
  });

  it('changes no facility: skipped by facilitiesAt (not applied, no problem), beside an expansion that is applied', () => {
    const at = facilitiesAt(F, [platform, expand], 2024);
    expect(at.facilities).toEqual([{ ...F[0], beds_open: 60 }]);
    expect(at.applied).toEqual([2]);
    expect(at.appliedByKind).toMatchObject({ expand: 1, other: 0 });
    expect(at.problems).toEqual([]);
    expect(facilitiesAt(F, [platform], 2030).facilities).toEqual(F);
  });

  it('counts in the cost: 1,200 + 300.5 = 1,500.5 万元, one project without a cost counted apart', () => {
    expect(projectCost([platform, expand, { cost: null }])).toEqual({ total: 1500.5, costed: 2, uncosted: 1 });
  });

  it("is a line of the briefing's table: its 责任单位 where a facility would be, and 不改变机构", () => {
    const [b, a] = projectLines([expand, platform], F); // by year, then as entered: the platform (1) first
    expect(a).toMatchObject({ name: 'CHC扩建', facility: 'CHC名', kind: '扩建', change: '床位 +40', cost: 300.5, status: '计划' });
    expect(b).toMatchObject({
      name: '区域全民健康信息平台',
      kind: '其他项目',
      facility: '区卫生健康局',
      change: '不改变机构（仅计投资）',
      cost: 1200,
      responsible: '区卫生健康局',
    });
    expect(changesInWords(platform, 'en')).toBe('no facility changed (investment only)');
  });
});
