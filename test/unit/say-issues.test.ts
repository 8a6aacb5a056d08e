// A refused argument in the planner's words (issue 12, "Words": no refusal shows developer text such as
// "set.targets.0.min — Too small: expected number to be >=0"). The issues come from the project's own
// schemas (the contract, the standard set, the facility row), so a change of schema shows up here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { invalidArgs, sayIssue, sayIssues, type IssueLike } from '../../shared/api/say-issues.ts';
import { FacilitySchema } from '../../shared/model/entities.ts';

const changsha = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../data/standards/changsha-14fyp-2025.json'), 'utf8'));
const issuesOf = (schema: z.ZodType, input: unknown): IssueLike[] => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return r.error.issues as IssueLike[];
};
/** The standard set with one target changed (index of the target in the Changsha set). */
const withTarget = (i: number, change: Record<string, unknown>) => ({
  set: { ...changsha, id: 'mine', targets: changsha.targets.map((t: object, k: number) => (k === i ? { ...t, ...change } : t)) },
});
const BEDS = changsha.targets.findIndex((t: { id: string }) => t.id === 'beds-per-1000');
const PAVILION = changsha.targets.findIndex((t: { id: string }) => t.id === 'tcm-pavilion-share');

describe('sayIssue: zod issues as sentences naming the field and the fix', () => {
  it('too_small on a target: the target by its name, the field as the editor labels it, the fix', () => {
    const args = withTarget(BEDS, { min: -1 });
    const [issue] = issuesOf(API['standards.save'].args, args);
    expect(issue!.path).toEqual(['set', 'targets', BEDS, 'min']);
    expect(sayIssue(issue!, args)).toEqual({
      zh: '指标「每千常住人口床位数」的「要求值」不能小于 0，请填写 0 或更大的数',
      en: "Target 'Beds per 1,000 residents' — required value: must be 0 or more",
    });
  });

  it('too_big on a share target says the bound as the percentage the editor shows (1 → 100%)', () => {
    const args = withTarget(PAVILION, { min: 1.5 });
    const said = sayIssue(issuesOf(API['standards.save'].args, args)[0]!, args);
    expect(said.zh).toBe('指标「社区卫生服务站和村卫生室设置中医阁比例」的「要求值」不能大于 100%，请填写 100% 或更小的数');
    expect(said.en).toBe("Target 'Share of health stations and village clinics with a TCM pavilion' — required value: must be 100% or less");
  });

  it('too_small exclusive (positive minutes), empty text, empty list', () => {
    const minutes = issuesOf(API['access.run'].args, { scenarioId: 1, types: ['ems_station'], urbanMinutes: 0, ruralMinutes: 30 });
    expect(sayIssue(minutes[0]!, {})).toEqual({ zh: '「城镇时限（分钟）」必须大于 0，请填写大于 0 的数', en: 'Urban minutes: must be more than 0' });
    const noTypes = issuesOf(API['access.run'].args, { scenarioId: 1, types: [], urbanMinutes: 10, ruralMinutes: 30 });
    expect(sayIssue(noTypes[0]!, {})).toEqual({ zh: '「机构类型」至少要有一项，请选择或添加', en: 'Facility types: needs at least one: choose or add one' });
    const name = issuesOf(API['plan.rename'].args, { name: '   ' });
    expect(sayIssue(name[0]!, { name: '   ' })).toEqual({ zh: '「名称」不能为空，请填写', en: 'Name: must not be empty: fill it in' });
  });

  it('too_big: a year past 2100, a text too long', () => {
    const [year] = issuesOf(API['gaps.evaluate'].args, { scenarioId: 1, year: 2101 });
    expect(sayIssue(year!, {})).toEqual({ zh: '「年份」不能大于 2,100，请填写 2,100 或更小的数', en: 'Year: must be 2,100 or less' });
    const [long] = issuesOf(API['plan.rename'].args, { name: '名'.repeat(201) });
    expect(sayIssue(long!, {})).toEqual({ zh: '「名称」不能超过 200 个字，请缩短', en: 'Name: must be at most 200 characters: shorten it' });
  });

  it('invalid_type: a whole number, a number, a value left out', () => {
    const [k] = issuesOf(API['siting.run'].args, { scenarioId: 1, model: 'mclp', type: 'ems_station', k: 1.5 });
    expect(sayIssue(k!, { k: 1.5 })).toEqual({ zh: '「新增数量」必须是整数，请去掉小数', en: 'Number of new sites: must be a whole number' });
    const input = { scenarioId: 1, year: '二〇二五' };
    const [year] = issuesOf(API['gaps.evaluate'].args, input);
    expect(sayIssue(year!, input)).toEqual({ zh: '「年份」应为数字，请填写数字（如 12）', en: 'Year: must be a number, e.g. 12' });
    const [missing] = issuesOf(API['gaps.evaluate'].args, {});
    expect(sayIssue(missing!, {})).toEqual({ zh: '「情景」未填写，请填写', en: 'Scenario: is missing: fill it in' });
  });

  it('invalid_value: the choices by their labels, facility types in Chinese', () => {
    const [dir] = issuesOf(API['access.run'].args, { scenarioId: 1, types: ['ems_station'], urbanMinutes: 10, ruralMinutes: 30, direction: 'up' });
    expect(sayIssue(dir!, {})).toEqual({ zh: '「方向」只能是「从机构出发」或「前往机构」', en: 'Direction: must be "from the facility" or "to the facility"' });
    const [scope] = issuesOf(API['gaps.evaluate'].args, { scenarioId: 1, level: 'street' });
    expect(sayIssue(scope!, {}).zh).toBe('「层级」只能是「全域」、「区县」、「街道/乡镇」或「机构」');
    // Values no dictionary holds are said as written.
    const [fmt] = issuesOf(API['gaps.export'].args, { scenarioId: 1, format: 'pdf' });
    expect(sayIssue(fmt!, {})).toEqual({ zh: '「格式」只能是「xlsx」或「csv」', en: 'Format: must be "xlsx" or "csv"' });
    // 17 facility types are too many to list: the fix is to pick from the list.
    const input = { scenarioId: 1, types: ['hospital'], urbanMinutes: 10, ruralMinutes: 30 };
    const [type] = issuesOf(API['access.run'].args, input);
    expect(sayIssue(type!, input)).toEqual({
      zh: '「机构类型」第 1 项不在可选范围内，请从列表中选择',
      en: 'Facility types #1: is not one of the choices: pick one from the list',
    });
    const [kind] = issuesOf(z.object({ type: z.enum(['chc', 'thc']) }), { type: 'x' });
    expect(sayIssue(kind!, {})).toEqual({
      zh: '「机构类型」只能是「社区卫生服务中心」或「乡镇卫生院」',
      en: 'Facility type: must be "Community health centre" or "Township health centre"',
    });
  });

  it('invalid_format: a set id with capitals says which characters are allowed', () => {
    const [id] = issuesOf(API['gaps.evaluate'].args, { scenarioId: 1, standardId: 'Bad Id!' });
    expect(sayIssue(id!, {})).toEqual({
      zh: '「标准」只能包含小写字母、数字和 _ . -，并以字母或数字开头',
      en: 'Standard set: may hold only lower-case letters, digits and _ . -, starting with a letter or digit',
    });
  });

  it('custom: a bilingual refine message is split by language; a duplicate target id is said in Chinese', () => {
    const [same] = issuesOf(API['scenarios.compare'].args, { scenarioIds: [1, 1] });
    expect(sayIssue(same!, {})).toEqual({ zh: '「情景」：每个情景只能选一次', en: 'Scenarios: each scenario once' });
    const beds = changsha.targets[BEDS];
    const args = { set: { ...changsha, id: 'mine', targets: [...changsha.targets, beds] } };
    const dup = issuesOf(API['standards.save'].args, args).find((i) => i.code === 'custom')!;
    expect(sayIssue(dup, args).zh).toBe('指标「每千常住人口床位数」的「编号」：编号「beds-per-1000」与另一个指标重复，请改用不同的编号');
  });

  it('unrecognized_keys: names the unknown argument and says to remove it', () => {
    const [extra] = issuesOf(API['plan.info'].args, { verbose: true });
    expect(sayIssue(extra!, {})).toEqual({ zh: '有无法识别的项：「verbose」，请删去', en: 'unknown field "verbose": remove it' });
  });

  it("a nested argument: an item of a list inside an object (candidate site 2's longitude)", () => {
    const input = {
      scenarioId: 1,
      model: 'mclp',
      type: 'ems_station',
      candidates: {
        sites: [
          { id: 'a', name: 'A', lon: 113, lat: 28 },
          { id: 'b', name: 'B', lon: 200, lat: 28 },
        ],
      },
    };
    const [lon] = issuesOf(API['siting.run'].args, input);
    expect(lon!.path).toEqual(['candidates', 'sites', 1, 'lon']);
    expect(sayIssue(lon!, input)).toEqual({
      zh: '「候选点」的「候选点表」第 2 项的「经度」不能大于 180，请填写 180 或更小的数',
      en: 'Candidate sites — listed sites #2 — longitude: must be 180 or less',
    });
  });

  it('a facility row names its column by the Chinese header; a share column as a percentage', () => {
    const row = { id: 'F1', name: '甲', type: 'chc', unit_code: '1', beds_open: -3, bed_occupancy_rate: 5 };
    const issues = issuesOf(FacilitySchema, row);
    const said = issues.map((i) => sayIssue(i, row, 'facility'));
    expect(said).toContainEqual({ zh: '「实有床位」不能小于 0，请填写 0 或更大的数', en: 'Open beds: must be 0 or more' });
    expect(said).toContainEqual({ zh: '「床位使用率」不能大于 300%，请填写 300% 或更小的数', en: 'Bed occupancy: must be 300% or less' });
  });
});

describe('sayIssues and invalidArgs', () => {
  it('joins the first three and counts the rest; the error keeps the raw issues for programs', () => {
    const input = { scenarioId: 0, types: [], urbanMinutes: -1, ruralMinutes: -1, gridMeters: 1 };
    const issues = issuesOf(API['access.run'].args, input);
    expect(issues.length).toBe(5);
    const s = sayIssues(issues, input);
    expect(s.zh).toBe(
      '「情景」必须大于 0，请填写大于 0 的数；「机构类型」至少要有一项，请选择或添加；「城镇时限（分钟）」必须大于 0，请填写大于 0 的数（另有 2 处问题）',
    );
    expect(s.en.endsWith('(and 2 more)')).toBe(true);
    const e = invalidArgs(issues, input);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('INVALID_ARGS');
    expect(e.message).toBe(s.zh);
    expect(e.messageEn).toBe(s.en);
    expect(e.details).toBe(issues);
    // No developer text: no dotted path, no zod wording.
    expect(`${e.message} ${e.messageEn}`).not.toMatch(/\w\.\w|Too small|expected|>=/);
  });
});
