/**
 * 出行方式: how people are taken to travel, per urban/rural class of the demand point — by car (the
 * plan's road speeds, one-way streets as signed) or on foot (WALK_KMH on every road but motorways
 * and trunk roads, both ways). A 15-minute circle is usually meant on foot in town, so the 1530
 * rule walks in town and drives in the country.
 *
 * Entry points:
 * - `modesUsed(travel, urban)`: the modes a set of demand points needs (one search per mode).
 * - `modeOf(travel, urban)`: a point's mode by its urban flag (1 urban).
 * - `travelFallback(travel)`: the straight-line model for those modes (no roads).
 * - `travelNote(travel, model, dispatchMinutes, offNetwork)`: the model note's opening, zh and en.
 */
import { DEFAULT_FALLBACK, type FallbackModel, WALK_DETOUR, WALK_KMH } from './network.ts';

export type TravelMode = 'drive' | 'walk';
export interface TravelModes {
  urban: TravelMode;
  rural: TravelMode;
}
export const TRAVEL_MODES: readonly TravelMode[] = ['drive', 'walk'];
/** What every analysis did before walking was offered, and still the default. */
export const DRIVE: Readonly<TravelModes> = { urban: 'drive', rural: 'drive' };
/** The 1530 circle's reading: on foot in town, by road in the country. */
export const WALK_IN_TOWN: Readonly<TravelModes> = { urban: 'walk', rural: 'drive' };

export const modeOf = (travel: TravelModes, urban: number): TravelMode => (urban === 1 ? travel.urban : travel.rural);

/** The modes some point needs, drive first: one when both classes travel alike or only one class is present. */
export function modesUsed(travel: TravelModes, urban: ArrayLike<number>): TravelMode[] {
  if (travel.urban === travel.rural) return [travel.urban];
  let u = false,
    r = false;
  for (let p = 0; p < urban.length && !(u && r); p++) {
    if (urban[p] === 1) u = true;
    else r = true;
  }
  const out = TRAVEL_MODES.filter((m) => (u && travel.urban === m) || (r && travel.rural === m));
  return out.length ? out : [travel.urban];
}

/**
 * Straight line without roads: by car × 1.6 ÷ 30 (town) or 45 (country) km/h, on foot × 1.3 ÷ 4.8
 * km/h. The model has one detour, so each class's detour is folded into its speed (km/h along the
 * straight line); by car alone it is DEFAULT_FALLBACK itself.
 */
export function travelFallback(travel: TravelModes): FallbackModel {
  if (travel.urban === 'drive' && travel.rural === 'drive') return DEFAULT_FALLBACK;
  const along = (m: TravelMode, carKmh: number) => (m === 'walk' ? WALK_KMH / WALK_DETOUR : carKmh / DEFAULT_FALLBACK.detour);
  return { detour: 1, urbanKmh: along(travel.urban, DEFAULT_FALLBACK.urbanKmh), ruralKmh: along(travel.rural, DEFAULT_FALLBACK.ruralKmh) };
}

const WALK_ZH = `步行（${WALK_KMH} 公里/小时，不走高速和快速路）`;
const WALK_EN = `on foot (${WALK_KMH} km/h, not on motorways or trunk roads)`;

/** "城镇步行（4.8 公里/小时，不走高速和快速路）、农村驾车" and its English (lower case: it goes inside a sentence). */
export function travelModeText(travel: TravelModes): { zh: string; en: string } {
  const zh = (m: TravelMode) => (m === 'walk' ? WALK_ZH : '驾车');
  const en = (m: TravelMode) => (m === 'walk' ? WALK_EN : 'by car');
  if (travel.urban === travel.rural) return { zh: zh(travel.urban), en: en(travel.urban) };
  return { zh: `城镇${zh(travel.urban)}、农村${zh(travel.rural)}`, en: `${en(travel.urban)} in town, ${en(travel.rural)} in the country` };
}

/**
 * The model note's opening for the travel modes, zh and en: on roads the mode, the points off the
 * network and the connectors' speed; in a straight line the detour and speed per class; a dispatch
 * delay said to count by car only. By car alone, in a straight line, the words are as before walking.
 */
export function travelNote(travel: TravelModes, model: 'road' | 'straight_line', dispatchMinutes: number, offNetwork = 0): { zh: string; en: string } {
  const walks = travel.urban === 'walk' || travel.rural === 'walk';
  const drives = travel.urban === 'drive' || travel.rural === 'drive';
  const mode = travelModeText(travel);
  const dispatch =
    walks && dispatchMinutes > 0
      ? drives
        ? { zh: '；出车时间只加在驾车的行程上（步行没有出车）', en: '; the dispatch delay is added to trips by car only (nobody dispatches a walk)' }
        : { zh: '；步行没有出车，出车时间不计', en: '; on foot there is no dispatch: the delay is not counted' }
      : { zh: '', en: '' };
  if (model === 'road') {
    const connector = !walks
      ? { zh: '15 公里/小时', en: '15 km/h' }
      : !drives
        ? { zh: `${WALK_KMH} 公里/小时`, en: `${WALK_KMH} km/h` }
        : { zh: `驾车 15、步行 ${WALK_KMH} 公里/小时`, en: `15 km/h by car, ${WALK_KMH} km/h on foot` };
    const off = offNetwork
      ? { zh: `${offNetwork} 个需求点离路网超过 5 公里，按不可达计；`, en: `${offNetwork} demand points over 5 km from a road count as unreachable; ` }
      : { zh: '', en: '' };
    return {
      zh: `按路网计算，${mode.zh}；${off.zh}连接线 ${connector.zh}${dispatch.zh}`,
      en: `On the road network, ${mode.en}; ${off.en}connectors at ${connector.en}${dispatch.en}`,
    };
  }
  const { detour, urbanKmh, ruralKmh } = DEFAULT_FALLBACK;
  if (!walks)
    return {
      zh: `无路网：按直线距离 × ${detour} ÷ 车速（城镇 ${urbanKmh}、农村 ${ruralKmh} 公里/小时）估算`,
      en: `No road network: straight-line distance × ${detour} ÷ speed (urban ${urbanKmh}, rural ${ruralKmh} km/h)`,
    };
  const walkZh = `直线距离 × ${WALK_DETOUR} ÷ 步行 ${WALK_KMH} 公里/小时`,
    walkEn = `straight-line distance × ${WALK_DETOUR} ÷ ${WALK_KMH} km/h on foot`;
  const by = !drives
    ? { zh: walkZh, en: walkEn }
    : {
        zh: (['urban', 'rural'] as const)
          .map(
            (c) =>
              `${c === 'urban' ? '城镇' : '农村'}${travel[c] === 'walk' ? walkZh : `直线距离 × ${detour} ÷ 车速 ${c === 'urban' ? urbanKmh : ruralKmh} 公里/小时`}`,
          )
          .join('、'),
        en: (['urban', 'rural'] as const)
          .map(
            (c) =>
              `${c === 'urban' ? 'in town' : 'in the country'} ${travel[c] === 'walk' ? walkEn : `straight-line distance × ${detour} ÷ ${c === 'urban' ? urbanKmh : ruralKmh} km/h by car`}`,
          )
          .join(', '),
      };
  return { zh: `无路网：${mode.zh}，按${by.zh}估算${dispatch.zh}`, en: `No road network, ${mode.en}: ${by.en}${dispatch.en}` };
}
