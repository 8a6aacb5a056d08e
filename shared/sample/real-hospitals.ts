/**
 * Large hospitals of central Changsha, under their real names and in their real district. The street
 * each is placed in is a plausible choice, not checked; all their figures (beds, staff…) are generated
 * and then calibrated like every other facility's. `beds` is only a relative size before calibration;
 * `opened` is given only where the founding year is well known, otherwise left unknown (null).
 */
import type { FacilityType } from '../model/index.ts';

export interface RealHospital {
  name: string;
  type: FacilityType;
  /** 9-digit street code (the district is its first 6 digits). */
  street: string;
  beds: number;
  opened: number | null;
}

export const REAL_HOSPITALS: readonly RealHospital[] = [
  { name: '中南大学湘雅二医院', type: 'tertiary_hospital', street: '430102002', beds: 3600, opened: 1958 },
  { name: '湖南省人民医院', type: 'tertiary_hospital', street: '430102013', beds: 4200, opened: 1912 },
  { name: '湖南中医药大学第二附属医院', type: 'tcm_hospital', street: '430102012', beds: 1000, opened: null },
  { name: '长沙市中心医院', type: 'tertiary_hospital', street: '430103009', beds: 1700, opened: null },
  { name: '长沙市第三医院', type: 'tertiary_hospital', street: '430103004', beds: 1300, opened: null },
  { name: '中南大学湘雅三医院', type: 'tertiary_hospital', street: '430104005', beds: 2000, opened: 1992 },
  { name: '湖南省肿瘤医院', type: 'tertiary_hospital', street: '430104006', beds: 1800, opened: null },
  { name: '湖南省中医药研究院附属医院', type: 'tcm_hospital', street: '430104002', beds: 900, opened: null },
  { name: '中南大学湘雅医院', type: 'tertiary_hospital', street: '430105005', beds: 3500, opened: 1906 },
  { name: '长沙市第一医院', type: 'tertiary_hospital', street: '430105004', beds: 1600, opened: null },
  { name: '湖南省妇幼保健院', type: 'mch_centre', street: '430105005', beds: 1200, opened: null },
  { name: '湖南省儿童医院', type: 'tertiary_hospital', street: '430111001', beds: 1800, opened: null },
  { name: '湖南中医药大学第一附属医院', type: 'tcm_hospital', street: '430111005', beds: 2000, opened: null },
  { name: '湖南旺旺医院', type: 'tertiary_hospital', street: '430111002', beds: 900, opened: null },
  { name: '长沙市妇幼保健院', type: 'mch_centre', street: '430111004', beds: 600, opened: null },
];
