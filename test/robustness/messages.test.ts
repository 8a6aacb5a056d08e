// Messages instead of internal errors (issue 13): a full disk, a folder given as a plan or an import
// file, an export into a missing folder, a NUL byte in a path, a plan holding a kind or type this
// version does not know. Each says what is wrong in the planner's words (FILE_ERROR / INVALID_ARGS,
// exit 1, no stack), and the plan is left as it was (same bytes).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPlannerService, toErrorData } from '../../electron/backend/service.ts';
import { ACCESS_PRESETS } from '../../shared/access/presets.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { cliIn } from '../backend/cli-run.ts';
import crypto from 'node:crypto';
import { tmpDir } from '../backend/tmp.ts';

const dir = tmpDir('hp-messages-');

/**
 * The plan's bytes, but for SQLite's file change counter (header bytes 24–27 and 92–95), which every
 * read-write open and close bumps: the same digest means not one page of the plan changed.
 */
function sha(file: string): string {
  const b = fs.readFileSync(file);
  b.fill(0, 24, 28);
  b.fill(0, 92, 96);
  return crypto.createHash('sha256').update(b).digest('hex');
}
const { healthplan, file } = cliIn(dir);

const UNITS = [
  '区划代码,名称,上级区划代码,类型,常住人口,经度,纬度',
  '430105000000,开福区,,区,820790,112.985,28.256',
  '430105002000,沙坪街道,430105000000,街道,52000,112.98,28.32',
  '430105001000,新河街道,430105000000,街道,60000,112.99,28.22',
].join('\r\n');
const FACILITIES = [
  '机构编码,机构名称,机构类型,所在区划代码,经度,纬度,实有床位,执业(助理)医师',
  'F1,沙坪街道社区卫生服务中心,社区卫生服务中心,430105002000,112.981,28.321,45,14',
  'F2,开福区急救站,120急救站,430105000000,112.986,28.257,0,3',
  'F3,新河街道社区卫生服务中心,社区卫生服务中心,430105001000,112.991,28.221,30,10',
].join('\r\n');

let made: string | null = null;
/** A copy of a small plan the CLI made from the tables above (made once); returns its path. */
function makePlan(name: string): string {
  if (!made) {
    const r = healthplan('import', 'made.hplan', '--units', file('made-units.csv', UNITS), '--facilities', file('made-fac.csv', FACILITIES));
    expect(r.code, r.err).toBe(0);
    made = path.join(dir, 'made.hplan');
  }
  fs.copyFileSync(made, path.join(dir, name));
  return path.join(dir, name);
}

/** An explained error: exit 1, the code in brackets, the message, and no stack trace or 内部错误. */
function explained(r: { code: number | null; err: string }, code: string, ...words: string[]) {
  expect(r.code, r.err).toBe(1);
  expect(r.err).toContain(`[${code}]`);
  for (const w of words) expect(r.err).toContain(w);
  expect(r.err).not.toMatch(/\n\s+at /); // no stack
  expect(r.err).not.toMatch(/内部错误|Internal error/);
}

const apiError = async (p: Promise<unknown>): Promise<ApiError> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a refusal');
};

describe('a folder where a file is expected', () => {
  it('a folder given as the plan: FILE_ERROR saying it is a folder (was: 内部错误 EISDIR with a stack)', () => {
    fs.mkdirSync(path.join(dir, 'a-folder.hplan'));
    explained(healthplan('info', 'a-folder.hplan'), 'FILE_ERROR', `「${path.join(dir, 'a-folder.hplan')}」是文件夹，不是文件`);
    explained(healthplan('info', 'a-folder.hplan', '--lang', 'en'), 'FILE_ERROR', 'is a folder, not a file');
    expect(fs.readdirSync(path.join(dir, 'a-folder.hplan'))).toEqual([]); // nothing made inside it
  });

  it('a folder given as an import file: FILE_ERROR naming it, the plan unchanged', () => {
    const plan = makePlan('folder-import.hplan');
    const before = sha(plan);
    fs.mkdirSync(path.join(dir, '单位表'));
    explained(healthplan('import', plan, '--units', '单位表'), 'FILE_ERROR', '「单位表」是文件夹，不是文件');
    expect(sha(plan)).toBe(before);
  });
});

