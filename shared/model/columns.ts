/**
 * The interchange columns of the two tables a planner keeps: administrative units and facilities.
 * One definition serves the import (headers and their Chinese aliases), the export, the template,
 * the database columns and the UI's table columns.
 */
import { FACILITY_TYPE_LABELS, SERVICE_STANDARD_LABELS, UNIT_KIND_LABELS, type FacilityType, type ServiceStandard, type UnitKind } from './kinds.ts';

export type ColumnType = 'text' | 'int' | 'number' | 'bool' | 'unitKind' | 'facilityType' | 'serviceStandard';

export interface ColumnDef {
  key: string;
  type: ColumnType;
  /** Header as planners write it (zh-CN); the template and the export use it. */
  zh: string;
  en: string;
  /** Further headers accepted on import. */
  aliases: string[];
  required?: boolean;
  /** Lower/upper bounds for numbers. */
  min?: number;
  max?: number;
  note: string;
}

export const ENUM_LABELS = {
  unitKind: UNIT_KIND_LABELS,
  facilityType: FACILITY_TYPE_LABELS,
  serviceStandard: SERVICE_STANDARD_LABELS,
} as const;

const col = <const K extends string, const T extends ColumnType, const R extends boolean = false>(
  key: K,
  type: T,
  zh: string,
  en: string,
  aliases: string[],
  note: string,
  extra: { required?: R; min?: number; max?: number } = {},
) => ({ key, type, zh, en, aliases, note, ...extra }) as { key: K; type: T; required: R } & Omit<ColumnDef, 'key' | 'type' | 'required'>;

/** The value a column holds once read: required columns are never null. */
type ColumnValue<C> = C extends { type: 'text' }
  ? C extends { required: true }
    ? string
    : string | null
  : C extends { type: 'int' | 'number' }
    ? number | null
    : C extends { type: 'bool' }
      ? boolean | null
      : C extends { type: 'unitKind' }
        ? UnitKind
        : C extends { type: 'facilityType' }
          ? FacilityType
          : C extends { type: 'serviceStandard' }
            ? ServiceStandard | null
            : never;
/** A table row typed from its column list. */
export type RowOf<Cols extends readonly { key: string }[]> = { [C in Cols[number] as C['key']]: ColumnValue<C> };

export const UNIT_COLUMNS = [
  col('code', 'text', '区划代码', 'Code', ['统计用区划代码', '行政区划代码', '代码', '编码'], '统计用区划代码 (official division code); unique', {
    required: true,
  }),
  col('name', 'text', '名称', 'Name', ['区划名称', '单位名称', '地区', '街道（乡镇）', '街道乡镇'], 'Name, e.g. 望月湖街道', { required: true }),
  col(
    'parent_code',
    'text',
    '上级区划代码',
    'Parent code',
    ['上级代码', '所属区划代码', '上级'],
    'Code of the unit it belongs to; empty only for the top unit',
  ),
  col('kind', 'unitKind', '类型', 'Kind', ['区划类型', '层级', '级别'], 'city|county|street|town|township|community|village (市/区县/街道/镇/乡/社区/行政村)', {
    required: true,
  }),
  col('urban', 'bool', '城乡', 'Urban', ['是否城镇', '城镇', '城乡属性'], 'true = 城镇 (urban), false = 农村 (rural); empty = from the kind'),
  col('population', 'int', '常住人口', 'Population', ['人口', '常住人口数', '常住人口（人）', '人口数'], 'Resident population (人)', { min: 0 }),
  col('population_0_3', 'int', '0-3岁人口', 'Population 0–3', ['0～3岁人口', '0至3岁人口', '婴幼儿人口'], 'Residents aged 0–3 (childcare targets)', { min: 0 }),
  col('population_65_plus', 'int', '65岁及以上人口', 'Population 65+', ['65岁以上人口', '老年人口'], 'Residents aged 65 and over', { min: 0 }),
  col('area_km2', 'number', '面积(平方公里)', 'Area (km²)', ['面积', '面积（平方公里）', '辖区面积'], 'Area in km²', { min: 0 }),
  col('lon', 'number', '经度', 'Longitude', ['东经', 'lng', 'x'], 'Longitude of the centre, WGS-84 (or converted, see --crs)', { min: -180, max: 180 }),
  col('lat', 'number', '纬度', 'Latitude', ['北纬', 'y'], 'Latitude of the centre, WGS-84', { min: -90, max: 90 }),
  col('year', 'int', '年份', 'Year', ['人口年份', '统计年份'], 'Year the population refers to', { min: 1949, max: 2100 }),
  col(
    'growth_rate',
    'number',
    '人口年均增长率(%)',
    'Population growth (%/yr)',
    ['人口年均增长率', '人口增长率', '年均增长率', '常住人口年均增长率', '人口年增长率'],
    "Annual growth of the resident population in percent (1.2 or 1.2% = 1.2% a year; negative for decline), used to project populations to the target year; empty = the parent unit's rate",
    { min: -20, max: 20 },
  ),
] as const satisfies readonly ColumnDef[];

