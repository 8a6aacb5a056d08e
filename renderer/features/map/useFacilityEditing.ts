/**
 * Editing facilities on the map, in the active scenario (each one undoable edit, as in the tables):
 * 新增 — choose a type, click the map; select a facility (click) to see it, then drag it, or 移动 and
 * click its new place; 删除 from its popup. Esc leaves a mode. After each edit the rows are reloaded,
 * so every screen (and a shown access analysis) follows.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Facility } from '../../../shared/model/entities.ts';
import type { FacilityType } from '../../../shared/model/kinds.ts';
import { useKept } from '../../api/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { errorText } from '../../ui/i18n/labels.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import type { MapLibreMap, MapMouseEvent } from './maplibre.ts';

export type EditMode = 'browse' | 'add' | 'move';
export const FACILITY_LAYERS = ['facilities', 'facilities-detail', 'facilities-dots'];
/** How far (px) from an icon's centre a click still picks it. */
const PICK_PX = 9;

export interface FacilityEditing {
  mode: EditMode;
  setMode(m: EditMode): void;
  addType: FacilityType;
  setAddType(t: FacilityType): void;
  selected: Facility | null;
  select(id: string | null): void;
  /** Where the selected facility is drawn while dragged or until its move is saved. */
  ghost: { id: string; lon: number; lat: number } | null;
  remove(): void;
  saving: boolean;
}

/** The facility icon nearest to a point on the canvas, within PICK_PX. */
function pick(map: MapLibreMap, x: number, y: number): string | null {
  const layers = FACILITY_LAYERS.filter((l) => map.getLayer(l));
  const hits = map.queryRenderedFeatures(
    [
      [x - PICK_PX, y - PICK_PX],
      [x + PICK_PX, y + PICK_PX],
    ],
    { layers },
  );
  let best: string | null = null,
    bestD = Infinity;
  for (const h of hits) {
    if (h.geometry.type !== 'Point') continue;
    const p = map.project(h.geometry.coordinates as [number, number]);
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d < bestD) {
      bestD = d;
      best = String(h.properties.id);
    }
  }
  return best;
}

/** A click taken by another tool (siting's candidate points) instead of picking or placing a facility. */
export type ClickTaker = RefObject<((lon: number, lat: number) => void) | null>;

