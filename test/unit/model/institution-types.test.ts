// Facility types as the health statistics write them: WS 218-2002 卫生机构（组织）分类与代码 names and codes
// (data/facility-types/SOURCE.md), with the 医院等级 for a 综合医院, read into the tool's types — never guessed.
import { describe, expect, it } from 'vitest';
import { cellConverter } from '../../../shared/model/cells.ts';
import { FACILITY_COLUMNS } from '../../../shared/model/columns.ts';
import { findLevelColumn, INSTITUTION_TYPES, readFacilityType, readHospitalLevel } from '../../../shared/model/institution-types.ts';

const typeOf = (w: string, level?: string | null) => readFacilityType(w, level).type;

describe("卫生机构类别 → the tool's facility types", () => {
  it("the issue's names: 综合医院 by its level, 中医医院, 妇幼保健院, 社区卫生服务中心/站, 中心卫生院, 乡镇卫生院, 村卫生室, 急救中心/站", () => {
    expect(typeOf('综合医院', '三级甲等')).toBe('tertiary_hospital');
    expect(typeOf('综合医院', '二级乙等')).toBe('secondary_hospital');
    expect(typeOf('综合医院', '一级')).toBe('primary_hospital');
    expect(typeOf('中医医院')).toBe('tcm_hospital');
    expect(typeOf('中医（综合）医院')).toBe('tcm_hospital');
    expect(typeOf('妇幼保健院')).toBe('mch_centre');
    expect(typeOf('社区卫生服务中心')).toBe('chc');
    expect(typeOf('社区卫生服务站')).toBe('chs_station');
    expect(typeOf('中心卫生院')).toBe('central_thc');
    expect(typeOf('乡镇卫生院')).toBe('thc');
    expect(typeOf('乡卫生院')).toBe('thc');
    expect(typeOf('村卫生室')).toBe('village_clinic');
    expect(typeOf('急救中心')).toBe('ems_station');
    expect(typeOf('急救站')).toBe('ems_station');
    expect(typeOf('疾病预防控制中心')).toBe('cdc');
  });

  it('the codes shipped (WS 218-2002 third level): A100 by level, A210, A300, B100, B200, C100, C210, C220, D600, E100–E300, G100, J100', () => {
    expect(typeOf('A100', '三级')).toBe('tertiary_hospital');
    expect(typeOf('a100', '二级甲等')).toBe('secondary_hospital');
    expect(typeOf('Ａ１００', '一级甲等')).toBe('primary_hospital'); // full-width, as some exports write it
    expect(typeOf('A210')).toBe('tcm_hospital');
    expect(typeOf('A300')).toBe('tcm_hospital');
    expect(typeOf('B100')).toBe('chc');
    expect(typeOf('B200')).toBe('chs_station');
    expect(typeOf('C100')).toBe('thc');
    expect(typeOf('C210')).toBe('central_thc');
    expect(typeOf('C220')).toBe('thc');
    expect(typeOf('D600')).toBe('village_clinic');
    expect(typeOf('E100')).toBe('ems_station');
    expect(typeOf('E200')).toBe('ems_station');
    expect(typeOf('E300')).toBe('ems_station');
    expect(typeOf('G100')).toBe('mch_centre');
    expect(typeOf('J100')).toBe('cdc');
    // code and name together, both ways
    expect(typeOf('C210 中心卫生院')).toBe('central_thc');
    expect(typeOf('社区卫生服务站(B200)')).toBe('chs_station');
    expect(new Set(INSTITUTION_TYPES.map((t) => t.code)).size).toBe(INSTITUTION_TYPES.length);
  });

  it('a 综合医院 without a readable level is not guessed: needsLevel, with the fix', () => {
    const r = readFacilityType('综合医院', '未定级');
    expect(r).toMatchObject({ type: null, why: 'needsLevel', written: '综合医院' });
    expect(readFacilityType('A100')).toMatchObject({ type: null, why: 'needsLevel' });
    expect(readFacilityType('综合医院', '甲等')).toMatchObject({ type: null, why: 'needsLevel' });
    // the level written in the type itself
    expect(typeOf('三级甲等综合医院')).toBe('tertiary_hospital');
    expect(typeOf('综合医院（二级乙等）')).toBe('secondary_hospital');
  });

  it('categories the tool does not plan (门诊部, 诊所, 专科疾病防治院, 专科医院) and unknown texts are refused, not imported as something else', () => {
    expect(readFacilityType('门诊部')).toMatchObject({ type: null, why: 'notPlanned', institution: { code: 'D110' } });
    expect(readFacilityType('D211')).toMatchObject({ type: null, why: 'notPlanned', institution: { name: '普通诊所' } });
    expect(readFacilityType('专科疾病防治院')).toMatchObject({ type: null, why: 'notPlanned', institution: { code: 'H119' } });
    expect(readFacilityType('专科医院', '三级甲等')).toMatchObject({ type: null, why: 'notPlanned' }); // a level does not make it a 综合医院
    expect(readFacilityType('Z999')).toMatchObject({ type: null, why: 'unknown' });
    expect(readFacilityType('社区卫生服务站(中心)')).toMatchObject({ type: null, why: 'unknown' });
  });

  it("the plan's own names come after the built-in ones", () => {
    const aliases = new Map([
      ['社区卫生服务站(中心)', 'chs_station' as const],
      ['综合医院', 'secondary_hospital' as const],
      ['中心卫生院', 'thc' as const],
    ]);
    expect(readFacilityType('社区卫生服务站（中心）', null, aliases)).toMatchObject({ type: 'chs_station', via: 'plan' });
    expect(readFacilityType('综合医院', '', aliases)).toMatchObject({ type: 'secondary_hospital', via: 'plan' }); // no level: the plan's choice
    expect(readFacilityType('综合医院', '三级', aliases)).toMatchObject({ type: 'tertiary_hospital', via: 'institution' }); // its level wins
    expect(readFacilityType('中心卫生院', null, aliases)).toMatchObject({ type: 'central_thc', via: 'tool' });
  });

  it('医院等级 as written, and its column found by header', () => {
    expect([
      readHospitalLevel('三级特等'),
      readHospitalLevel('三甲'),
      readHospitalLevel('二级未评'),
      readHospitalLevel('1级'),
      readHospitalLevel('一级丙等'),
    ]).toEqual([3, 3, 2, 1, 1]);
    expect([readHospitalLevel('未定级'), readHospitalLevel(''), readHospitalLevel(null)]).toEqual([null, null, null]);
    expect(readHospitalLevel('甲等')).toBeUndefined();
    expect(findLevelColumn(['机构名称', '机构类别', ' 医院等级 '])).toBe(2);
    expect(findLevelColumn(['机构名称', '机构类别'])).toBe(-1);
  });

  it('the type cell converter (grid edits) reads names and codes that need no level, and refuses 综合医院 alone', () => {
    const conv = cellConverter(FACILITY_COLUMNS.find((c) => c.key === 'type')!);
    expect(conv('C210')).toBe('central_thc');
    expect(conv('乡卫生院')).toBe('thc');
    expect(conv('社区卫生服务中心')).toBe('chc');
    expect(conv('综合医院')).toMatchObject({ kind: 'badEnum' });
    expect(conv('门诊部')).toMatchObject({ kind: 'badEnum' });
  });
});
