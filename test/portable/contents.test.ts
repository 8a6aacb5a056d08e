// What the portable archives hold (issue 14): each platform's own Node and better-sqlite3 binary (by their
// headers, so an arm64 archive cannot carry an x64 binary unnoticed), the production dependencies and no
// dev ones, the launchers a planner double-clicks (exec bits on Linux, CRLF on Windows), one top folder,
// and a size kept in check. Run after `npm run portable` (npm run test:portable does both).
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionClosure } from '../../scripts/portable/closure.mjs';
import { binaryMachine, portableDir, readArchive, readManifest, root, type Member } from './archive-entries.ts';

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Parameters<typeof productionClosure>[0];

const ELF_X86_64 = 0x3e;
const ELF_AARCH64 = 0xb7;
const PE_AMD64 = 0x8664;
/** Each checked target: its binaries' machine, better-sqlite3's prebuild, and the archive's size limit
 *  (measured 2026-12: win-x64 47.0 MB, linux-x64 55.1 MB, linux-arm64 55.2 MB; about 15 % margin). */
const TARGETS = {
  'win-x64': { machine: PE_AMD64, format: 'pe', sqlite: 'win32-x64', maxMB: 54, platform: 'win32', arch: 'x64' },
  'linux-x64': { machine: ELF_X86_64, format: 'elf', sqlite: 'linux-x64', maxMB: 64, platform: 'linux', arch: 'x64' },
  'linux-arm64': { machine: ELF_AARCH64, format: 'elf', sqlite: 'linux-arm64', maxMB: 64, platform: 'linux', arch: 'arm64' },
} as const;

const hasDesktopFileValidate = spawnSync('desktop-file-validate', ['--help']).status === 0;
const manifest = readManifest();
const built = Object.keys(TARGETS).filter((t) => {
  const m = manifest.find((e) => e.target === t);
  const there = m !== undefined && fs.existsSync(path.join(portableDir, m.file));
  if (!there) console.warn(`portable archive for ${t} not built (dist/portable/manifest.json): its checks are skipped — run npm run portable`);
  return there;
});

describe('production closure (package-lock.json → what goes into node_modules)', () => {
  it('keeps the packages production code reaches and leaves out dev and devOptional ones, nested or not', () => {
    const tiny = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'app' },
        'node_modules/zod': {},
        'node_modules/react': { dev: true },
        'node_modules/exceljs': {},
        'node_modules/exceljs/node_modules/uuid': {},
        'node_modules/vite/node_modules/uuid': { dev: true },
        'node_modules/fsevents': { dev: true, optional: true },
        'node_modules/chokidar': { devOptional: true },
        'node_modules/@fast-csv/format': {},
        'packages/local': {},
      },
    };
    expect(productionClosure(tiny)).toEqual([
      'node_modules/@fast-csv/format',
      'node_modules/exceljs',
      'node_modules/exceljs/node_modules/uuid',
      'node_modules/zod',
    ]);
  });

  it('leaves out an optional package built for another platform only when a target is given', () => {
    const tiny = { lockfileVersion: 3, packages: { 'node_modules/a': {}, 'node_modules/b-win': { optional: true, os: ['win32'], cpu: ['x64'] } } };
    expect(productionClosure(tiny, { platform: 'linux', arch: 'x64' })).toEqual(['node_modules/a']);
    expect(productionClosure(tiny, { platform: 'win32', arch: 'x64' })).toEqual(['node_modules/a', 'node_modules/b-win']);
    expect(productionClosure(tiny)).toEqual(['node_modules/a', 'node_modules/b-win']);
  });

  it('refuses a lockfile v1 (no "packages" map)', () => {
    expect(() => productionClosure({ lockfileVersion: 1 })).toThrow(/lockfile v2 or v3/);
  });
});

