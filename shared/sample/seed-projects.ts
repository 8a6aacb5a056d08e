/**
 * The sample's projects (规划项目) from the other seed documents, beside 开福区's six (kaifu-projects.ts):
 * - 益资政办发〔2023〕20号 §三(一)1: 资阳区's two 县（区）域医疗次中心 at 新桥河镇 and 茈湖口镇 (their central THCs
 *   upgraded), and §三(一)2's 资阳区智慧医疗中心 (其他项目). The document sets no year for either (§二:
 *   “十四五”“十五五”期间): the sample counts them in 2030, the end of that period.
 * - 长政办发〔2023〕6号 §三(一)3: 12 县域医疗次中心 by 2025, given only as counts by county (望城区 2, 长沙县 2,
 *   浏阳市 4, 宁乡市 4). The document names no towns: the sample picks, in each county, its central THCs
 *   with the most open beds (the clause chooses among 乡镇中心卫生院); 望城区 has only one in the sample, so
 *   its second is the THC with the most beds. Each note says the choice is the sample's.
 * - 长政办发〔2021〕62号 (“十四五”, 2021—2025): of the named projects, those the sample can place — §三(四)1's
 *   市妇幼保健院（河西新院） (the sample has 长沙市妇幼保健院; 河西 is placed in 岳麓区) and §三(九)1's
 *   长沙市智慧医疗云平台 (其他项目). The rest (no such institution in the sample) are listed in data/SAMPLE.md.
 * No document gives a cost for any of them (62号's 71.53亿元 is the total of 13 projects): cost is empty.
 */
import type { Facility, Unit } from '../model/entities.ts';
import type { ProjectInput } from '../timeline/project.ts';
import type { SamplePlan } from './types.ts';

export const ZIYANG_CODE = '430902000000';
export const CHANGSHA_CODE = '430100000000';
const YUELU_CODE = '430104000000';

const ZIYANG_DOC = '益资政办发〔2023〕20号';
const ZIYANG_NO_YEAR = '文件未写期限（§二：“十四五”“十五五”期间分步实施），示例按2030年计。';
const ZIYANG_YEAR = 2030;
const ZIYANG_SUB_CENTRES: readonly { town: string; area: string }[] = [
  { town: '新桥河镇', area: '长春垸' },
  { town: '茈湖口镇', area: '民主垸' },
];
const ZIYANG_SUB_CENTRE_TEXT = '在长春垸（以新桥河镇为中心）和民主垸（以茈湖口镇为中心）建设 2 个达到二级医院规模的“县（区）域医疗次中心”';
const ZIYANG_SUB_CENTRE_UNITS = '各乡镇（街道、长春经开区）、区卫生健康局';
const ZIYANG_SMART_TEXT = '建设“资阳区智慧医疗中心”，打通基本公共卫生和基本医疗数据孤岛，实现全区医疗、公共卫生数据的共享和互联互通';
const ZIYANG_SMART_UNITS = '各乡镇（街道、长春经开区）、区卫生健康局、区财政局、区发展改革局、区医保局';

const CS6_DOC = '长政办发〔2023〕6号';
const CS6_CLAUSE = '§三(一)3';
const CS6_YEAR = 2025;
const CS6_TEXT =
  '遴选一批已达到“优质服务基层行”活动推荐标准的乡镇中心卫生院进行重点建设，加大投入和指导，力争到2025年，全市建成12家县域医疗次中心（达到二级综合医院水平），望城区、长沙县各建成2家，浏阳市、宁乡市各建成4家';
const CS6_UNITS = '市卫生健康委、市发展改革委、市自然资源规划局、市住房城乡建设局、各区县人民政府';
/** 长政办发〔2023〕6号 §三(一)3: how many sub-centres each county builds. */
export const CS6_SUB_CENTRES: readonly { county: string; count: number }[] = [
  { county: '望城区', count: 2 },
  { county: '长沙县', count: 2 },
  { county: '浏阳市', count: 4 },
  { county: '宁乡市', count: 4 },
];

const CS62_DOC = '长政办发〔2021〕62号';
const CS62_YEAR = 2025;
const CS62_NO_COST = '文件未给出单个项目的投资、规模和责任单位（71.53亿元、73.16万平方米是13个项目的合计）。';

const byBeds = (a: Facility, b: Facility) => (b.beds_open ?? -1) - (a.beds_open ?? -1) || a.id.localeCompare(b.id);

/** The county-level unit of that name under the city (or null when the plan has none). */
function countyNamed(plan: SamplePlan, name: string): Unit | null {
  return plan.units.find((u) => u.kind === 'county' && u.name === name) ?? null;
}

/** The facilities standing in the county's streets/towns (and their villages/communities) of these types. */
function inCounty(plan: SamplePlan, county: Unit, types: readonly string[]): Facility[] {
  const towns = new Set(plan.units.filter((u) => u.parent_code === county.code).map((u) => u.code));
  const under = new Set([...towns, ...plan.units.filter((u) => u.parent_code !== null && towns.has(u.parent_code)).map((u) => u.code)]);
  return plan.facilities.filter((f) => types.includes(f.type) && under.has(f.unit_code));
}

/**
 * 长政办发〔2023〕6号's sub-centres of one county, chosen by the sample: its central THCs with the most
 * open beds (ties by id), then, if it has too few, its THCs with the most beds. `central` says which.
 */
export function pickSubCentres(plan: SamplePlan, county: Unit, count: number): { facility: Facility; central: boolean }[] {
  const central = inCounty(plan, county, ['central_thc']).sort(byBeds);
  const thc = inCounty(plan, county, ['thc']).sort(byBeds);
  const picked = [...central.map((f) => ({ facility: f, central: true })), ...thc.map((f) => ({ facility: f, central: false }))].slice(0, count);
  if (picked.length < count) throw new Error(`sample: ${county.name} has ${picked.length} township health centres, ${CS6_DOC} needs ${count}`);
  return picked;
}

