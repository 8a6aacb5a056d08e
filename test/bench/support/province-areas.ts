// The province bench's service areas for 2,000 stations (test/bench/province.ts): a scenario of the
// bench plan that keeps the first 2,000 of its 3,000 stations (E0–E1999; the stations stand at
// villages drawn at random, so these are a random two thirds with the same spread), then the whole
// `healthplan access … --areas 10,30 --catchments --format geojson` timed, and its figures checked
// against the same scenario's access result: each band's people equal the coverage's at that many
// minutes (the result's 5-minute bands summed), the catchments' people add up to everyone reachable.
import fs from 'node:fs';
import { createPlannerService } from '../../../electron/backend/service.ts';

export const AREAS_SCENARIO = '2000站';
export const AREAS_STATIONS = 2000;

/** Makes the scenario (a copy of the baseline without the stations from E2000 on) unless the plan has it. */
export async function areasScenario(home: string, plan: string): Promise<{ created: boolean; stations: number }> {
  const svc = createPlannerService({ home, door: 'direct' });
  try {
    await svc.call('plan.open', { path: plan });
    const list = await svc.call('scenarios.list', {});
    let sc = list.find((s) => s.name === AREAS_SCENARIO);
    const created = !sc;
    if (!sc) {
      sc = await svc.call('scenarios.create', { name: AREAS_SCENARIO });
      const all = await svc.call('facilities.list', { scenarioId: sc.id });
      for (const f of all) if (Number(f.id.slice(1)) >= AREAS_STATIONS) await svc.call('facilities.remove', { scenarioId: sc.id, id: f.id });
    }
    const left = await svc.call('facilities.list', { scenarioId: sc.id });
    return { created, stations: left.filter((f) => f.type === 'ems_station').length };
  } finally {
    svc.close();
  }
}

interface Feature {
  properties: { minutes: number | null; facility?: string; population: number };
  geometry: { coordinates: number[][][][] };
}

/** Polygons, rings and vertices (closing points included) of the GeoJSON, bands and catchments apart. */
export function areaFigures(geojsonFile: string) {
  const fc = JSON.parse(fs.readFileSync(geojsonFile, 'utf8')) as { features: Feature[]; properties: { tolerance_metres: number } };
  const count = (fs_: Feature[]) => {
    let polygons = 0,
      rings = 0,
      vertices = 0;
    for (const f of fs_)
      for (const p of f.geometry.coordinates) {
        polygons++;
        rings += p.length;
        for (const r of p) vertices += r.length;
      }
    return { features: fs_.length, polygons, rings, vertices };
  };
  const bands = fc.features.filter((f) => f.properties.minutes !== null);
  const catchments = fc.features.filter((f) => f.properties.minutes === null);
  return {
    cellMetres: fc.properties.tolerance_metres,
    bands: bands.map((f) => ({ minutes: f.properties.minutes!, population: f.properties.population, ...count([f]) })),
    catchments: { ...count(catchments), empty: catchments.filter((f) => f.geometry.coordinates.length === 0).length },
    catchmentPopulation: catchments.reduce((s, f) => s + f.properties.population, 0),
    bytes: fs.statSync(geojsonFile).size,
  };
}

/** From the scenario's access JSON: the people within each band (the 5-minute bands summed) and everyone reachable. */
export function coverageFigures(accessJsonFile: string, bands: readonly number[]) {
  const a = JSON.parse(fs.readFileSync(accessJsonFile, 'utf8')) as {
    bands: { upTo: number | null; population: number }[];
    unreachable: number;
    units: { code: string; population: number; covered: number }[];
  };
  const region = a.units.find((u) => u.code === 'region')!;
  return {
    within: bands.map((b) => {
      if (b % 5 !== 0) throw new Error('bands in whole 5 minutes only: the result counts people by 5-minute band');
      return a.bands.filter((x) => x.upTo !== null && x.upTo <= b).reduce((s, x) => s + x.population, 0);
    }),
    reachable: region.population - a.unreachable,
    covered: region.covered,
    population: region.population,
  };
}