export function useFacilityEditing(map: MapLibreMap | null, readOnly: boolean, takeClick?: ClickTaker): FacilityEditing {
  const { t, lang } = useLang();
  const { invoke, write, reloadRows } = useAppActions();
  const { scenarioId, facilities } = useAppData();
  const { notify, dialog } = useUi();
  const [mode, setModeState] = useState<EditMode>('browse');
  const [addType, setAddType] = useKept<FacilityType>('map.addType', 'ems_station');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [ghost, setGhost] = useState<FacilityEditing['ghost']>(null);
  const [saving, setSaving] = useState(false);
  const selected = useMemo(() => facilities?.find((f) => f.id === selectedId) ?? null, [facilities, selectedId]);

  const setMode = useCallback((m: EditMode) => setModeState(readOnly && m !== 'browse' ? 'browse' : m), [readOnly]);

  const edit = useCallback(
    async <T>(fn: () => Promise<T>, done: (r: T) => string): Promise<T | null> => {
      setSaving(true);
      try {
        const r = await write(fn);
        await reloadRows();
        notify(done(r));
        return r;
      } catch (e) {
        notify(errorText(e, lang), 'error');
        return null;
      } finally {
        setSaving(false);
      }
    },
    [write, reloadRows, notify, lang],
  );

  const add = useCallback(
    async (lon: number, lat: number) => {
      setModeState('browse'); // one click, one facility
      const f = await edit(
        () => invoke('facilities.add', { scenarioId, type: addType, lon, lat }),
        (r) => t('map.edit.added', { name: r.name }),
      );
      if (f) setSelectedId(f.id);
    },
    [edit, invoke, scenarioId, addType, t],
  );

  const move = useCallback(
    async (f: Facility, lon: number, lat: number) => {
      setGhost({ id: f.id, lon, lat });
      setModeState('browse');
      await edit(
        () => invoke('facilities.move', { scenarioId, id: f.id, lon, lat }),
        () => t('map.edit.moved', { name: f.name }),
      );
      setGhost(null);
    },
    [edit, invoke, scenarioId, t],
  );

  const remove = useCallback(() => {
    const f = selected;
    if (!f || readOnly) return;
    setSelectedId(null);
    void edit(
      () => invoke('facilities.remove', { scenarioId, id: f.id }),
      () => t('map.edit.removed', { name: f.name }),
    );
  }, [selected, readOnly, edit, invoke, scenarioId, t]);

  // The map's handlers read the latest state through a ref, so they are bound once per map.
  const now = useRef({ mode, selected, readOnly, add, move });
  now.current = { mode, selected, readOnly, add, move };

  useEffect(() => {
    if (!map) return;
    const canvas = map.getCanvas();
    let drag: { id: string; x: number; y: number; moved: boolean } | null = null;

    const onClick = (e: MapMouseEvent) => {
      const take = takeClick?.current;
      if (take) {
        take(e.lngLat.lng, e.lngLat.lat);
        return;
      }
      const s = now.current;
      if (s.mode === 'add') {
        void s.add(e.lngLat.lng, e.lngLat.lat);
        return;
      }
      if (s.mode === 'move' && s.selected) {
        void s.move(s.selected, e.lngLat.lng, e.lngLat.lat);
        return;
      }
      setSelectedId(pick(map, e.point.x, e.point.y));
    };
    const onDown = (e: MapMouseEvent) => {
      const s = now.current;
      if (s.mode !== 'browse' || !s.selected || s.readOnly || e.originalEvent.button !== 0) return;
      if (pick(map, e.point.x, e.point.y) !== s.selected.id) return;
      e.preventDefault(); // no panning: the facility moves instead
      drag = { id: s.selected.id, x: e.point.x, y: e.point.y, moved: false };
    };
    const onMove = (e: MapMouseEvent) => {
      const s = now.current;
      if (drag) {
        if (!drag.moved && Math.hypot(e.point.x - drag.x, e.point.y - drag.y) < 4) return;
        drag.moved = true;
        setGhost({ id: drag.id, lon: e.lngLat.lng, lat: e.lngLat.lat });
        canvas.style.cursor = 'grabbing';
        return;
      }
      if (s.mode !== 'browse' || takeClick?.current) {
        canvas.style.cursor = 'crosshair';
        return;
      }
      const over = pick(map, e.point.x, e.point.y);
      canvas.style.cursor = over ? (over === s.selected?.id && !s.readOnly ? 'grab' : 'pointer') : '';
    };
    const onUp = (e: MapMouseEvent) => {
      const d = drag;
      drag = null;
      const s = now.current;
      if (!d?.moved || !s.selected || s.selected.id !== d.id) {
        if (d) setGhost(null);
        return;
      }
      void s.move(s.selected, e.lngLat.lng, e.lngLat.lat);
    };
    map.on('click', onClick);
    map.on('mousedown', onDown);
    map.on('mousemove', onMove);
    map.on('mouseup', onUp);
    return () => {
      map.off('click', onClick);
      map.off('mousedown', onDown);
      map.off('mousemove', onMove);
      map.off('mouseup', onUp);
    };
  }, [map, takeClick]);

  useEffect(() => {
    if (dialog || (mode === 'browse' && !selectedId)) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (mode !== 'browse') setModeState('browse');
      else setSelectedId(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, selectedId, dialog]);

  useEffect(() => {
    if (map) map.getCanvas().style.cursor = mode === 'browse' ? '' : 'crosshair';
  }, [map, mode]);

  return { mode, setMode, addType, setAddType, selected, select: setSelectedId, ghost, remove, saving };
}
