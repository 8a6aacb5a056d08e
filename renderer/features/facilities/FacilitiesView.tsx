/** 医疗卫生机构: the facilities of the active scenario, flat or grouped by county / street / type. */
import { useCallback, useMemo } from 'react';
import { FACILITY_COLUMNS } from '../../../shared/model/columns.ts';
import type { Facility } from '../../../shared/model/entities.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi, type RowCounts } from '../../ui/state/UiContext.tsx';
import type { CellValue } from '../../ui/state/types.ts';
import { derivedColumn, modelColumns } from '../../ui/table/columnDefs.tsx';
import { DataGrid } from '../../ui/table/DataGrid.tsx';
import { useRevealAsk } from '../../ui/table/useRowReveal.ts';
import type { GridColumnDef } from '../../ui/table/gridFeatures.ts';
import { usePersistentState } from '../../ui/table/usePersistentState.ts';
import { unitPlaces } from './unitLookup.ts';

const getRowId = (f: Facility) => f.id;
const HIDDEN = ['lon', 'lat', 'street', 'bachelor_or_above', 'senior_or_intermediate_titles', 'public_health_staff', 'tcm_pavilion', 'elderly_rehab_room'];
const GROUPINGS = { none: [], county: ['county'], street: ['county', 'street'], type: ['type'] } as const satisfies Record<string, readonly string[]>;
type GroupingKey = keyof typeof GROUPINGS;

export function FacilitiesView() {
  const { t, lang } = useLang();
  const { facilities, units, status } = useAppData();
  const { updateFacility } = useAppActions();
  const { notify, setCounts } = useUi();
  const [groupBy, setGroupBy] = usePersistentState<GroupingKey>('healthplan.grid.facilities.groupBy', 'none');

  const places = useMemo(() => unitPlaces(units ?? []), [units]);
  const columns = useMemo(() => {
    const place = (f: Facility) => places.get(f.unit_code);
    const model = modelColumns<Facility>(FACILITY_COLUMNS, {
      lang,
      keyField: 'id',
      searchable: ['name', 'id', 'unit_code'],
      size: { name: 260, id: 130, unit_code: 220 },
      searchText: { unit_code: (f) => `${f.unit_code} ${place(f)?.name ?? ''}` },
      cell: {
        unit_code: (ctx) => {
          const code = ctx.getValue() as string | undefined;
          const name = code ? places.get(code)?.name : undefined;
          return name ? (
            <>
              {name}
              <span className="cell-sub">{code}</span>
            </>
          ) : (
            code
          );
        },
      },
    }).map((c) => (c.id === 'type' ? { ...c, enableGrouping: true } : c));
    const at = model.findIndex((c) => c.id === 'unit_code') + 1;
    const derived: GridColumnDef<Facility>[] = [
      derivedColumn<Facility>('county', t('derived.county'), (f) => place(f)?.county, 110),
      derivedColumn<Facility>('street', t('derived.street'), (f) => place(f)?.street, 130),
    ];
    return [...model.slice(0, at), ...derived, ...model.slice(at)];
  }, [lang, places, t]);

  const onCommit = useCallback((row: Facility, field: string, value: CellValue) => updateFacility(row.id, field, value), [updateFacility]);
  const onRefuse = useCallback((m: string) => notify(m, 'error'), [notify]);
  const onCounts = useCallback((c: RowCounts) => setCounts('facilities', c), [setCounts]);
  const reveal = useRevealAsk('facilities');
  const grouping = GROUPINGS[groupBy] ?? GROUPINGS.none;

  const groupSelect = (
    <label className="tool-label">
      {t('grid.group')}{' '}
      <select className="tool-select" value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupingKey)} data-testid="facilities-group-by">
        {(Object.keys(GROUPINGS) as GroupingKey[]).map((k) => (
          <option key={k} value={k}>
            {t(`groupBy.${k}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <DataGrid<Facility>
      gridId="facilities"
      data={facilities}
      columns={columns}
      getRowId={getRowId}
      grouping={grouping as unknown as string[]}
      pinned="name"
      defaultHidden={HIDDEN}
      readOnly={!!status?.plan?.readOnly}
      onCommit={onCommit}
      onRefuseEdit={onRefuse}
      toolbarExtra={groupSelect}
      onCounts={onCounts}
      {...reveal}
    />
  );
}
