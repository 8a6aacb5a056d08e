/**
 * 地图与可及性: the plan on an offline map — streets/towns (boundaries, or centres sized by population)
 * coloured by a gap, roads by class, facilities by type — with the access analysis or facility siting
 * or referral times beside it (tabs), and facilities placed, moved and removed on the map in the active scenario.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { FacilityType } from '../../../shared/model/kinds.ts';
import { useKept } from '../../api/index.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { enumLabel } from '../../ui/i18n/labels.ts';
import { useActiveScenario, useAppData } from '../../ui/state/AppContext.tsx';
import { useScenarioName } from '../../ui/scenarios/ScenarioSwitcher.tsx';
import { SitingLegend } from './siting/SitingLegend.tsx';
import { SitingPanel } from './siting/SitingPanel.tsx';
import { useSitingRun } from './siting/useSitingRun.ts';
import { useSitingSources } from './siting/useSitingSources.ts';
import { ReferralLegend } from './referral/ReferralLegend.tsx';
import { ReferralPanel } from './referral/ReferralPanel.tsx';
import { useReferralRun } from './referral/useReferralRun.ts';
import { useReferralSources } from './referral/useReferralSources.ts';
import { AccessPanel } from './AccessPanel.tsx';
import { CatchmentTip } from './CatchmentTip.tsx';
import { FacilityPopup } from './FacilityPopup.tsx';
import { MapLegend } from './MapLegend.tsx';
import { MapToolbar } from './MapToolbar.tsx';
import { FACILITY_MARKS } from './palette.ts';
import { useAccessRun } from './useAccessRun.ts';
import { useBoundaries } from './useBoundaries.ts';
import { SideTabs, type Side } from './SideTabs.tsx';
import { useFacilityEditing, type ClickTaker } from './useFacilityEditing.ts';
import { useFitPlan } from './useFitPlan.ts';
import { useMapInstance } from './useMapInstance.ts';
import { useRoads } from './useRoads.ts';
import { useMapSources } from './useMapSources.ts';
import { useTownshipGaps } from './useTownshipGaps.ts';
import './map.css';

export function MapView() {
  const { t, lang } = useLang();
  const { units, facilities, status } = useAppData();
  const plan = status?.plan ?? null;
  const readOnly = !!plan?.readOnly;
  const nameOf = useScenarioName();
  const scenarioName = nameOf(useActiveScenario()) || null;
  const container = useRef<HTMLDivElement>(null);
  const { map, failed, restored } = useMapInstance(container, plan?.path ?? null, lang);

  // The target colouring the streets/towns and the side panel shown are kept while the plan is open.
  const [targetId, setTargetId] = useKept<string | null>('map.target', null);
  const gaps = useTownshipGaps(targetId);
  const boundaries = useBoundaries();
  const roads = useRoads(map);
  const access = useAccessRun();
  const siting = useSitingRun();
  const [side, setSideState] = useKept<Side>('map.side', 'access');
  const onSiting = side === 'siting';
  const onReferral = side === 'referral';
  const referral = useReferralRun(onReferral);
  const onAccess = !onSiting && !onReferral;
  // While siting picks candidate points, a click on the map is one of them (not a facility).
  const takeClick: ClickTaker = useRef(null);
  takeClick.current = onSiting && siting.picking ? siting.addMapSite : null;
  const editing = useFacilityEditing(map, readOnly, takeClick);
  const { selected, setMode, select } = editing;
  const { setPicking } = siting;
  const setSide = useCallback(
    (s: Side) => {
      setSideState(s);
      if (s !== 'siting') setPicking(false);
    },
    [setSideState, setPicking],
  );
  const pick = useCallback(
    (on: boolean) => {
      if (on) {
        setMode('browse');
        select(null);
      }
      setPicking(on);
    },
    [setMode, select, setPicking],
  );
  useEffect(() => {
    if (editing.mode !== 'browse') setPicking(false);
  }, [editing.mode, setPicking]);

  const shownAt = useMapSources(map, {
    units,
    facilities,
    boundaries,
    roads,
    statuses: gaps.statuses,
    access: onAccess ? access.result : null,
    selected,
    ghost: editing.ghost,
    otherDemand: onSiting && !!siting.result,
  });
  useSitingSources(map, onSiting ? siting : null);
  useReferralSources(map, onReferral ? referral.result : null);
  useFitPlan(map, units, restored);

  const types = useMemo(() => {
    const present = new Set(facilities?.map((f) => f.type));
    return (Object.keys(FACILITY_MARKS) as FacilityType[]).filter((x) => present.has(x));
  }, [facilities]);
  const target = targetId ? gaps.targets.find((x) => x.id === targetId) : undefined;

  const locate = useCallback(
    (code: string) => {
      const u = units?.find((x) => x.code === code);
      if (!map || !u || u.lon === null || u.lat === null) return;
      map.flyTo({ center: [u.lon, u.lat], zoom: Math.max(map.getZoom(), 11.5), duration: 600 });
    },
    [map, units],
  );
  const fly = useCallback(
    (lon: number, lat: number) => {
      map?.flyTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), 13.5), duration: 600 });
    },
    [map],
  );
  const head = <SideTabs side={side} onSide={setSide} />;
  const picking = onSiting && siting.picking;

  return (
    <div className="map-view" data-testid="map-view">
      <MapToolbar
        targets={gaps.targets}
        targetId={target ? targetId : null}
        onTarget={setTargetId}
        addType={editing.addType}
        onAddType={editing.setAddType}
        mode={editing.mode}
        onMode={editing.setMode}
        readOnly={readOnly}
        scenarioName={scenarioName}
        gapsError={gaps.error}
      />
      <div className="map-body">
        <div className={`map-stage is-${picking ? 'add' : editing.mode}`}>
          <div ref={container} className="map-canvas" data-testid="map-canvas" data-ready={map ? 'true' : 'false'} />
          {failed && (
            <div className="map-failed" role="alert" data-testid="map-failed">
              {t('map.failed', { message: failed })}
            </div>
          )}
          {!map && !failed && <div className="map-loading">{t('map.loading')}</div>}
          {(editing.mode !== 'browse' || picking) && (
            <div className="map-mode-hint" role="status" data-testid="map-mode-hint">
              {picking
                ? t('map.siting.cand.pickHint')
                : editing.mode === 'add'
                  ? t('map.add.hint', { type: enumLabel('facilityType', editing.addType, lang) })
                  : t('map.popup.moveHint')}
            </div>
          )}
          <MapLegend
            target={target && gaps.statuses ? { name: target.name, counts: gaps.counts } : null}
            access={onAccess ? access.result : null}
            types={types}
            overlay={
              onSiting && (siting.result || siting.settings.listSites.length + siting.settings.mapSites.length > 0) ? (
                <SitingLegend result={siting.result} planner={siting.settings.listSites.length + siting.settings.mapSites.length > 0} />
              ) : onReferral && referral.result ? (
                <ReferralLegend result={referral.result} />
              ) : null
            }
          />
          <CatchmentTip map={map} on={onAccess && !!access.result?.areas?.catchments} />
          {map && selected && shownAt && (
            <FacilityPopup
              map={map}
              facility={selected}
              at={shownAt}
              mode={editing.mode}
              readOnly={readOnly}
              saving={editing.saving}
              onMove={() => editing.setMode(editing.mode === 'move' ? 'browse' : 'move')}
              onRemove={editing.remove}
              onClose={() => {
                editing.select(null);
                editing.setMode('browse');
              }}
            />
          )}
        </div>
        {onSiting ? (
          <SitingPanel siting={siting} head={head} onPicking={pick} onFly={fly} onLocate={locate} />
        ) : onReferral ? (
          <ReferralPanel referral={referral} head={head} onFly={fly} />
        ) : (
          <AccessPanel access={access} onLocate={locate} head={head} />
        )}
      </div>
    </div>
  );
}
