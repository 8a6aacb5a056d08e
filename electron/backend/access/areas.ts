/**
 * 服务范围 of an access run, as the result carries them: the worker's polygons (areas-compute.ts) with
 * the people of each band and each catchment counted from the run's own demand points and minutes
 * (shared/access/service-area.ts: areaPopulations), so a band's people are the coverage's at that
 * threshold. Without roads (or measuring a radius) no polygon is drawn, and the note says so.
 */
import { areaPopulations, serviceAreaNote } from '../../../shared/access/service-area.ts';
import type { AccessQuery, ServiceAreasOut, TravelModel } from '../../../shared/access/result.ts';
import type { AreasComputed } from './areas-compute.ts';

/** What the worker is asked to draw, or nothing (not asked, or a straight-line radius). */
export function areasAsk(q: AccessQuery): { bands: number[]; catchments: boolean } | undefined {
  if (!q.areas || q.measure === 'radius') return undefined;
  return { bands: [...new Set(q.areas.bands)].sort((a, b) => a - b), catchments: !!q.areas.catchments };
}

export function areasOut(
  q: AccessQuery,
  out: { minutes: Float64Array; facility: Int32Array; model: TravelModel; areas?: AreasComputed },
  population: Float64Array,
  facilities: readonly { id: string; name: string }[],
): ServiceAreasOut | undefined {
  if (!q.areas) return undefined;
  const bands = [...new Set(q.areas.bands)].sort((a, b) => a - b);
  const pop = areaPopulations(out.minutes, out.facility, population, bands, facilities.length);
  const a = out.areas;
  const mixed = q.travel.urban !== q.travel.rural;
  const mode = a?.mode ?? (mixed ? 'drive' : q.travel.urban);
  let note: { zh: string; en: string };
  if (a) {
    note = serviceAreaNote(a.cellMetres, a.connectorKmh);
    if (mixed) {
      note.zh += `；图上为${mode === 'walk' ? '步行' : '驾车'}的范围，人口按每个需求点自己的出行方式计`;
      note.en += `; drawn ${mode === 'walk' ? 'on foot' : 'by car'}, people counted by each point's own mode`;
    }
  } else if (q.measure === 'radius')
    note = {
      zh: '按直线服务半径计算时不绘制服务范围；人口按需求点到最近机构的直线公里数统计',
      en: 'No areas are drawn for a straight-line radius; people by their straight-line km to the nearest facility',
    };
  else if (out.model === 'straight_line')
    note = {
      zh: '方案没有路网：不绘制服务范围，人口按直线模型的分钟数统计',
      en: 'The plan has no road network: no areas drawn; people by the straight-line minutes',
    };
  else note = { zh: '没有可用的机构：服务范围为空', en: 'No facility to draw areas for' };
  return {
    note: note.zh,
    noteEn: note.en,
    cellMetres: a?.cellMetres ?? 0,
    travel: mode,
    bands: bands.map((minutes, i) => ({ minutes, population: pop.bands[i]!, polygons: a?.bands.find((b) => b.minutes === minutes)?.polygons ?? [] })),
    ...(q.areas.catchments
      ? {
          catchments: facilities.map((f, i) => ({
            facility: f.id,
            name: f.name,
            population: pop.catchments[i]!,
            colour: a?.catchmentColours?.[i] ?? 0,
            polygons: a?.catchments?.[i] ?? [],
          })),
        }
      : {}),
  };
}
