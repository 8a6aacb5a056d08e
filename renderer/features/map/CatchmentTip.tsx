/** The catchment under the pointer: its facility and the people it serves, beside the pointer (catchments drawn only). */
import { useEffect, useState } from 'react';
import { useLang } from '../../ui/i18n/index.ts';
import { fmtInt } from './format.ts';
import type { MapLibreMap } from './maplibre.ts';

interface Tip {
  x: number;
  y: number;
  name: string;
  people: number;
}

export function CatchmentTip({ map, on }: { map: MapLibreMap | null; on: boolean }) {
  const { t } = useLang();
  const [tip, setTip] = useState<Tip | null>(null);
  useEffect(() => {
    if (!map || !on) {
      setTip(null);
      return;
    }
    const move = (e: { point: { x: number; y: number }; features?: { properties: Record<string, unknown> }[] }) => {
      const f = e.features?.[0];
      if (!f) return;
      setTip({ x: e.point.x, y: e.point.y, name: String(f.properties.name ?? ''), people: Number(f.properties.population ?? 0) });
    };
    const leave = () => setTip(null);
    map.on('mousemove', 'catchments-fill', move);
    map.on('mouseleave', 'catchments-fill', leave);
    return () => {
      map.off('mousemove', 'catchments-fill', move);
      map.off('mouseleave', 'catchments-fill', leave);
    };
  }, [map, on]);
  if (!tip) return null;
  return (
    <div className="map-hover-tip" style={{ left: tip.x, top: tip.y }} data-testid="map-catchment-tip">
      {t('map.access.catchmentTip', { name: tip.name, people: fmtInt(tip.people) })}
    </div>
  );
}