export const FACILITY_COLUMNS = [
  col('id', 'text', '机构编码', 'ID', ['机构代码', '编号', '统一社会信用代码', '机构id'], 'Unique id of the facility within the plan', { required: true }),
  col('name', 'text', '机构名称', 'Name', ['名称', '单位名称', '医疗机构名称'], 'Name, e.g. 沙坪街道社区卫生服务中心', { required: true }),
  col('type', 'facilityType', '机构类型', 'Type', ['类型', '机构类别', '类别'], 'Facility type key or its Chinese name (社区卫生服务中心, 乡镇卫生院 …)', {
    required: true,
  }),
  col(
    'unit_code',
    'text',
    '所在区划代码',
    'Unit code',
    ['区划代码', '所属区划代码', '所在街道（乡镇）代码', '所属街道代码'],
    'Code of the unit it stands in (must exist in the plan)',
    { required: true },
  ),
  col('lon', 'number', '经度', 'Longitude', ['东经', 'lng', 'x'], 'WGS-84 longitude (or converted, see --crs)', { min: -180, max: 180 }),
  col('lat', 'number', '纬度', 'Latitude', ['北纬', 'y'], 'WGS-84 latitude', { min: -90, max: 90 }),
  col('beds_open', 'int', '实有床位', 'Open beds', ['实有床位数', '实际开放床位', '开放床位', '床位数'], 'Beds actually open (张)', { min: 0 }),
  col('beds_approved', 'int', '编制床位', 'Approved beds', ['核定床位', '编制床位数', '核定床位数'], 'Approved beds (张)', { min: 0 }),
  col(
    'physicians',
    'int',
    '执业(助理)医师',
    'Physicians',
    ['执业（助理）医师', '执业助理医师', '执业(助理)医师数', '医师数'],
    'Licensed (assistant) physicians (人)',
    { min: 0 },
  ),
  col(
    'tcm_physicians',
    'int',
    '中医类别医师',
    'TCM physicians',
    ['中医执业(助理)医师', '中医执业（助理）医师', '中医医师'],
    'Of which TCM-category physicians',
    { min: 0 },
  ),
  col('gps', 'int', '全科医生', 'GPs', ['全科医师', '全科医生数'], 'General practitioners (全科医生)', { min: 0 }),
  col(
    'public_health_physicians',
    'int',
    '公共卫生医师',
    'Public-health physicians',
    ['公卫医师', '公共卫生类别医师', '公共卫生执业医师'],
    'Public-health-category physicians',
    { min: 0 },
  ),
  col('nurses', 'int', '注册护士', 'Nurses', ['注册护士数', '护士'], 'Registered nurses', { min: 0 }),
  col('pharmacists', 'int', '药师(士)', 'Pharmacists', ['药师（士）', '药师', '药剂人员'], 'Pharmacists', { min: 0 }),
  col('public_health_staff', 'int', '公共卫生人员', 'Public-health staff', ['专业公共卫生人员', '公卫人员'], 'Professional public-health staff', { min: 0 }),
  col('health_technicians', 'int', '卫生技术人员', 'Health technicians', ['卫技人员', '卫生技术人员数'], 'All health technicians', { min: 0 }),
  col('bachelor_or_above', 'int', '本科及以上学历', 'Bachelor or above', ['本科及以上', '本科以上学历人数'], 'Staff with a bachelor degree or above', {
    min: 0,
  }),
  col(
    'senior_or_intermediate_titles',
    'int',
    '中高级职称',
    'Senior/intermediate titles',
    ['高级和中级职称', '中级及以上职称'],
    'Staff with senior or intermediate titles',
    { min: 0 },
  ),
  col('ambulances', 'int', '救护车', 'Ambulances', ['救护车数', '救护车（辆）'], 'Ambulances (辆)', { min: 0 }),
  col('floor_area_m2', 'number', '业务用房面积(平方米)', 'Floor area (m²)', ['业务用房面积', '建筑面积', '业务用房面积（平方米）'], 'Floor area in m²', {
    min: 0,
  }),
  col('childcare_places', 'int', '托位数', 'Childcare places', ['托位', '托育位'], 'Childcare places for ages 0–3', { min: 0 }),
  col(
    'bed_occupancy_rate',
    'number',
    '床位使用率',
    'Bed occupancy',
    ['病床使用率', '床位使用率(%)'],
    'Share of open beds in use: 0.85 = 85%; up to 3 (over 100% is common). 85% or 85 is read as 0.85',
    { min: 0, max: 300 },
  ),
  col('tcm_hall', 'bool', '中医馆', 'TCM hall', ['有中医馆', '是否有中医馆'], '是/否'),
  col('tcm_pavilion', 'bool', '中医阁', 'TCM pavilion', ['有中医阁', '是否有中医阁'], '是/否'),
  col('fever_clinic', 'bool', '发热门诊', 'Fever clinic', ['发热诊室', '是否有发热门诊'], '是/否'),
  col('elderly_rehab_room', 'bool', '老年康复室', 'Elderly rehab room', ['康复室', '是否有老年康复室'], '是/否'),
  col(
    'service_standard',
    'serviceStandard',
    '优质服务基层行',
    'Service standard',
    ['服务能力标准', '达标情况'],
    'none|basic|recommended (未达标/基本标准/推荐标准)',
  ),
  col('opened_year', 'int', '开业年份', 'Opened', ['建成年份', '开业时间'], 'Year it opened', { min: 1900, max: 2100 }),
] as const satisfies readonly ColumnDef[];

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]['key'];
export type FacilityColumnKey = (typeof FACILITY_COLUMNS)[number]['key'];

export const TABLE_COLUMNS = { units: UNIT_COLUMNS, facilities: FACILITY_COLUMNS } as const;
export type TableName = keyof typeof TABLE_COLUMNS;
export const TABLE_NAMES = ['units', 'facilities'] as const satisfies readonly TableName[];
/**
 * The longest code or id a row may have: the API's Key (shared/api/schemas.ts) takes no more, so a longer
 * one imported could never be edited or removed. The import refuses it, with the row and the column.
 */
export const KEY_MAX_LENGTH = 200;
/** The column that identifies a row in each table. */
export const TABLE_KEY = { units: 'code', facilities: 'id' } as const satisfies Record<TableName, string>;