describe('writing where it cannot', () => {
  it('export, gaps and access into a folder that does not exist: FILE_ERROR naming the folder (was: 内部错误 ENOENT)', () => {
    const plan = makePlan('missing-folder.hplan');
    const before = sha(plan);
    const missing = path.join(dir, '导出', '2025');
    explained(healthplan('export', plan, '--units', path.join('导出', '2025', 'units.csv')), 'FILE_ERROR', `文件夹「${missing}」不存在`);
    explained(
      healthplan('gaps', plan, '--standard', 'kaifu-2024', '--format', 'csv', '--out', path.join('导出', '2025', 'gaps.csv')),
      'FILE_ERROR',
      `文件夹「${missing}」不存在`,
    );
    explained(
      healthplan('access', plan, '--preset', 'radius', '--format', 'csv', '--out', path.join('导出', '2025', 'a.csv'), '--lang', 'en'),
      'FILE_ERROR',
      `The folder "${missing}" does not exist`,
    );
    explained(
      healthplan('allocate', plan, '--budget', 'beds=10', '--out', path.join('导出', '2025', 'alloc.json')),
      'FILE_ERROR',
      `文件夹「${missing}」不存在`,
    );
    expect(fs.existsSync(path.join(dir, '导出'))).toBe(false); // not created behind the planner's back
    expect(sha(plan)).toBe(before);
  });

  it.runIf(fs.existsSync('/dev/full'))('an export onto a full disk (/dev/full: ENOSPC): says the disk is full and nothing saved was lost', () => {
    const plan = makePlan('full-export.hplan');
    const before = sha(plan);
    fs.symlinkSync('/dev/full', path.join(dir, 'full.csv'));
    explained(healthplan('export', plan, '--units', 'full.csv'), 'FILE_ERROR', '磁盘已满', '「full.csv」', '没有丢失');
    explained(healthplan('export', plan, '--units', 'full.csv', '--lang', 'en'), 'FILE_ERROR', 'The disk is full');
    expect(sha(plan)).toBe(before);
  });

  it('a full disk under the plan (SQLITE_FULL, injected with PRAGMA max_page_count): FILE_ERROR, the plan as it was, and it works on', async () => {
    const plan = makePlan('full-plan.hplan');
    const before = sha(plan);
    // An import of 3,000 units needs new pages.
    const many = [
      '区划代码,名称,上级区划代码,类型,常住人口',
      ...Array.from({ length: 3000 }, (_, i) => `4301059${String(i).padStart(5, '0')},第${i}社区,430105002000,社区,${1000 + i}`),
    ].join('\r\n');
    const importMany = { table: 'units' as const, scenarioId: 1, file: { fileName: 'u.csv', dataBase64: Buffer.from(many).toString('base64') }, dryRun: false };
    const svc = createPlannerService({ door: 'direct', home: path.join(dir, 'home-full') });
    try {
      await svc.call('plan.open', { path: plan });
      const db = svc.workspace.plan!.db;
      // The file may not grow by a single page: the next write that needs one fails as on a full disk.
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      const e = await apiError(svc.call('table.import', importMany));
      expect(e.code).toBe('FILE_ERROR'); // was: INTERNAL "database or disk is full"
      expect(e.message).toBe(`磁盘已满，无法写入「${plan}」。已保存的数据没有丢失：这次的改动没有写入，方案保持改动前的样子。请腾出磁盘空间后再试一次。`);
      expect(e.messageEn).toContain('The disk is full');
      expect(await svc.call('units.list', { scenarioId: 1 })).toHaveLength(3);
    } finally {
      svc.close();
    }
    expect(sha(plan)).toBe(before);
    // With room again, the same import is written.
    const again = createPlannerService({ door: 'direct', home: path.join(dir, 'home-full') });
    try {
      await again.call('plan.open', { path: plan });
      expect((await again.call('table.import', importMany)).ok).toBe(true);
      expect(await again.call('units.list', { scenarioId: 1 })).toHaveLength(3003);
    } finally {
      again.close();
    }
  });

  it("the door's error shape (toErrorData) carries SQLITE_FULL as FILE_ERROR too, not INTERNAL", () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    expect(toErrorData(full)).toMatchObject({ code: 'FILE_ERROR' });
    expect(toErrorData(full).message).toContain('磁盘已满');
    expect(toErrorData(new TypeError('a defect'))).toMatchObject({ code: 'INTERNAL' });
  });
});

