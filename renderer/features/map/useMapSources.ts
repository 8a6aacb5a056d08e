/**
 * What the map draws, kept in step with the app: boundaries and centres (coloured by the gap shown),
 * roads, facilities (the one being dragged where it goes), the selection, and the demand points of
 * an access analysis.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { AccessResultOut } from '../../../shared/access/result.ts';
import type { Facility, Unit } from '../../../shared/model/entities.ts';
import { demandBlob, EMPTY, facilityPoints, onePoint, sameDemand, unitCentres, type Statuses } from './geo.ts';
import { useAreasSource } from './useAreasSource.ts';
import type { MapLibreMap } from './maplibre.ts';
import { townshipPaint } from './style.ts';
import type { Boundaries } from './useBoundaries.ts';
import { useLayerVisible, useSourceData } from './useSourceData.ts';
import { useTextSource, type SourceText } from './useTextSource.ts';

interface Inputs {
  units: readonly Unit[] | null;
  facilities: readonly Facility[] | null;
  boundaries: Boundaries;
  roads: SourceText;
  statuses: Statuses;
  access: AccessResultOut | null;
  selected: Facility | null;
  /** Where the selected facility is drawn while dragged or until its move is saved. */
  ghost: { id: string; lon: number; lat: number } | null;
  /** Another analysis draws its demand points (siting). */
  otherDemand?: boolean;
}

const CENTRE_LAYERS = ['unit-centres'];

/** Returns where the selected facility is shown (for its popup). */
export function useMapSources(map: MapLibreMap | null, p: Inputs): { lon: number; lat: number } | null {
  const { units, facilities, boundaries, statuses, selected, ghost } = p;
  const shaped = boundaries.codes;
  const centres = useMemo(() => (units ? unitCentres(units, statuses, shaped) : EMPTY), [units, statuses, shaped]);
  const ghostId = ghost?.id ?? null;
  const facilityFc = useMemo(() => (facilities ? facilityPoints(facilities, ghostId) : EMPTY), [facilities, ghostId]);
  const at =
    ghost && selected && ghost.id === selected.id
      ? ghost
      : selected && selected.lon !== null && selected.lat !== null
        ? { lon: selected.lon, lat: selected.lat }
        : null;
  const [lon, lat, type] = [at?.lon, at?.lat, selected?.type];
  const selection = useMemo(
    () => (lon !== undefined && lat !== undefined ? onePoint(lon, lat, { type, ghost: ghostId !== null }) : EMPTY),
    [lon, lat, type, ghostId],
  );
  // The same points as the run before (areas added, a write elsewhere): the same collection, not set again.
  const drawn = useRef<{ points: AccessResultOut['points']; measure: string; text: SourceText } | null>(null);
  const demand = useMemo(() => {
    if (!p.access) return null;
    const { points, query } = p.access;
    const was = drawn.current;
    if (was && was.measure === query.measure && sameDemand(was.points, points)) return was.text;
    const text = demandBlob(points, query.measure);
    drawn.current = { points, measure: query.measure, text };
    return text;
  }, [p.access]);

  useTextSource(map, 'boundaries', boundaries.text);
  // The gap colouring on the layer, not the data (the boundaries stay as the worker read them).
  useEffect(() => {
    if (!map?.getLayer('township-fill')) return;
    const { color, opacity } = townshipPaint(statuses);
    map.setPaintProperty('township-fill', 'fill-color', color);
    map.setPaintProperty('township-fill', 'fill-opacity', opacity);
  }, [map, statuses]);
  useTextSource(map, 'roads', p.roads);
  useSourceData(map, 'units', centres);
  useSourceData(map, 'facilities', facilityFc);
  useSourceData(map, 'selection', selection);
  useTextSource(map, 'access', demand);
  useAreasSource(map, p.access?.areas);
  // The demand points of an analysis stand for the population: the centre circles would only crowd them.
  useLayerVisible(map, CENTRE_LAYERS, (!p.access && !p.otherDemand) || !!statuses);

  return useMemo(() => (lon !== undefined && lat !== undefined ? { lon, lat } : null), [lon, lat]);
}
