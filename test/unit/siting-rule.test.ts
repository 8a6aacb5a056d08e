// 选址方案的目标 (shared/siting/rule.ts): the rule of a siting question, as an access target of the gap
// engine — its id, name and source sentence; whether a set already judges it; appended once.
import { describe, expect, it } from 'vitest';
import type { StandardSet } from '../../shared/gaps/standard.ts';
import { judgedBy, ruleOfQuery, ruleTarget, withRules, type RuleQuestion } from '../../shared/siting/rule.ts';

const EMS: RuleQuestion = {
  type: 'ems_station',
  existingTypes: ['ems_station'],
  urbanMinutes: 10,
  ruralMinutes: 30,
  direction: 'from',
  dispatchMinutes: 0,
  within: ['430105000000'],
};
const SET = {
  id: 'kaifu-2024',
  name: '开福区',
  nameEn: 'Kaifu',
  year: 2024,
  documents: [{ number: '开政办发〔2022〕26号', title: '开福区基层医疗卫生服务能力提升' }],
  targets: [
    {
      id: 'ems-10-minute-circle',
      kind: 'access',
      name: '10分钟急救服务圈',
      nameEn: '10-minute emergency circle',
      group: '急救',
      binding: false,
      unverified: false,
      reference: false,
      facilityTypes: ['ems_station'],
      urbanMinutes: 10,
      ruralMinutes: 10,
      min: 1,
      scopes: ['region', 'county', 'township'],
      unit: '人',
      source: { document: '开政办发〔2022〕26号', clause: '§四(二)9', text: '10分钟急救服务圈' },
    },
  ],
} as unknown as StandardSet;

describe('the rule of a siting question', () => {
  it('keeps the types (existing ones fixed, plus the new type), the minutes, the direction and the area', () => {
    const r = ruleOfQuery(
      { ...EMS, type: 'sub_centre', existingTypes: ['tertiary_hospital', 'secondary_hospital'], direction: 'to', within: ['430902000000'] },
      ['资阳区'],
    );
    expect(r).toMatchObject({
      type: 'sub_centre',
      types: ['tertiary_hospital', 'secondary_hospital', 'sub_centre'],
      direction: 'to',
      within: ['430902000000'],
      area: ['资阳区'],
    });
    expect(r.id).toMatch(/^siting-sub_centre-10-30-[0-9a-f]{8}$/);
  });

  it('has the same id for the same question and another for another area or other minutes', () => {
    const a = ruleOfQuery(EMS, ['开福区']).id;
    expect(ruleOfQuery({ ...EMS }, ['开福区']).id).toBe(a);
    expect(ruleOfQuery({ ...EMS, within: ['430102000000'] }, ['芙蓉区']).id).not.toBe(a);
    expect(ruleOfQuery({ ...EMS, ruralMinutes: 10 }, ['开福区']).id).not.toBe(a);
  });

  it('reads as the planner asked it: "开福区 120急救站 城镇10分钟/农村30分钟 覆盖（选址方案的目标）", from the station to every village', () => {
    const t = ruleTarget(ruleOfQuery(EMS, ['开福区']), '新增急救站');
    expect(t).toMatchObject({
      kind: 'access',
      name: '开福区 120急救站 城镇10分钟/农村30分钟 覆盖（选址方案的目标）',
      group: '设施选址方案',
      min: 1,
      binding: false,
      unverified: false,
    });
    expect(t.nameEn).toBe("开福区: 120 ambulance station within 10 min in town / 30 min in the country (the siting proposal's aim)");
    expect(t.source).toEqual({
      document: '本方案设施选址',
      clause: '新增急救站',
      text: '本方案在开福区为120急救站选址，目标是从120急救站出发，城镇10分钟、农村30分钟内到达开福区的每个村（社区）。',
    });
    expect(t.note).toBeUndefined();
  });

  it("says walking, dispatch and a projects' year, and where the gap screen measures otherwise than the question did", () => {
    const walk = ruleOfQuery(
      {
        ...EMS,
        type: 'chc',
        existingTypes: ['chc'],
        urbanMinutes: 15,
        ruralMinutes: 30,
        direction: 'to',
        travel: { urban: 'walk', rural: 'drive' },
        within: [],
      },
      [],
      2027,
    );
    const t = ruleTarget(walk, '社区中心');
    expect(t.name).toBe('社区卫生服务中心 城镇步行15分钟/农村30分钟 覆盖（选址方案的目标）');
    expect(t.source.text).toBe(
      '本方案在全域为社区卫生服务中心选址，目标是全域的居民在城镇15分钟、农村30分钟内到达最近的社区卫生服务中心（城镇步行、农村车行，新设施按2027年规划项目计入）。',
    );
    // Ambulances measured "to" the station, with 2 minutes of dispatch: the gap engine measures from the station, without it.
    const odd = ruleTarget(ruleOfQuery({ ...EMS, direction: 'to', dispatchMinutes: 2 }, ['开福区']), '甲');
    expect(odd.note).toBe('差距分析按从站点出发计算、未计出车准备时间，与选址时的设定不同。');
  });

  it("has a source clause while its scenario's name is still being typed", () => {
    expect(ruleTarget(ruleOfQuery(EMS, ['开福区']), ' ').source.clause).toBe('选址方案');
  });
});

describe('a set with the rules', () => {
  it('is unchanged where the set judges the same types and minutes (开政办发〔2022〕26号 §四(二)9: 10 minutes everywhere)', () => {
    const ten = ruleOfQuery({ ...EMS, ruralMinutes: 10 }, ['开福区']);
    expect(judgedBy(SET, ten)?.id).toBe('ems-10-minute-circle');
    expect(withRules(SET, [{ rule: ten, scenario: '甲' }])).toBe(SET);
  });

  it('gains each other rule once, after its own targets', () => {
    const r = ruleOfQuery(EMS, ['开福区']);
    expect(judgedBy(SET, r)).toBeUndefined();
    const out = withRules(SET, [
      { rule: r, scenario: '甲' },
      { rule: r, scenario: '乙' },
    ]);
    expect(out.targets.map((t) => t.id)).toEqual(['ems-10-minute-circle', r.id]);
    expect(out.targets[1]!.source.clause).toBe('甲');
    expect(SET.targets).toHaveLength(1); // the set itself is not changed
  });
});
