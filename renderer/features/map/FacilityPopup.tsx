/** The selected facility: its name and type where it stands on the map, with 移动 and 删除. */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { Facility } from '../../../shared/model/entities.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { enumLabel } from '../../ui/i18n/labels.ts';
import type { MapLibreMap } from './maplibre.ts';
import { FACILITY_MARKS } from './palette.ts';
import type { EditMode } from './useFacilityEditing.ts';

interface Props {
  map: MapLibreMap;
  facility: Facility;
  at: { lon: number; lat: number };
  mode: EditMode;
  readOnly: boolean;
  saving: boolean;
  onMove(): void;
  onRemove(): void;
  onClose(): void;
}

export function FacilityPopup({ map, facility, at, mode, readOnly, saving, onMove, onRemove, onClose }: Props) {
  const { t, lang } = useLang();
  const [, redraw] = useState(0);
  useEffect(() => {
    const follow = () => redraw((n) => n + 1);
    map.on('move', follow);
    map.on('resize', follow);
    return () => {
      map.off('move', follow);
      map.off('resize', follow);
    };
  }, [map]);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(240);
  useLayoutEffect(() => {
    const w = box.current?.offsetWidth;
    if (w && w !== width) setWidth(w);
  });
  const p = map.project([at.lon, at.lat]);
  const moving = mode === 'move';
  // Kept on the map: below the icon near the top edge, shifted sideways near the others (the arrow still points at it).
  const below = p.y < 190;
  const half = width / 2,
    stage = map.getContainer().clientWidth;
  const x = Math.max(half + 6, Math.min(stage - half - 6, p.x));
  const arrow = Math.max(-half + 14, Math.min(half - 14, p.x - x));
  const style = { left: x, top: p.y, '--arrow-dx': `${arrow}px` } as CSSProperties;

  return (
    <div
      ref={box}
      className={`map-popup${below ? ' is-below' : ''}`}
      style={style}
      role="dialog"
      aria-label={facility.name}
      data-testid="map-facility-popup"
      data-id={facility.id}
    >
      <div className="map-popup-head">
        <span className="map-popup-dot" style={{ background: FACILITY_MARKS[facility.type].color }} aria-hidden="true" />
        <strong className="map-popup-name">{facility.name}</strong>
        <button type="button" className="map-popup-close" onClick={onClose} aria-label={t('map.popup.close')} data-testid="map-popup-close">
          ×
        </button>
      </div>
      <dl className="map-popup-facts">
        <dt>{t('map.popup.type')}</dt>
        <dd>{enumLabel('facilityType', facility.type, lang)}</dd>
        <dt>{t('map.popup.id')}</dt>
        <dd>{facility.id}</dd>
        <dt>{t('map.popup.at')}</dt>
        <dd>
          {at.lon.toFixed(5)}, {at.lat.toFixed(5)}
        </dd>
      </dl>
      {moving && <p className="map-popup-hint">{t('map.popup.moveHint')}</p>}
      {!readOnly && (
        <div className="map-popup-actions">
          <button type="button" className={`tool-btn${moving ? ' is-on' : ''}`} onClick={onMove} disabled={saving} aria-pressed={moving} data-testid="map-move">
            {moving ? t('map.popup.moving') : t('map.popup.move')}
          </button>
          <button type="button" className="tool-btn map-danger" onClick={onRemove} disabled={saving} data-testid="map-remove">
            {t('map.popup.remove')}
          </button>
        </div>
      )}
      {!readOnly && !moving && <p className="map-popup-tip">{t('map.popup.dragTip')}</p>}
    </div>
  );
}
