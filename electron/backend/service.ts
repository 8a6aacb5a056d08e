/**
 * createPlannerService: the contract in shared/api implemented over plan files. Every door (Electron
 * IPC, the loopback web door, the CLI, tests) calls `invoke`, which validates the arguments against
 * the contract's schema before a handler sees them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { API, isApiMethod, type ApiArgs, type ApiMethod, type ApiResult, type PlannerService } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { invalidArgs } from '../../shared/api/say-issues.ts';
import { fileErrorOf, hasNul, nulPathError } from './file-errors.ts';
import { setMeta } from './db/meta.ts';
import { createPlanFile, openPlanFile, placeFile, sameFile } from './db/plan-file.ts';
import { editState, redo, undo } from './db/edit-log.ts';
import { createScenario, deleteScenario, getScenario, listScenarios, renameScenario } from './db/scenarios.ts';
import { listRows } from './db/tables.ts';
import { editCell } from './edit-cell.ts';
import { addFacility, moveFacility, removeFacility } from './place-facility.ts';
import { accessCoverageOf, accessHandlers } from './access/handlers.ts';
import { referralCoverageOf } from './referral/target.ts';
import { sitingHandlers } from './siting/handlers.ts';
import { referralHandlers } from './referral/handlers.ts';
import { allocationHandlers } from './allocation/handlers.ts';
import { programmeHandlers } from './programme/handlers.ts';
import { compareHandlers } from './compare/handlers.ts';
import { timelineHandlers } from './timeline/handlers.ts';
import { briefingHandlers } from './briefing/handlers.ts';
import { checkHandlers } from './check/handlers.ts';
import { mappingHandlers } from './io/mappings.ts';
import { typeHandlers } from './type-aliases.ts';
import { AnalysisRunner } from './worker/runner.ts';
import { importIntoPlan } from './import-into-plan.ts';
import { writeRows, writeTable, writeTemplate } from './io/write-sheet.ts';
import { POPULATION_SHEET_COLUMNS } from '../../shared/model/parse-populations.ts';
import { planInfo } from './plan-info.ts';
import { openSamplePlan, SAMPLE_FILE_NAME } from './sample/write-sample.ts';
import { Workspace, type WorkspaceOptions } from './workspace.ts';
import { copySet, deleteSet, getSet, listSets, saveSet } from './standards.ts';
import { evaluatePlanGaps, gapSettings, planGapStatuses, setGapSettings } from './gaps.ts';
import { writeGaps } from './io/write-gaps.ts';
import { isSamplePlan } from './io/sample-mark.ts';
import { listPopulations, upsertPopulations } from './db/populations.ts';
import { importPopulations } from './import-populations.ts';
import { importBoundaries, importRoads } from './import-roads.ts';
import { clearRoadNetwork, getPeakFactors, getRoadSpeeds, peakFactorsOut, setPeakFactors, setRoadSpeeds, storedRoadSummary } from './db/roads.ts';
import { boundaryCount } from './db/boundaries.ts';
import { boundaryCodes, mapBoundaries, mapBoundariesText, mapRoads, mapRoadsText } from './map-layers.ts';

export const APP_VERSION = '0.1.0';

const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv;charset=utf-8' } as const;
const TABLE_FILE = { units: '行政区划', facilities: '医疗卫生机构' } as const;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export interface ServiceOptions extends WorkspaceOptions {
  /** Ends the program (closing the service is the caller's part); without it `app.quit` is UNAVAILABLE. */
  quit?: () => void;
}

