/**
 * The sample's projects (规划项目): the six premises projects for 开福区's community health centres in
 * 开政办发〔2022〕26号 §四(一)3, with the years the document sets (“2022年前” is counted as done in 2022).
 * The projects and years are the document's; the new sites' coordinates are generated (a point inside
 * the same street, beside one of its communities) and 新河's added floor area is an estimate: the
 * document gives no figures. Kept apart from the generated units and facilities (whose hash
 * test/unit/sample.test.ts pins); the sample writer adds them to the baseline.
 */
import type { Facility, Unit } from '../model/entities.ts';
import type { ProjectInput } from '../timeline/project.ts';
import type { SamplePlan } from './types.ts';

export const KAIFU_CODE = '430105000000';
const DOCUMENT = '开政办发〔2022〕26号';
const CLAUSE = '§四(一)3';
const GENERATED_SITE = '新址坐标为示例生成（文件未给出地点）。';
/** The clause's own list (§四(一)3 ends with it). */
const RESPONSIBLE = '区卫生健康局、区财政局、市资规局开福分局、区发展和改革委员会、开福城投集团、区公建中心、各街道';

interface Spec {
  street: string;
  year: number;
  kind: 'relocate' | 'expand';
  name: string;
  /** The document's words for this project. */
  text: string;
  extra?: string;
  deltas?: Record<string, number>;
}

const SPECS: readonly Spec[] = [
  {
    street: '望麓园街道',
    year: 2022,
    kind: 'relocate',
    name: '望麓园街道社区卫生服务中心搬离现址、择址新建',
    text: '望麓园、伍家岭街道社区卫生服务中心现址尽快搬离，确保过渡期内业务用房，确定择址新建或租赁方案（2022年前）',
  },
  {
    street: '伍家岭街道',
    year: 2022,
    kind: 'relocate',
    name: '伍家岭街道社区卫生服务中心搬离现址、择址新建',
    text: '望麓园、伍家岭街道社区卫生服务中心现址尽快搬离，确保过渡期内业务用房，确定择址新建或租赁方案（2022年前）',
  },
  {
    street: '沙坪街道',
    year: 2022,
    kind: 'relocate',
    name: '沙坪街道社区卫生服务中心新址（沙坪医院内）',
    text: '在沙坪医院中统筹沙坪街道社区卫生服务中心新址用房（2022年前）',
    extra: '示例方案中没有沙坪医院这一机构，其位置为示例生成。',
  },
  {
    street: '新河街道',
    year: 2023,
    kind: 'expand',
    name: '新河街道社区卫生服务中心扩建提质',
    text: '完成区妇幼中心搬离后新河街道社区卫生服务中心扩建提质建设（2023年前）',
    extra: '业务用房面积 +1,500 ㎡ 为示例估算：文件未给出数字。',
    deltas: { floor_area_m2: 1500 },
  },
  {
    street: '芙蓉北路街道',
    year: 2023,
    kind: 'relocate',
    name: '芙蓉北路街道社区卫生服务中心新址选址和建设',
    text: '确定并完成芙蓉北路街道社区卫生服务中心新址选址和建设（2023年前）',
  },
  {
    street: '秀峰街道',
    year: 2024,
    kind: 'relocate',
    name: '秀峰街道社区卫生服务中心新址用房（新建楼盘配套）',
    text: '在新建楼盘配套中统筹秀峰街道社区卫生服务中心新址用房（2024年前）',
  },
];

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
const d2 = (a: { lon: number | null; lat: number | null }, b: { lon: number | null; lat: number | null }) =>
  ((a.lon! - b.lon!) * Math.cos((a.lat! * Math.PI) / 180)) ** 2 + (a.lat! - b.lat!) ** 2;

/**
 * A new site inside the street: beside the community nearest the street's centre (other than the one
 * the centre stands in now), 10% of the way from it towards the street's centre.
 */
function newSite(street: Unit, communities: readonly Unit[], chc: Facility): { lon: number; lat: number } {
  const placed = communities.filter((c) => c.lon !== null && c.lat !== null);
  const here = placed.reduce((a, b) => (d2(b, chc) < d2(a, chc) ? b : a));
  const others = placed.filter((c) => c !== here);
  const target = (others.length ? others : placed).reduce((a, b) => (d2(b, street) < d2(a, street) ? b : a));
  return { lon: round5(target.lon! + (street.lon! - target.lon!) * 0.1), lat: round5(target.lat! + (street.lat! - target.lat!) * 0.1) };
}

/** 开福区's six projects on the sample's own facilities, or none if the plan has no 开福区. */
export function kaifuSampleProjects(plan: SamplePlan): ProjectInput[] {
  const streets = plan.units.filter((u) => u.parent_code === KAIFU_CODE);
  if (streets.length === 0) return [];
  return SPECS.map((s) => {
    const street = streets.find((u) => u.name === s.street);
    if (!street) throw new Error(`sample: no ${s.street} in 开福区`);
    const chc = plan.facilities.find((f) => f.type === 'chc' && f.unit_code === street.code);
    if (!chc) throw new Error(`sample: no community health centre in ${s.street}`);
    const site =
      s.kind === 'relocate'
        ? newSite(
            street,
            plan.units.filter((u) => u.parent_code === street.code),
            chc,
          )
        : null;
    return {
      year: s.year,
      kind: s.kind,
      facility_id: chc.id,
      name: s.name,
      ...(site ? { lon: site.lon, lat: site.lat } : {}),
      ...(s.deltas ? { deltas: s.deltas } : {}),
      cost: null,
      source_document: DOCUMENT,
      source_clause: CLAUSE,
      responsible_unit: RESPONSIBLE,
      status: 'planned',
      note: `原文：${s.text}。${s.kind === 'relocate' ? GENERATED_SITE : ''}${s.extra ?? ''}`,
    };
  });
}
