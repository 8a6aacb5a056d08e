/**
 * `healthplan access --areas 10,30 [--catchments] --format geojson`: the service areas of an access run
 * (服务范围) as a GeoJSON FeatureCollection — one MultiPolygon feature per band, then one per facility
 * with --catchments, properties `{ minutes, facility?, population }`; the method (the connector rule,
 * the cell and tolerance) and the run's settings in the collection's own `properties`.
 */
import { sampleFields } from '../../shared/api/sample-note.ts';
import type { AccessResultOut } from '../../shared/access/result.ts';
import { list } from './options.ts';
import type { Lang } from './output.ts';
import { UsageError } from './output.ts';

/** --areas 10,30 and --catchments as the query's `areas`, or nothing. */
export function areasOption(
  areas: string | boolean | undefined,
  catchments: string | boolean | undefined,
): { bands: number[]; catchments: boolean } | undefined {
  if (areas === undefined && !catchments) return undefined;
  const bands = list(areas).map(Number);
  if (areas !== undefined && (!bands.length || bands.some((b) => !(b > 0 && b <= 600))))
    throw new UsageError('--areas: minutes, comma-separated (e.g. 10,30), each above 0 and at most 600');
  if (bands.length > 12) throw new UsageError('--areas: at most 12 bands');
  return { bands, catchments: !!catchments };
}

export function areasGeoJson(r: AccessResultOut, sample: boolean, lang: Lang): string {
  const a = r.areas;
  if (!a) throw new UsageError('--format geojson: give --areas MINUTES (and/or --catchments)');
  const en = lang === 'en';
  const features = [
    ...a.bands.map((b) => ({
      type: 'Feature',
      properties: { minutes: b.minutes, population: b.population },
      geometry: { type: 'MultiPolygon', coordinates: b.polygons },
    })),
    ...(a.catchments ?? []).map((c) => ({
      type: 'Feature',
      properties: { minutes: null, facility: c.facility, name: c.name, population: c.population },
      geometry: { type: 'MultiPolygon', coordinates: c.polygons },
    })),
  ];
  const collection = {
    type: 'FeatureCollection',
    properties: {
      ...sampleFields(sample, lang),
      method: en ? a.noteEn : a.note,
      tolerance_metres: a.cellMetres,
      travel: a.travel,
      model: r.model,
      note: en ? r.modelNoteEn : r.modelNote,
      year: r.year,
      types: r.query.types,
      direction: r.query.direction,
      demand: en ? r.demand.noteEn : r.demand.note,
    },
    features,
  };
  return `${JSON.stringify(collection)}\n`;
}

/** The areas in the JSON output: the bands' and catchments' people, the method; the polygons are for --format geojson. */
export function areasJson(r: AccessResultOut, lang: Lang): object {
  const a = r.areas;
  if (!a) return {};
  return {
    areas: {
      method: lang === 'en' ? a.noteEn : a.note,
      tolerance_metres: a.cellMetres,
      travel: a.travel,
      bands: a.bands.map((b) => ({ minutes: b.minutes, population: b.population, polygons: b.polygons.length })),
      ...(a.catchments
        ? { catchments: a.catchments.map((c) => ({ facility: c.facility, name: c.name, population: c.population, polygons: c.polygons.length })) }
        : {}),
    },
  };
}

/** With --out: a line per band and facility (their people), then the method. */
export function areasLines(r: AccessResultOut, lang: Lang): string[] {
  const a = r.areas;
  if (!a) return [];
  const en = lang === 'en';
  const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
  return [
    ...a.bands.map((b) => (en ? `  within ${b.minutes} min: ${n0(b.population)} people` : `  ${b.minutes} 分钟内：${n0(b.population)} 人`)),
    ...(a.catchments ?? []).map((c) =>
      en ? `  ${c.name} (${c.facility}) serves ${n0(c.population)} people` : `  ${c.name}（${c.facility}）服务 ${n0(c.population)} 人`,
    ),
    `  ${en ? a.noteEn : a.note}`,
  ];
}