function handlers(ws: Workspace, runner: AnalysisRunner, quit: (() => void) | undefined): PlannerService {
  // Referral targets (转诊可及性) ride on the access provider: every caller that evaluates gaps gets both.
  const accessOf = Object.assign(accessCoverageOf(ws, runner), { referral: referralCoverageOf(ws, runner) });
  const info = () => planInfo(ws.requirePlan(), ws.savedAt);
  const scenario = (id: number) => {
    getScenario(ws.requirePlan().db, id);
    return id;
  };
  const plansPath = (p: string) => (path.isAbsolute(p) ? p : path.join(ws.plansDir, p));
  const withExt = (p: string) => (p.toLowerCase().endsWith('.hplan') ? p : `${p}.hplan`);

  const runImport = (
    files: {
      table: 'units' | 'facilities';
      fileName: string;
      dataBase64: string;
      mapping?: Record<string, string | null> | undefined;
      sheet?: string | undefined;
    }[],
    scenarioId: number,
    crs: 'wgs84' | 'gcj02' | 'bd09',
    dryRun: boolean,
  ) =>
    importIntoPlan(
      dryRun ? ws.requirePlan() : ws.requireWritable(),
      files.map((f) => ({
        table: f.table,
        fileName: f.fileName,
        bytes: Buffer.from(f.dataBase64, 'base64'),
        ...(f.mapping ? { mapping: f.mapping } : {}),
        sheet: f.sheet,
      })),
      { scenarioId, crs, dryRun },
      (fn) => ws.write(fn),
    );

  return {
    ...accessHandlers(ws, runner),
    ...sitingHandlers(ws, runner),
    ...referralHandlers(ws, runner),
    ...timelineHandlers(ws, accessOf),
    ...compareHandlers(ws, accessOf),
    ...allocationHandlers(ws, accessOf),
    ...programmeHandlers(ws, accessOf, runner),
    ...briefingHandlers(ws, runner, accessOf),
    ...checkHandlers(ws),
    ...mappingHandlers(ws),
    ...typeHandlers(ws),
    'app.status': () => ({
      plan: ws.plan ? info() : null,
      recent: ws.recent(),
      version: APP_VERSION,
      door: ws.door,
      plansDir: ws.plansDir,
      canQuit: !!quit,
    }),
    'app.quit': () => {
      if (!quit)
        throw new ApiError(
          'UNAVAILABLE',
          '此模式下不能从程序内退出：请关闭浏览器标签页或按 Ctrl+C',
          'This mode cannot be ended from inside: close the tab or press Ctrl+C',
        );
      setTimeout(quit, 200); // after the answer has gone back over the door
      return { quitting: true as const };
    },

    'app.pickPath': () => {
      throw new ApiError('UNAVAILABLE', '此模式下没有系统文件对话框：请直接填写路径', 'No system file dialog here: type the path');
    },

    'plan.new': ({ path: p, name }) => {
      const file = withExt(plansPath(p));
      ws.setPlan(createPlanFile(file, name ?? path.basename(file, '.hplan')));
      return info();
    },
    'plan.open': ({ path: p }) => {
      const file = plansPath(p);
      if (ws.plan && sameFile(file, ws.plan.path)) return info(); // the open plan, by whatever spelling: kept, not refused LOCKED
      ws.setPlan(openPlanFile(file));
      return info();
    },
    'plan.openSample': () => {
      const file = path.join(ws.plansDir, SAMPLE_FILE_NAME);
      if (ws.plan && sameFile(file, ws.plan.path)) return info();
      ws.setPlan(openSamplePlan(file)); // written whole if missing (or left half-made by an older version)
      return info();
    },
    'plan.saveAs': ({ path: p }) => {
      const src = ws.requirePlan();
      const file = withExt(plansPath(p));
      if (fs.existsSync(file)) throw new ApiError('CONFLICT', `文件已存在：${file}`, `The file already exists: ${file}`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.saving`;
      try {
        src.db.prepare('VACUUM INTO ?').run(tmp); // a consistent copy, written aside, then moved into place
        placeFile(tmp, file); // fsynced before it appears; never over a file made meanwhile
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw (
          fileErrorOf(e, file) ?? new ApiError('FILE_ERROR', `无法另存为 ${file}：${(e as Error).message}`, `Cannot save as ${file}: ${(e as Error).message}`)
        );
      }
      ws.setPlan(openPlanFile(file));
      return info();
    },
    'plan.info': () => info(),
    'plan.rename': ({ name }) => {
      ws.write((p) => setMeta(p.db, 'name', name));
      return info();
    },

    'scenarios.list': () => listScenarios(ws.requirePlan().db),
    'scenarios.create': ({ name, copyFrom }) => ws.write((p) => createScenario(p.db, name, copyFrom)),
    'scenarios.rename': ({ id, name }) => ws.write((p) => renameScenario(p.db, id, name)),
    'scenarios.delete': ({ id }) => {
      ws.write((p) => deleteScenario(p.db, id));
      return { deleted: id };
    },

    'units.list': ({ scenarioId }) => listRows(ws.requirePlan().db, 'units', scenario(scenarioId)),
    'facilities.list': ({ scenarioId }) => listRows(ws.requirePlan().db, 'facilities', scenario(scenarioId)),
    'units.update': ({ scenarioId, code, field, value }) => ws.write((p) => editCell(p, 'units', scenario(scenarioId), code, field, value)),
    'facilities.update': ({ scenarioId, id, field, value }) => ws.write((p) => editCell(p, 'facilities', scenario(scenarioId), id, field, value)),
    'facilities.add': ({ scenarioId, ...f }) => ws.write((p) => addFacility(p, scenario(scenarioId), f)),
    'facilities.move': ({ scenarioId, id, lon, lat }) => ws.write((p) => moveFacility(p, scenario(scenarioId), id, lon, lat)),
    'facilities.remove': ({ scenarioId, id }) => {
      ws.write((p) => removeFacility(p, scenario(scenarioId), id));
      return { removed: id };
    },

    'edits.state': ({ scenarioId }) => editState(ws.requirePlan().db, scenario(scenarioId)),
    'edits.undo': ({ scenarioId }) => ws.write((p) => undo(p.db, scenario(scenarioId))),
    'edits.redo': ({ scenarioId }) => ws.write((p) => redo(p.db, scenario(scenarioId))),

    'table.import': async ({ table, scenarioId, file, crs, dryRun, mapping, sheet }) => {
      const [report] = await runImport([{ table, ...file, mapping, sheet }], scenario(scenarioId), crs, dryRun);
      return report!;
    },
    'tables.import': async ({ scenarioId, units, facilities, crs, dryRun }) => {
      const files = [units && { table: 'units' as const, ...units }, facilities && { table: 'facilities' as const, ...facilities }].filter(
        (f) => f !== undefined,
      );
      if (files.length === 0) throw new ApiError('INVALID_ARGS', '请至少给出一个要导入的文件', 'Give at least one file to import');
      const reports = await runImport(files, scenario(scenarioId), crs, dryRun);
      return { ok: reports.every((r) => r.ok), reports };
    },
    'table.export': async ({ table, scenarioId, format }) => {
      const p = ws.requirePlan();
      const rows = listRows(p.db, table, scenario(scenarioId));
      const name = path.basename(p.path, '.hplan');
      return { fileName: `${name}-${TABLE_FILE[table]}.${format}`, dataBase64: b64(await writeTable(table, rows, format)), mimeType: MIME[format] };
    },
    'standards.list': () => listSets(ws.requirePlan().db),
    'standards.get': ({ id }) => getSet(ws.requirePlan().db, id),
    'standards.copy': ({ from, id, name }) => ws.write((p) => copySet(p.db, from, id, name)),
    'standards.save': ({ set }) => ws.write((p) => saveSet(p.db, set)),
    'standards.delete': ({ id }) => {
      ws.write((p) => deleteSet(p.db, id));
      return { deleted: id };
    },
    'gaps.settings': () => gapSettings(ws.requirePlan().db),
    'gaps.setSettings': (s) => ws.write((p) => setGapSettings(p.db, s)),
    'gaps.evaluate': (q) => evaluatePlanGaps(ws.requirePlan().db, { ...q, scenarioId: scenario(q.scenarioId) }, accessOf),
    'gaps.statuses': (q) => planGapStatuses(ws.requirePlan().db, { ...q, scenarioId: scenario(q.scenarioId) }, accessOf),
    'gaps.export': async ({ format, ...q }) => {
      const p = ws.requirePlan();
      const report = await evaluatePlanGaps(p.db, { ...q, scenarioId: scenario(q.scenarioId) }, accessOf);
      return {
        fileName: `${path.basename(p.path, '.hplan')}-差距-${report.standard}-${report.year}.${format}`,
        dataBase64: b64(await writeGaps(report, format, { sample: isSamplePlan(p.db) })),
        mimeType: MIME[format],
      };
    },

    'populations.list': ({ scenarioId, code }) => listPopulations(ws.requirePlan().db, scenario(scenarioId), code),
    'populations.set': ({ scenarioId, figures }) =>
      ws.write((p) => {
        const codes = new Set(listRows(p.db, 'units', scenario(scenarioId)).map((u) => u.code));
        const unknown = figures.find((f) => !codes.has(f.code));
        if (unknown)
          throw new ApiError('INVALID_ARGS', `「${unknown.code}」不是当前情景中的区划代码`, `"${unknown.code}" is not the code of a unit in this scenario`);
        return upsertPopulations(p.db, scenarioId, figures, { merge: false });
      }),
    'populations.export': async ({ scenarioId, format }) => {
      const p = ws.requirePlan();
      const names = new Map(listRows(p.db, 'units', scenario(scenarioId)).map((u) => [u.code, u.name]));
      const rows = listPopulations(p.db, scenarioId).map((f) => ({ ...f, name: names.get(f.code) ?? null }));
      const bytes = await writeRows(POPULATION_SHEET_COLUMNS, '人口', rows, format);
      return { fileName: `${path.basename(p.path, '.hplan')}-分年份人口.${format}`, dataBase64: b64(bytes), mimeType: MIME[format] };
    },
    'populations.import': ({ scenarioId, file, dryRun, mapping, sheet }) =>
      importPopulations(
        dryRun ? ws.requirePlan() : ws.requireWritable(),
        { fileName: file.fileName, bytes: Buffer.from(file.dataBase64, 'base64'), ...(sheet !== undefined ? { sheet } : {}) },
        { scenarioId: scenario(scenarioId), dryRun, mapping },
        (fn) => ws.write(fn),
      ),
    'table.template': async ({ table, format }) => ({
      fileName: `导入模板-${TABLE_FILE[table]}.${format}`,
      dataBase64: b64(await writeTemplate(table, format)),
      mimeType: MIME[format],
    }),

    // ── Road network and unit boundaries (路网、单位边界), plan-wide ──
    'roads.import': ({ file, crs, dryRun }) => {
      if (dryRun) ws.requirePlan();
      else ws.requireWritable(); // before reading a large file
      return importRoads(
        { fileName: file.fileName, bytes: Buffer.from(file.dataBase64, 'base64') },
        { crs, dryRun, onProgress: (done, total) => ws.onProgress?.('roads', done, total) },
        (fn) => ws.write(fn),
      );
    },
    'roads.summary': () => {
      const db = ws.requirePlan().db;
      const r = storedRoadSummary(db);
      return {
        segments: r.segments,
        points: r.points,
        km: r.km,
        kmByClass: r.kmByClass,
        bbox: r.bbox,
        importedAt: r.importedAt ?? null,
        speeds: getRoadSpeeds(db),
      };
    },
    'roads.setSpeeds': ({ speeds }) => ws.write((p) => setRoadSpeeds(p.db, speeds)),
    'roads.peakFactors': () => peakFactorsOut(getPeakFactors(ws.requirePlan().db)),
    'roads.setPeakFactors': ({ urban, rural, reset }) => peakFactorsOut(ws.write((p) => setPeakFactors(p.db, { urban, rural }, reset))),
    'roads.clear': () => ({ deleted: ws.write((p) => clearRoadNetwork(p.db)) }),
    'boundaries.import': ({ file, crs, dryRun, replace }) =>
      importBoundaries(
        dryRun ? ws.requirePlan() : ws.requireWritable(),
        { fileName: file.fileName, bytes: Buffer.from(file.dataBase64, 'base64') },
        { crs, dryRun, replace },
        (fn) => ws.write(fn),
      ),
    'boundaries.summary': () => ({ units: boundaryCount(ws.requirePlan().db) }),
    'map.roads': (q) => mapRoads(ws.requirePlan().db, q),
    'map.boundaries': (q) => mapBoundaries(ws.requirePlan().db, q),
    'map.roadsGeoJson': (q) => mapRoadsText(ws.requirePlan().db, q),
    'map.boundariesGeoJson': (q) => mapBoundariesText(ws.requirePlan().db, q),
    'map.boundaryCodes': () => boundaryCodes(ws.requirePlan().db),
  };
}

export interface Service {
  invoke(method: string, args: unknown): Promise<unknown>;
  /** Typed call for Node-side callers (CLI, tests): a wrong argument is a compile error. A caller that
   *  means to send a bad shape (to see it refused) uses invoke; both go through the same validation. */
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
  /** The open plan's revision (Workspace.revision): every door puts it on every reply. */
  revision(): number;
  workspace: Workspace;
  close(): void;
}

export function createPlannerService(opts: ServiceOptions): Service {
  const ws = new Workspace(opts);
  const runner = new AnalysisRunner();
  const impl = handlers(ws, runner, opts.quit);
  const invoke = async (method: string, args: unknown): Promise<unknown> => {
    if (!isApiMethod(method)) throw new ApiError('UNKNOWN_METHOD', `未知的方法：${method}`, `Unknown method: ${method}`);
    const parsed = API[method].args.safeParse(args ?? {});
    // The planner reads which field and what to do; programs read the issues in `details`.
    if (!parsed.success) throw invalidArgs(parsed.error.issues, args);
    // A path with a NUL character is refused before any file is touched (C would cut it at the NUL).
    const nul = pathArgs(parsed.data).find(hasNul);
    if (nul !== undefined) throw nulPathError(nul);
    const handler = impl[method] as (a: unknown) => unknown;
    try {
      return await handler(parsed.data);
    } catch (e) {
      // A full disk, a folder given as a file, a missing folder … in the planner's words (file-errors.ts);
      // a SQLite error is about the open plan, a file-system error about the path given (or its own).
      const sqlite = String((e as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_');
      throw fileErrorOf(e, sqlite ? (ws.plan?.path ?? pathArgs(parsed.data)[0]) : (pathArgs(parsed.data)[0] ?? ws.plan?.path)) ?? e;
    }
  };
  return {
    invoke,
    call: (method, args) => invoke(method, args) as never,
    revision: () => ws.revision,
    workspace: ws,
    close: () => {
      runner.close();
      ws.close();
    },
  };
}

/** The paths among a method's arguments (plan.open's `path`, app.pickPath's `defaultPath` …). */
function pathArgs(args: unknown): string[] {
  if (typeof args !== 'object' || args === null) return [];
  return Object.entries(args)
    .filter(([k, v]) => /(^p|P)ath$/.test(k) && typeof v === 'string')
    .map(([, v]) => v as string);
}

/** Turns anything thrown into the error shape that crosses a door. */
export function toErrorData(e: unknown) {
  if (e instanceof ApiError) return e.toJSON();
  const file = fileErrorOf(e);
  if (file) return file.toJSON();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL' as const, message: `内部错误：${message}`, messageEn: `Internal error: ${message}` };
}
