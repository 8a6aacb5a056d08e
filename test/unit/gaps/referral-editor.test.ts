// The standards editor's 新建转诊可及性指标: the target it adds to a planner's own set is one the service accepts.
import { describe, expect, it } from 'vitest';
import { addReferralTarget, OWN_DOCUMENT, referralNames } from '../../../renderer/features/standards/draft.ts';
import { StandardSet } from '../../../shared/gaps/standard.ts';

const own = StandardSet.parse({
  id: 'own',
  name: '本方案标准',
  nameEn: 'Own set',
  year: 2025,
  documents: [{ number: '长政办发〔2021〕62号', title: '长沙市卫生健康事业发展规划' }],
  targets: [
    {
      id: 'referral-30',
      name: 'x',
      nameEn: 'x',
      group: 'g',
      source: { document: '长政办发〔2021〕62号', clause: '一', text: 'x' },
      kind: 'count',
      facilityTypes: ['thc'],
      min: 1,
    },
  ],
});

describe('adding a referral target in the editor', () => {
  it('names it from the choice, numbers its id past one taken, cites 本方案自定 and keeps the choice', () => {
    expect(referralNames({ fromTypes: ['thc'], minutes: 30 })).toEqual({
      name: '乡镇卫生院30分钟转诊',
      nameEn: 'Township health centre referral within 30 min',
    });
    const r = addReferralTarget(
      own,
      { fromTypes: ['thc', 'central_thc'], minutes: 30, min: 0.9, scopes: ['region', 'county'] },
      () => '乡镇卫生院驾车 30 分钟内可转诊',
    );
    expect(r.id).toBe('referral-30-2');
    expect(r.target).toMatchObject({
      kind: 'referral',
      name: '乡镇卫生院、中心卫生院30分钟转诊',
      group: '转诊',
      fromTypes: ['thc', 'central_thc'],
      minutes: 30,
      min: 0.9,
      unit: '所',
      source: { document: '本方案自定', clause: '规划编制时设定', text: '乡镇卫生院驾车 30 分钟内可转诊' },
    });
    expect('toTypes' in r.target).toBe(false);
    expect(r.set.documents.map((d) => d.number)).toEqual(['长政办发〔2021〕62号', OWN_DOCUMENT.number]);
    // What the editor saves, the service's schema takes as it is.
    expect(StandardSet.parse(r.set).targets[1]).toEqual(r.target);
  });

  it('keeps chosen "to" types and a name of the planner own (both languages); a second one reuses the document', () => {
    const a = addReferralTarget(
      own,
      { fromTypes: ['thc'], toTypes: ['secondary_hospital'], minutes: 45, min: 1, scopes: ['county'], name: '卫生院到县医院' },
      () => 'r',
    );
    expect(a.target).toMatchObject({
      id: 'referral-45',
      name: '卫生院到县医院',
      nameEn: '卫生院到县医院',
      toTypes: ['secondary_hospital'],
      scopes: ['county'],
    });
    const b = addReferralTarget(a.set, { fromTypes: ['village_clinic'], minutes: 45, min: 1, scopes: ['region'] }, () => 'r');
    expect(b.id).toBe('referral-45-2');
    expect(b.set.documents.filter((d) => d.number === OWN_DOCUMENT.number)).toHaveLength(1);
    expect(() => StandardSet.parse(b.set)).not.toThrow();
  });
});
