/**
 * 服务范围 kept apart from their result (the query's areas.apart): the map asks for them as GeoJSON text
 * (access.areasGeoJson) and hands it to its worker, so the page's main thread never parses or copies a
 * province's polygons. The result goes out with empty polygon lists and `shapes`, the key to read them by.
 */
import type { AccessResultOut, ServiceAreasOut } from '../../../shared/access/result.ts';
import { ApiError } from '../../../shared/api/errors.ts';

/** How many results' areas are kept (the map shows one at a time; a few runs back are still there to read). */
const KEPT = 8;

/** The map's collection: bands (widest first, the innermost marked), then each facility's catchment with its place in the list and its colour. */
export function areasFeatureText(areas: ServiceAreasOut): string {
  const inner = Math.min(...areas.bands.map((b) => b.minutes));
  const features: object[] = [];
  for (const b of [...areas.bands].sort((x, y) => y.minutes - x.minutes)) {
    if (!b.polygons.length) continue;
    features.push({
      type: 'Feature',
      properties: { kind: 'band', minutes: b.minutes, population: b.population, inner: b.minutes === inner },
      geometry: { type: 'MultiPolygon', coordinates: b.polygons },
    });
  }
  (areas.catchments ?? []).forEach((c, index) => {
    if (!c.polygons.length) return;
    features.push({
      type: 'Feature',
      properties: { kind: 'catchment', facility: c.facility, name: c.name, population: c.population, index, colour: c.colour },
      geometry: { type: 'MultiPolygon', coordinates: c.polygons },
    });
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

export class AreasApart {
  private readonly kept = new Map<number, ServiceAreasOut>();
  private seq = 0;

  /** The result as it goes out: asked apart, its polygons kept here and `shapes` set; else as it is. */
  take(r: AccessResultOut): AccessResultOut {
    const a = r.areas;
    if (!a || !r.query.areas?.apart) return r;
    const id = ++this.seq;
    this.kept.set(id, a);
    for (const old of this.kept.keys()) if (old <= id - KEPT) this.kept.delete(old);
    return {
      ...r,
      areas: {
        ...a,
        shapes: id,
        bands: a.bands.map((b) => ({ ...b, polygons: [] })),
        ...(a.catchments ? { catchments: a.catchments.map((c) => ({ ...c, polygons: [] })) } : {}),
      },
    };
  }

  text(id: number): string {
    const a = this.kept.get(id);
    if (!a) throw new ApiError('NOT_FOUND', `服务范围 ${id} 已不在内存中：请重新运行分析`, `Service areas ${id} are no longer kept: run the analysis again`);
    return areasFeatureText(a);
  }
}
