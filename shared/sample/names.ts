/** Generated names: communities, villages and private facilities, from common place-name characters. */
import type { Rng } from './prng.ts';

const FIRST = [
  '桂',
  '枫',
  '新',
  '和',
  '平',
  '安',
  '东',
  '南',
  '西',
  '北',
  '金',
  '石',
  '龙',
  '凤',
  '泉',
  '湖',
  '松',
  '荷',
  '莲',
  '青',
  '白',
  '红',
  '黄',
  '杨',
  '柳',
  '兴',
  '隆',
  '福',
  '寿',
  '长',
  '乐',
  '永',
  '丰',
  '合',
  '胜',
  '民',
  '华',
  '光',
  '明',
  '星',
  '月',
  '云',
  '阳',
  '马',
  '高',
  '双',
  '大',
  '茶',
  '桃',
  '梅',
  '竹',
  '樟',
  '文',
  '德',
];
const COMMUNITY_SECOND = [
  '园',
  '苑',
  '城',
  '湖',
  '桥',
  '岭',
  '坪',
  '塘',
  '山',
  '林',
  '湾',
  '港',
  '坡',
  '门',
  '街',
  '里',
  '华',
  '丰',
  '兴',
  '安',
  '泰',
  '康',
  '盛',
  '景',
  '馨',
  '韵',
  '洲',
  '岸',
];
const VILLAGE_SECOND = [
  '冲',
  '塘',
  '桥',
  '坪',
  '湾',
  '山',
  '岭',
  '田',
  '溪',
  '港',
  '铺',
  '垸',
  '洲',
  '坝',
  '源',
  '口',
  '坡',
  '家',
  '庄',
  '峰',
  '江',
  '河',
  '园',
  '石',
  '林',
  '湖',
];

/** `n` distinct names "XX社区" / "XX村", none equal to the parent's own short name. */
export function leafNames(rng: Rng, n: number, village: boolean, parentShort: string): string[] {
  const second = village ? VILLAGE_SECOND : COMMUNITY_SECOND;
  const suffix = village ? '村' : '社区';
  const seen = new Set<string>([parentShort]);
  const out: string[] = [];
  while (out.length < n) {
    const stem = rng.pick(FIRST) + rng.pick(second);
    if (seen.has(stem)) continue;
    seen.add(stem);
    out.push(stem + suffix);
  }
  return out;
}

/** "文艺路街道" → "文艺路", "靖港镇" → "靖港", "隆平高科技园" unchanged. */
export function shortName(name: string): string {
  return name.replace(/(街道|镇|乡)$/, '');
}

const GENERAL_HOSPITAL = ['仁爱', '康华', '博爱', '康民', '仁和', '益民', '福康', '仁心', '普济', '济民', '安康', '惠民', '康宁', '德仁'];
const SPECIALTY_HOSPITAL = ['康复', '骨伤', '眼科', '口腔', '肛肠', '妇产'];
const CHILDCARE = ['童趣', '小太阳', '贝贝', '七彩', '启航', '星星', '彩虹', '萌芽', '乐苗', '小树苗', '育才', '宝贝'];
const ELDERLY = ['颐养院', '养老院', '康养中心', '福寿园', '老年公寓'];

/** Makes names unique within a set by numbering repeats: "X" then "X（二）", "X（三）"… */
export class NameBook {
  private readonly used = new Set<string>();
  take(name: string): string {
    const numerals = ['二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let out = name;
    for (let k = 0; this.used.has(out); k++) out = `${name}（${numerals[k] ?? String(k + 2)}）`;
    this.used.add(out);
    return out;
  }
  /** A name from `make` not yet taken (up to 20 tries), numbered as in `take` if none is free. */
  fresh(make: () => string): string {
    let name = make();
    for (let k = 0; k < 20 && this.used.has(name); k++) name = make();
    return this.take(name);
  }
}

/** A private hospital's name; a small (primary) one may be a specialty hospital. */
export const privateHospitalName = (rng: Rng, place: string, small: boolean) =>
  `${place}${small && rng.chance(0.35) ? rng.pick(SPECIALTY_HOSPITAL) : rng.pick(GENERAL_HOSPITAL)}医院`;
export const childcareName = (rng: Rng, place: string) => `${place}${rng.pick(CHILDCARE)}托育园`;
export const elderlyName = (rng: Rng, place: string, rural: boolean) => `${place}${rural ? '敬老院' : rng.pick(ELDERLY)}`;
