/** 行政区划: the units of the active scenario as an editable tree. */
import { useCallback, useMemo } from 'react';
import { UNIT_COLUMNS } from '../../../shared/model/columns.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi, type RowCounts } from '../../ui/state/UiContext.tsx';
import type { CellValue } from '../../ui/state/types.ts';
import { modelColumns } from '../../ui/table/columnDefs.tsx';
import { DataGrid } from '../../ui/table/DataGrid.tsx';
import { useRevealAsk } from '../../ui/table/useRowReveal.ts';
import { buildUnitTree, defaultExpandedUnits, type UnitNode } from './unitTree.ts';

const getRowId = (u: UnitNode) => u.code;
const getSubRows = (u: UnitNode) => u.children;
const HIDDEN = ['lon', 'lat'];

export function UnitsView() {
  const { lang } = useLang();
  const { units, status } = useAppData();
  const { updateUnit } = useAppActions();
  const { notify, setCounts } = useUi();

  const roots = useMemo(() => (units ? buildUnitTree(units) : null), [units]);
  const expanded = useMemo(() => (roots ? defaultExpandedUnits(roots) : undefined), [roots]);
  const columns = useMemo(
    () =>
      modelColumns<UnitNode>(UNIT_COLUMNS, {
        lang,
        keyField: 'code',
        searchable: ['name', 'code'],
        size: { name: 250, code: 130, parent_code: 130 },
      }),
    [lang],
  );

  const onCommit = useCallback((row: UnitNode, field: string, value: CellValue) => updateUnit(row.code, field, value), [updateUnit]);
  const onRefuse = useCallback((m: string) => notify(m, 'error'), [notify]);
  const onCounts = useCallback((c: RowCounts) => setCounts('units', c), [setCounts]);
  const reveal = useRevealAsk('units');

  return (
    <DataGrid<UnitNode>
      gridId="units"
      data={roots}
      columns={columns}
      getRowId={getRowId}
      getSubRows={getSubRows}
      pinned="name"
      defaultHidden={HIDDEN}
      defaultExpanded={expanded}
      dataKey={status?.plan?.path}
      readOnly={!!status?.plan?.readOnly}
      onCommit={onCommit}
      onRefuseEdit={onRefuse}
      onCounts={onCounts}
      {...reveal}
    />
  );
}