describe('portable archives', () => {
  it('at least one of win-x64, linux-x64, linux-arm64 was built', () => {
    expect(built, 'no archive in dist/portable: run npm run portable first').not.toHaveLength(0);
  });

  for (const target of Object.keys(TARGETS) as (keyof typeof TARGETS)[]) {
    describe.skipIf(!built.includes(target))(target, () => {
      const t = TARGETS[target];
      const m = manifest.find((e) => e.target === target)!;
      const file = path.join(portableDir, m?.file ?? '');
      const top = `HealthPlan-${pkg.version}-${target}/`;
      const nodePath = `${top}${t.format === 'pe' ? 'node/node.exe' : 'node/bin/node'}`;
      const win = t.platform === 'win32';
      const launchers = win ? ['HealthPlan.vbs', 'HealthPlan.cmd', 'healthplan.cmd'] : ['HealthPlan.sh', 'healthplan', 'HealthPlan.desktop'];
      let entries: Member[] = [];
      const byName = () => new Map(entries.map((e) => [e.name, e]));

      it('is the file the manifest names, one top folder HealthPlan-<version>-<target>/, under its size limit', async () => {
        expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(m.sha256);
        const mb = fs.statSync(file).size / 1e6;
        console.log(`${m.file}: ${mb.toFixed(1)} MB (limit ${t.maxMB} MB)`);
        expect(mb).toBeLessThan(t.maxMB);
        entries = await readArchive(file, (name) => {
          if (name === nodePath || name.endsWith('.node')) return 'head';
          if (launchers.some((l) => name === top + l) || name === `${top}使用说明.txt`) return 'all';
          return false;
        });
        expect(entries.length).toBeGreaterThan(1000);
        expect(entries.filter((e) => !e.name.startsWith(top)).map((e) => e.name)).toEqual([]);
      });

      it(`holds Node for ${target} (by its header) and Node's LICENSE`, () => {
        const node = byName().get(nodePath);
        expect(node, nodePath).toBeDefined();
        expect(binaryMachine(node!.data!)).toEqual({ format: t.format, machine: t.machine, bits: 64, library: false });
        expect(node!.size).toBeGreaterThan(30e6);
        expect(byName().get(`${top}node/LICENSE`)?.size).toBeGreaterThan(100_000);
      });

      it(`carries better-sqlite3's ${t.sqlite} binary only, built for the same machine`, () => {
        const prebuilds = entries.filter((e) => e.name.includes('/better-sqlite3/') && e.name.endsWith('.node'));
        expect(prebuilds.map((e) => e.name)).toEqual([`${top}app/node_modules/better-sqlite3/prebuilds/${t.sqlite}.node`]);
        expect(binaryMachine(prebuilds[0]!.data!)).toEqual({ format: t.format, machine: t.machine, bits: 64, library: true });
        expect(entries.some((e) => /better-sqlite3\/(deps|src|build)\//.test(e.name))).toBe(false);
        expect(m.sqliteBinary).toBe(`better-sqlite3/prebuilds/${t.sqlite}.node`);
      });

      it('has every production dependency and no dev dependency', () => {
        const names = byName();
        const missing = productionClosure(lock, t).filter((key) => !names.has(`${top}app/${key}/package.json`));
        expect(missing).toEqual([]);
        for (const dep of Object.keys(pkg.dependencies)) expect(names.has(`${top}app/node_modules/${dep}/package.json`), dep).toBe(true);
        const dev = Object.keys(pkg.devDependencies).filter((d) => entries.some((e) => e.name.startsWith(`${top}app/node_modules/${d}/`)));
        expect(dev, 'dev dependencies inside the archive').toEqual([]);
        for (const d of ['react', 'vite', 'vitest', 'electron', 'typescript', 'esbuild', 'maplibre-gl', 'echarts'])
          expect(pkg.devDependencies[d], d).toBeDefined();
      });

      it('has the app (no source maps, nothing of Electron) and the launchers, runnable as the platform needs', () => {
        const names = byName();
        for (const f of [
          'app/package.json',
          'app/bin/healthplan.mjs',
          'app/out/launch.mjs',
          'app/out/cli.mjs',
          'app/out/web-door.mjs',
          'app/out/web.mjs',
          'app/out/analysis-worker.mjs',
          'app/out/renderer/index.html',
          'app/data/standards',
          '使用说明.txt',
          ...launchers,
        ]) {
          expect(f === 'app/data/standards' ? entries.some((e) => e.name.startsWith(`${top}${f}/`)) : names.has(top + f), f).toBe(true);
        }
        expect(entries.filter((e) => e.name.endsWith('.map')).map((e) => e.name)).toEqual([]);
        expect(names.has(`${top}app/out/main.mjs`) || names.has(`${top}app/out/preload.cjs`)).toBe(false);
        const readme = names.get(`${top}使用说明.txt`)!.data!.toString('utf8');
        expect(readme).toContain('双击');
        expect(readme).toContain('Documents');
        if (win) {
          expect(readme.startsWith('\ufeff'), 'UTF-8 BOM').toBe(true);
          for (const f of [...launchers, '使用说明.txt']) {
            const text = names.get(top + f)!.data!.toString('latin1');
            expect(text.replace(/\r\n/g, '').includes('\n'), `${f}: a line without CRLF`).toBe(false);
            if (f !== '使用说明.txt') expect(/^\p{ASCII}*$/u.test(text), `${f}: ASCII only`).toBe(true);
          }
          expect(names.get(`${top}HealthPlan.vbs`)!.data!.toString()).toContain('\\app\\out\\launch.mjs""", 0, False');
          expect(names.get(`${top}healthplan.cmd`)!.data!.toString()).toContain('"%~dp0node\\node.exe" "%~dp0app\\bin\\healthplan.mjs" %*');
        } else {
          const modes = Object.fromEntries(
            ['node/bin/node', 'HealthPlan.sh', 'healthplan', 'HealthPlan.desktop', 'app/out/launch.mjs'].map((f) => [f, names.get(top + f)!.mode]),
          );
          expect(modes).toEqual({
            'node/bin/node': 0o755,
            'HealthPlan.sh': 0o755,
            healthplan: 0o755,
            'HealthPlan.desktop': 0o644,
            'app/out/launch.mjs': 0o644,
          });
          expect(entries.filter((e) => e.uid !== 0 || e.gid !== 0)).toEqual([]);
          expect(names.get(`${top}HealthPlan.sh`)!.data!.toString()).toMatch(
            /^#!\/bin\/sh\n[\s\S]*exec "\$here\/node\/bin\/node" "\$here\/app\/out\/launch.mjs" "\$@"/,
          );
          expect(names.get(`${top}healthplan`)!.data!.toString()).toMatch(
            /^#!\/bin\/sh\n[\s\S]*exec "\$here\/node\/bin\/node" "\$here\/app\/bin\/healthplan.mjs" "\$@"/,
          );
          // %k is the .desktop file's own path (empty from some launchers: then dirname gives ".", the folder they run in).
          const desktop = names.get(`${top}HealthPlan.desktop`)!.data!.toString();
          expect(desktop).toContain('Exec=sh -c "exec \\\\"\\\\$(dirname \\\\"\\\\$1\\\\")/HealthPlan.sh\\\\"" sh %k\n');
          if (hasDesktopFileValidate) {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-desktop-'));
            fs.writeFileSync(path.join(dir, 'HealthPlan.desktop'), desktop);
            const r = spawnSync('desktop-file-validate', [path.join(dir, 'HealthPlan.desktop')], { encoding: 'utf8' });
            fs.rmSync(dir, { recursive: true, force: true });
            expect(r.stdout + r.stderr).toBe('');
          }
        }
      });

      // The archive's own Node, here, with nothing of the project on PATH: every dependency loads after the
      // trimming (exceljs without its browser bundles, zod without its TypeScript sources, highs' wasm …).
      it.runIf(target === `${process.platform}-${process.arch}`)('loads every production dependency with its own Node, with no node on PATH', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-portable-'));
        try {
          execFileSync('tar', ['-xzf', file, '-C', dir]);
          const app = path.join(dir, top, 'app');
          const script = `const deps = Object.keys(require('./package.json').dependencies);
            Promise.all(deps.map((d) => import(d).then(() => d))).then((ok) => {
              const Db = require('better-sqlite3'); const db = new Db(':memory:');
              console.log(JSON.stringify({ ok, sum: db.prepare('select 40 + 2 as s').get().s }));
            });`;
          const out = execFileSync(path.join(dir, top, 'node/bin/node'), ['-e', script], {
            cwd: app,
            env: { PATH: '/usr/bin:/bin', HOME: dir },
            encoding: 'utf8',
          });
          expect(JSON.parse(out)).toEqual({ ok: Object.keys(pkg.dependencies), sum: 42 });
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  }
});
