/** UI strings, English. Same keys as zh-CN.ts (checked by the `Resources` type). */
import type { Resources } from './zh-CN.ts';
import { gapsStrings } from './strings/gaps.ts';
import { standardsStrings } from './strings/standards.ts';
import { mapStrings } from './strings/map.ts';
import { roadsStrings } from './strings/roads.ts';
import { timelineStrings } from './strings/timeline.ts';
import { compareStrings } from './strings/compare.ts';
import { allocationStrings } from './strings/allocation.ts';
import { briefingStrings } from './strings/briefing.ts';
import { checkStrings } from './strings/check.ts';
import { importMappingStrings } from './strings/io.ts';

export const en: Resources = {
  app: { title: 'HealthPlan', loading: 'Opening the plan…', startFailed: 'Cannot start: {{message}}', retry: 'Retry', ended: 'HealthPlan has ended; the plan is saved. You can close this window.' },
  menu: { file: 'File', edit: 'Edit', scenario: 'Scenario', view: 'View' },
  file: {
    new: 'New plan…', open: 'Open plan…', openSample: 'Open the sample plan', recent: 'Open recent', recentEmpty: '(no recent files)',
    saveAs: 'Save as…', renamePlan: 'Rename plan…', importUnits: 'Import units…', importFacilities: 'Import facilities…', importPopulations: 'Import populations by year…', roads: 'Roads and boundaries…',
    exportUnits: 'Export units', exportFacilities: 'Export facilities', exportPopulations: 'Export populations by year', template: 'Save import template…', quit: 'Quit',
    exported: 'Exported {{file}}', exporting: 'Exporting…',
  },
  format: { xlsx: 'Excel workbook (.xlsx)', csv: 'CSV text (.csv)' },
  edit: { undo: 'Undo', redo: 'Redo', undoWhat: 'Undo {{what}}', redoWhat: 'Redo {{what}}', nothing: 'Nothing to undo', placeMoveRemove: 'placed/moved/removed', undone: 'Undone: {{what}}', redone: 'Redone: {{what}}' },
  tabs: { dashboard: 'Overview', units: 'Administrative units', facilities: 'Health facilities', gaps: 'Gaps', map: 'Map & access', timeline: 'Projects', compare: 'Compare', allocation: 'Allocate' },
  gaps: gapsStrings.en,
  map: mapStrings.en,
  roads: roadsStrings.en,
  timeline: timelineStrings.en,
  compare: compareStrings.en,
  allocation: allocationStrings.en,
  briefing: briefingStrings.en,
  check: checkStrings.en,
  standards: standardsStrings.en,
  sep: { semi: '; ', comma: ', ', list: ', ', or: '/', meta: ' · ', aside: ' — ', clause: '; ' },
  lang: { label: 'Language', zh: '中文', en: 'English' },
  scenario: {
    plannedYear: 'Put in as projects of a year', plannedYearLabel: 'Year done',
    plannedYearOn: 'Goes into the new scenario as projects of that year (new, upgrade or expansion); the gaps count it from that year on.',
    plannedYearOff: 'Goes straight into the new scenario\'s facilities (counted as if built now).',
    label: 'Scenario', baseline: 'Baseline', active: 'active', new: 'New scenario…', duplicate: 'Duplicate current scenario…', rename: 'Rename scenario…', delete: 'Delete scenario…',
    baselineLocked: 'The baseline cannot be renamed or deleted', createTitle: 'New scenario', duplicateTitle: 'Duplicate scenario', renameTitle: 'Rename scenario', deleteTitle: 'Delete scenario',
    name: 'Scenario name', copyFrom: 'Start from', fromBaseline: 'A copy of the baseline', fromCurrent: 'A copy of the current scenario “{{name}}”',
    defaultName: 'Scenario {{n}}', copyName: '{{name}} copy',
    deleteConfirm: 'Delete scenario “{{name}}”? All its units, facilities and edit history will be deleted. This cannot be undone.',
    created: 'Created scenario “{{name}}”', deleted: 'Deleted scenario “{{name}}”', switched: 'Switched to scenario “{{name}}”',
    editsGoTo: 'Edits go to the active scenario',
  },
  plan: {
    newTitle: 'New plan', openTitle: 'Open plan', saveAsTitle: 'Save plan as', renameTitle: 'Rename plan',
    name: 'Plan name', path: 'File path', browse: 'Browse…', pathHint: 'Full path of the plan file (.hplan); a bare file name is saved in the default folder: {{dir}}',
    recent: 'Recent plans', noRecent: 'No recent plans', create: 'Create', open: 'Open', save: 'Save',
    defaultFile: 'new-plan.hplan', copySuffix: 'copy', opened: 'Opened {{name}}',
  },
  dialog: { ok: 'OK', cancel: 'Cancel', close: 'Close', delete: 'Delete', working: 'Please wait…', errorCode: 'Error code: {{code}}' },
  status: {
    file: 'File', noPlan: 'No plan open', saved: 'Saved', savedAt: 'Saved {{time}}', saving: 'Saving…', readOnly: 'Read-only',
    scenario: 'Scenario: {{name}}', units: '{{n}} units', facilities: '{{n}} facilities',
    shown: 'Showing {{shown}} / {{total}} rows', sample: 'Sample data — some figures are estimates', version: 'Version {{v}}',
  },
  grid: {
    search: 'Search names, codes…', filters: 'Filters', clearFilters: 'Clear filters', columns: 'Columns', showAll: 'Show all', resetColumns: 'Default columns',
    expandAll: 'Expand all', collapseAll: 'Collapse all', group: 'Group', empty: 'No rows match', noData: 'This table has no data yet: use File → {{item}} to import an Excel or CSV file.', loading: 'Loading…',
    min: 'min', max: 'max', any: '(all)', blank: '(empty)', contains: 'contains…', expand: 'Expand', collapse: 'Collapse',
    groupCount: '{{n}} facilities', editHint: 'Double-click or press Enter to edit, Esc to cancel', readOnly: 'The plan is read-only',
    notEditable: '“{{col}}” identifies the row and cannot be edited here; change it by import', saving: 'Saving…', resetWidth: 'Double-click to reset the width',
    sortHint: 'Click to sort, Shift-click to sort by several columns',
  },
  groupBy: { none: 'No grouping', county: 'By county/district', street: 'By county and street/town', type: 'By facility type' },
  derived: { county: 'County/district', street: 'Street/town', unitName: 'Unit' },
  values: { yes: 'Yes', no: 'No', urban: 'Urban', rural: 'Rural' },
  cell: {
    required: 'This column is required', notNumber: 'Enter a number, e.g. 12', notInt: 'Enter a whole number', belowMin: 'Must be at least {{min}}',
    aboveMax: 'Must be at most {{max}}', badBool: 'Choose yes or no', badEnum: 'Choose from the list', excelError: 'This is an Excel formula error; enter a value',
    scientificCode: 'The code was written in scientific notation; enter the full code',
  },
  io: {
    importUnitsTitle: 'Import administrative units', importFacilitiesTitle: 'Import health facilities', importPopulationsTitle: 'Import populations by year',
    populationsHint: 'One row per unit and year (区划代码, 年份, 常住人口, 0-3岁人口, 65岁及以上人口), or one column per year (headers like 2025年常住人口). Gaps take the population of the target year: that year\'s figure, a line between two years, or else the unit\'s (or its parent\'s) annual growth rate. Empty cells keep the plan\'s figures.', file: 'File', chooseFile: 'Choose a .xlsx or .csv file',
    noFile: 'No file chosen', crs: 'Coordinates', wgs84: 'WGS-84 (GPS, Tianditu)', gcj02: 'GCJ-02 (Amap, Tencent)', bd09: 'BD-09 (Baidu)',
    dryRun: 'Check only, do not write', run: 'Import', check: 'Check', running: 'Importing…', readingFile: 'Reading the file…',
    into: 'Into scenario “{{name}}”', hint: 'Rows are written only if every row passes; if anything is wrong, nothing is written. Chinese headers are accepted; see the import template.',
    failed: 'Import failed: nothing was written', problems: '{{n}} problems; fix the file and import again:', truncated: '{{n}} more problems not listed',
    success: 'Imported: {{added}} added, {{changed}} changed, {{unchanged}} unchanged',
    dryRunOk: 'Check passed (nothing written): {{added}} would be added, {{changed}} changed, {{unchanged}} unchanged',
    ignored: 'Columns not recognised and ignored: {{cols}}', encoding: 'Encoding: {{enc}}, {{rows}} data rows',
    row: 'Row', column: 'Column', value: 'Value', message: 'What to fix', wholeFile: 'whole file',
    templateTitle: 'Save import template', templateTable: 'Template', templateFormat: 'Format', units: 'Administrative units', facilities: 'Health facilities',
    templateHint: 'The template’s second sheet explains every column and the values it accepts.',
    mapping: importMappingStrings.en,
  },
};
