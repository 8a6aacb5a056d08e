/**
 * 界面文字（简体中文，默认）. Column headers, kinds, types and the 是/否 · 城镇/农村 words come from
 * shared/model (see labels.ts) and are not repeated here.
 */
import type { English } from './shape.ts';
import { boolLabels } from '../../../shared/model/cells.ts';
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

export const zhCN = {
  app: { title: 'HealthPlan 卫健资源规划台', loading: '正在打开方案…', startFailed: '无法启动：{{message}}', retry: '重试', ended: 'HealthPlan 已退出，方案已保存。可以关闭此窗口。' },
  menu: { file: '文件', edit: '编辑', scenario: '情景', view: '视图' },
  file: {
    new: '新建方案…', open: '打开方案…', openSample: '打开示例方案', recent: '最近打开', recentEmpty: '（无最近文件）',
    saveAs: '另存为…', renamePlan: '重命名方案…', importUnits: '导入单位…', importFacilities: '导入机构…', importPopulations: '导入分年份人口…', roads: '路网与边界…',
    exportUnits: '导出单位', exportFacilities: '导出机构', exportPopulations: '导出分年份人口', template: '保存导入模板…', quit: '退出',
    exported: '已导出 {{file}}', exporting: '正在导出…',
  },
  format: { xlsx: 'Excel 工作簿 (.xlsx)', csv: 'CSV 文本 (.csv)' },
  edit: { undo: '撤销', redo: '重做', undoWhat: '撤销 {{what}}', redoWhat: '重做 {{what}}', nothing: '没有可撤销的操作', placeMoveRemove: '新增/移动/删除', undone: '已撤销：{{what}}', redone: '已重做：{{what}}' },
  tabs: { dashboard: '总览', units: '行政区划', facilities: '医疗卫生机构', gaps: '差距分析', map: '地图与可及性', timeline: '规划项目', compare: '情景比较', allocation: '资源配置' },
  gaps: gapsStrings.zh,
  map: mapStrings.zh,
  roads: roadsStrings.zh,
  timeline: timelineStrings.zh,
  compare: compareStrings.zh,
  allocation: allocationStrings.zh,
  briefing: briefingStrings.zh,
  check: checkStrings.zh,
  standards: standardsStrings.zh,
  /** Between the items of a list: semi ；, comma ，, list 、, or 、, meta a wide space, aside ，. */
  sep: { semi: '；', comma: '，', list: '、', or: '、', meta: '　', aside: '，', clause: '，' },
  lang: { label: '语言', zh: '中文', en: 'English' },
  scenario: {
    plannedYear: '按年份列为规划项目', plannedYearLabel: '完成年份',
    plannedYearOn: '将作为该年的规划项目（新建、升级或扩建）写入新情景，差距分析从该年起计入。',
    plannedYearOff: '直接写入新情景的机构表（按现状计入）。',
    label: '情景', baseline: '基线', active: '当前', new: '新建情景…', duplicate: '复制当前情景…', rename: '重命名情景…', delete: '删除情景…',
    baselineLocked: '基线不能重命名或删除', createTitle: '新建情景', duplicateTitle: '复制情景', renameTitle: '重命名情景', deleteTitle: '删除情景',
    name: '情景名称', copyFrom: '数据来源', fromBaseline: '复制基线', fromCurrent: '复制当前情景「{{name}}」',
    defaultName: '情景 {{n}}', copyName: '{{name}} 副本',
    deleteConfirm: '删除情景「{{name}}」？该情景中的全部单位、机构和修改记录都将被删除，且不能撤销。',
    created: '已新建情景「{{name}}」', deleted: '已删除情景「{{name}}」', switched: '已切换到情景「{{name}}」',
    editsGoTo: '修改将写入当前情景',
  },
  plan: {
    newTitle: '新建方案', openTitle: '打开方案', saveAsTitle: '方案另存为', renameTitle: '重命名方案',
    name: '方案名称', path: '文件路径', browse: '浏览…', pathHint: '方案文件（.hplan）的完整路径；只写文件名时保存在默认文件夹：{{dir}}',
    recent: '最近打开', noRecent: '没有最近打开的方案', create: '创建', open: '打开', save: '保存',
    defaultFile: '新方案.hplan', copySuffix: '副本', opened: '已打开 {{name}}',
  },
  dialog: { ok: '确定', cancel: '取消', close: '关闭', delete: '删除', working: '请稍候…', errorCode: '错误代码：{{code}}' },
  status: {
    file: '文件', noPlan: '未打开方案', saved: '已保存', savedAt: '已保存 {{time}}', saving: '保存中…', readOnly: '只读',
    scenario: '情景：{{name}}', units: '单位 {{n}} 个', facilities: '机构 {{n}} 所',
    shown: '显示 {{shown}} / {{total}} 行', sample: '示例数据 — 部分数值为估算', version: '版本 {{v}}',
  },
  grid: {
    search: '搜索名称、代码…', filters: '筛选', clearFilters: '清除筛选', columns: '列', showAll: '全部显示', resetColumns: '恢复默认列',
    expandAll: '全部展开', collapseAll: '全部折叠', group: '分组', empty: '没有符合条件的行', noData: '这张表还没有数据：请用「文件 → {{item}}」从 Excel 或 CSV 文件导入。', loading: '正在加载…',
    min: '最小', max: '最大', any: '（全部）', blank: '（空）', contains: '包含…', expand: '展开', collapse: '折叠',
    groupCount: '{{n}} 所', editHint: '双击或按 Enter 编辑，Esc 取消', readOnly: '方案为只读，不能编辑',
    notEditable: '「{{col}}」是行的标识，不能在表格中修改；请用导入修改', saving: '保存中…', resetWidth: '双击恢复列宽',
    sortHint: '点击排序，按住 Shift 多列排序',
  },
  groupBy: { none: '不分组', county: '按区县', street: '按区县、街道（乡镇）', type: '按机构类型' },
  derived: { county: '所属区县', street: '所属街道（乡镇）', unitName: '所在区划' },
  values: { yes: boolLabels('x').yes, no: boolLabels('x').no, urban: boolLabels('urban').yes, rural: boolLabels('urban').no },
  cell: {
    required: '此列必须填写', notNumber: '请输入数字，如 12', notInt: '请输入整数（不带小数）', belowMin: '不能小于 {{min}}',
    aboveMax: '不能大于 {{max}}', badBool: '请选择是或否', badEnum: '请从列表中选择', excelError: '这是 Excel 公式错误，请填写数值',
    scientificCode: '代码被写成了科学计数法，请填写完整代码',
  },
  io: {
    importUnitsTitle: '导入单位（行政区划）', importFacilitiesTitle: '导入医疗卫生机构', importPopulationsTitle: '导入分年份人口',
    populationsHint: '每行一个单位一年（区划代码、年份、常住人口、0-3岁人口、65岁及以上人口），或每年一列（表头如「2025年常住人口」）。差距分析按目标年份取人口：有该年数据用该年，两年之间插值，否则按单位（或上级）的人口年均增长率推算。空单元格保留方案中已有的数。', file: '文件', chooseFile: '选择 .xlsx 或 .csv 文件',
    noFile: '尚未选择文件', crs: '坐标系', wgs84: 'WGS-84（GPS、天地图）', gcj02: 'GCJ-02（高德、腾讯）', bd09: 'BD-09（百度）',
    dryRun: '只检查，不写入', run: '导入', check: '检查', running: '正在导入…', readingFile: '正在读取文件…',
    into: '导入到情景「{{name}}」', hint: '所有行全部通过检查才会写入；有任何问题则一行都不写入。表头可用中文，参见导入模板。',
    failed: '导入失败：未写入任何数据', problems: '共 {{n}} 个问题，请修改文件后重新导入：', truncated: '另有 {{n}} 个问题未列出',
    success: '导入完成：新增 {{added}} 条，修改 {{changed}} 条，未变 {{unchanged}} 条',
    dryRunOk: '检查通过（未写入）：将新增 {{added}} 条，修改 {{changed}} 条，未变 {{unchanged}} 条',
    ignored: '未识别、已忽略的列：{{cols}}', encoding: '文件编码：{{enc}}，数据行 {{rows}} 行',
    row: '行', column: '列', value: '值', message: '说明', wholeFile: '整个文件',
    templateTitle: '保存导入模板', templateTable: '模板', templateFormat: '格式', units: '单位（行政区划）', facilities: '医疗卫生机构',
    templateHint: '模板第二张表“说明”列出每一列的含义和可填写的值。',
    mapping: importMappingStrings.zh,
  },
} as const;

/** Same keys, every leaf a string (plus English `_one` singulars): the shape the English file must match. */
export type Resources = English<typeof zhCN>;
