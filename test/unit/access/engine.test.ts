// The flow the backend follows, through the entry points of shared/access/index.ts.
import { describe, expect, it } from 'vitest';
import {
  buildNodeIndex,
  buildRoadGraph,
  coverage,
  DEFAULT_CONNECTOR_KMH,
  DEFAULT_ROAD_SPEEDS,
  demandGrid,
  demandTravel,
  facilitySources,
  NearestFacilityField,
  nearestFacility,
  snapPoints,
  straightLineTravel,
  travelTimeBands,
} from '../../../shared/access/index.ts';
import { gridNetwork, M_PER_DEG, prng } from './helpers.ts';

describe('access engine, end to end', () => {
  it('network → graph → snap → nearest station → move one → coverage, and the straight-line fallback', () => {
    const rand = prng(31);
    const graph = buildRoadGraph(gridNetwork(20, rand), DEFAULT_ROAD_SPEEDS); // about 3.8 km a side
    const index = buildNodeIndex(graph);
    const d = (m: number) => m / M_PER_DEG;
    // Two villages, a population grid of 250 m cells inside each.
    const area = (x0: number) => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [d(x0), d(0)],
          [d(x0 + 1800), d(0)],
          [d(x0 + 1800), d(3600)],
          [d(x0), d(3600)],
          [d(x0), d(0)],
        ],
      ],
    });
    const demand = demandGrid(
      [
        { lon: null, lat: null, population: 5000, urban: true },
        { lon: null, lat: null, population: 800, urban: false },
      ],
      [area(0), area(1900)],
      250,
    );
    expect(demand.population.reduce((a, b) => a + b, 0)).toBe(5800);
    const demandSnap = snapPoints(graph, index, demand.lon, demand.lat, DEFAULT_CONNECTOR_KMH);
    expect(demandSnap.offNetwork).toBe(0);

    const stations = snapPoints(graph, index, Float64Array.of(d(300), d(3500)), Float64Array.of(d(300), d(3500)), DEFAULT_CONNECTOR_KMH);
    const field = new NearestFacilityField(graph, 'from_facility');
    field.run(facilitySources(stations, 60));
    const travel = demandTravel(field, demandSnap);
    const before = coverage(demand, travel.minutes, { urbanMinutes: 4, ruralMinutes: 6 }, 2);

    const src = field.sources();
    field.move(1, src.node[0]!, src.startSeconds[0]!); // onto station 0: it serves everything (the lower index)
    expect(field.facility.every((f) => f === 0)).toBe(true);
    const after = demandTravel(field, demandSnap, travel);
    expect(after.minutes).toEqual(demandTravel(nearestFacility(graph, 'from_facility', field.sources()), demandSnap).minutes);
    const moved = coverage(demand, after.minutes, { urbanMinutes: 4, ruralMinutes: 6 }, 2);
    expect(moved.covered).toBeLessThan(before.covered); // the far corner lost its station
    const bands = travelTimeBands(after.minutes, demand.population, 1, 10);
    expect(bands.population.reduce((a, b) => a + b, 0)).toBe(5800);

    const straight = straightLineTravel(Float64Array.of(d(300), d(3500)), Float64Array.of(d(300), d(3500)), demand);
    expect(straight.model).toBe('straight_line');
    expect(straight.minutes.every((m) => m > 0 && m < 30)).toBe(true);
  });
});