describe('a NUL byte in a path', () => {
  it('plan.open, plan.new and plan.saveAs refuse it as INVALID_ARGS naming the path; nothing is made', async () => {
    const home = path.join(dir, 'home-nul');
    const svc = createPlannerService({ door: 'direct', home });
    try {
      for (const [method, p] of [
        ['plan.open', path.join(dir, 'x\0y.hplan')],
        ['plan.new', path.join(dir, 'nul\0.hplan')],
      ] as const) {
        const e = await apiError(svc.call(method, { path: p }));
        expect(e.code, method).toBe('INVALID_ARGS');
        expect(e.message).toContain(`「${p.replace('\0', '\\0')}」含有空字符`);
        expect(e.messageEn).toContain('NUL character');
      }
      // C would have cut the path at the NUL: no "nul" file, no "x" file.
      expect(fs.existsSync(path.join(dir, 'nul'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'x'))).toBe(false);
      const plan = makePlan('nul-saveas.hplan');
      const before = sha(plan);
      await svc.call('plan.open', { path: plan });
      const e = await apiError(svc.call('plan.saveAs', { path: path.join(dir, 'copy\0.hplan') }));
      expect(e.code).toBe('INVALID_ARGS');
      expect(fs.existsSync(path.join(dir, 'copy'))).toBe(false);
      svc.close();
      expect(sha(plan)).toBe(before);
    } finally {
      svc.close();
    }
  });
});

describe('a plan holding a facility type or unit kind this version does not know', () => {
  it('info shows 未知类型（…） with its count (was: 内部错误 TypeError); gaps, exports and access do not crash', async () => {
    const plan = makePlan('newer-kinds.hplan');
    const db = new Database(plan);
    db.prepare("UPDATE facility SET type = 'xyz_clinic' WHERE id = 'F3'").run();
    db.prepare("UPDATE unit SET kind = 'zone' WHERE code = '430105001000'").run();
    db.close();
    const before = sha(plan);

    const info = healthplan('info', plan);
    expect(info.code, info.err).toBe(0);
    expect(info.out).toMatch(/未知类型（zone）\t1/);
    expect(info.out).toMatch(/未知类型（xyz_clinic）\t1/);
    expect(info.out).toMatch(/社区卫生服务中心\t1/);
    expect(info.out).toMatch(/街道\t1/);
    const en = healthplan('info', plan, '--lang', 'en');
    expect(en.out).toMatch(/unknown kind \(zone\)\t1/);
    expect(en.out).toMatch(/unknown type \(xyz_clinic\)\t1/);

    const svc = createPlannerService({ door: 'direct', home: path.join(dir, 'home-kinds') });
    try {
      const i = await svc.call('plan.open', { path: plan });
      // Counted under the name stored in the plan.
      expect(i.counts.unitsByKind).toEqual({ county: 1, street: 1, zone: 1 });
      expect(i.counts.facilitiesByType).toEqual({ chc: 1, ems_station: 1, xyz_clinic: 1 });
      expect((await svc.call('units.list', { scenarioId: 1 })).find((u) => u.code === '430105001000')?.kind).toBe('zone');
      for (const level of ['region', 'county', 'township', 'facility'] as const) {
        const g = await svc.call('gaps.evaluate', { scenarioId: 1, standardId: 'kaifu-2024', level });
        expect(g.results.length, level).toBeGreaterThan(0);
        // A unit of an unknown kind has no level: it is never a 街道/乡镇 line of its own.
        expect(
          g.results.some((x) => x.code === '430105001000'),
          level,
        ).toBe(false);
      }
      expect((await svc.call('gaps.export', { scenarioId: 1, standardId: 'kaifu-2024', format: 'csv' })).dataBase64.length).toBeGreaterThan(0);
      // The stored key is exported as it is, so nothing is silently renamed.
      const fac = Buffer.from((await svc.call('table.export', { table: 'facilities', scenarioId: 1, format: 'csv' })).dataBase64, 'base64').toString('utf8');
      expect(fac).toContain(',xyz_clinic,');
      await svc.call('table.export', { table: 'units', scenarioId: 1, format: 'xlsx' });
      const a = await svc.call('access.run', { scenarioId: 1, ...ACCESS_PRESETS.radius });
      expect(a.points.length).toBeGreaterThan(0);
    } finally {
      svc.close();
    }
    expect(sha(plan)).toBe(before);
  });
});