function ziyangProjects(plan: SamplePlan): ProjectInput[] {
  const ziyang = plan.units.find((u) => u.code === ZIYANG_CODE);
  if (!ziyang) return [];
  const out: ProjectInput[] = ZIYANG_SUB_CENTRES.map(({ town, area }) => {
    const unit = plan.units.find((u) => u.parent_code === ZIYANG_CODE && u.name === town);
    if (!unit) throw new Error(`sample: no ${town} in 资阳区`);
    const thc = plan.facilities.find((f) => f.type === 'central_thc' && f.unit_code === unit.code);
    if (!thc) throw new Error(`sample: no central township health centre in ${town}`);
    return {
      year: ZIYANG_YEAR,
      kind: 'upgrade',
      facility_id: thc.id,
      type: 'sub_centre',
      name: `${thc.name}建设为县（区）域医疗次中心（${area}）`,
      cost: null,
      source_document: ZIYANG_DOC,
      source_clause: '§三(一)1',
      responsible_unit: ZIYANG_SUB_CENTRE_UNITS,
      status: 'planned',
      note: `原文：${ZIYANG_SUB_CENTRE_TEXT}。${ZIYANG_NO_YEAR}“达到二级医院规模”文件未给出床位等数字，项目只改机构类型。`,
    };
  });
  out.push({
    year: ZIYANG_YEAR,
    kind: 'other',
    name: '资阳区智慧医疗中心建设',
    unit_code: ZIYANG_CODE,
    cost: null,
    source_document: ZIYANG_DOC,
    source_clause: '§三(一)2',
    responsible_unit: ZIYANG_SMART_UNITS,
    status: 'planned',
    note: `原文：${ZIYANG_SMART_TEXT}。${ZIYANG_NO_YEAR}文件未给出投资。`,
  });
  return out;
}

function changshaSubCentres(plan: SamplePlan): ProjectInput[] {
  const out: ProjectInput[] = [];
  for (const { county: name, count } of CS6_SUB_CENTRES) {
    const county = countyNamed(plan, name);
    if (!county) continue;
    const picks = pickSubCentres(plan, county, count);
    const centrals = picks.filter((p) => p.central).length;
    const why =
      centrals === count
        ? `示例取${name}实有床位最多的${count}所中心卫生院`
        : `示例方案中${name}只有${centrals}所中心卫生院：取${centrals === 1 ? '它' : `这${centrals}所`}和实有床位最多的${count - centrals}所乡镇卫生院（文件写的是遴选乡镇中心卫生院）`;
    for (const { facility } of picks) {
      out.push({
        year: CS6_YEAR,
        kind: 'upgrade',
        facility_id: facility.id,
        type: 'sub_centre',
        name: `${facility.name}建设为县域医疗次中心`,
        cost: null,
        source_document: CS6_DOC,
        source_clause: CS6_CLAUSE,
        responsible_unit: CS6_UNITS,
        status: 'planned',
        note: `原文：${CS6_TEXT}。示例选择：文件未列名，只给出各区县家数；${why}。“达到二级综合医院水平”文件未给出数字，项目只改机构类型。`,
      });
    }
  }
  return out;
}

function changsha14fyp(plan: SamplePlan): ProjectInput[] {
  const out: ProjectInput[] = [];
  const mch = plan.facilities.find((f) => f.name === '长沙市妇幼保健院' && f.type === 'mch_centre');
  const yuelu = plan.units.find((u) => u.code === YUELU_CODE);
  if (mch && yuelu && yuelu.lon !== null && yuelu.lat !== null) {
    out.push({
      year: CS62_YEAR,
      kind: 'new',
      type: 'mch_centre',
      facility_id: `${mch.id}-HX`,
      name: '市妇幼保健院（河西新院）项目',
      facility_name: '长沙市妇幼保健院（河西新院）',
      lon: yuelu.lon,
      lat: yuelu.lat,
      cost: null,
      source_document: CS62_DOC,
      source_clause: '§三(四)1',
      responsible_unit: null,
      status: 'planned',
      note:
        '原文：“十四五”期间，市属医疗卫生单位计划实施重大建设项目13个，计划建筑面积73.16万平方米，总投资71.53亿元。……重点完成……市妇幼保健院（河西新院）项目……等建设任务。'
        + `${CS62_NO_COST}文件只写“河西”（湘江以西）：新院放在岳麓区的中心点，坐标为示例生成；床位、人员等文件未给出，新院的数字留空。`,
    });
  }
  if (plan.units.some((u) => u.code === CHANGSHA_CODE)) {
    out.push({
      year: CS62_YEAR,
      kind: 'other',
      name: '长沙市智慧医疗云平台建设',
      unit_code: CHANGSHA_CODE,
      cost: null,
      source_document: CS62_DOC,
      source_clause: '§三(九)1',
      responsible_unit: null,
      status: 'planned',
      note:
        '原文：依托长沙市政务云，运用信创等技术建设统一权威、互联互通的长沙市智慧医疗云平台，实现全市医疗健康数据交换、信息共享、功能整合、协同应用。'
        + '文件未给出投资和责任单位；年份取规划期末（2025年）。',
    });
  }
  return out;
}

/** The seed documents' projects the sample can place (besides 开福区's six), in the order the writer adds them. */
export function seedSampleProjects(plan: SamplePlan): ProjectInput[] {
  return [...ziyangProjects(plan), ...changshaSubCentres(plan), ...changsha14fyp(plan)];
}
