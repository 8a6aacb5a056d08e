// `npm start`: opens HealthPlan in Electron where its binary is available; where it is not (or it
// cannot start), says so in one line and opens the same app through the browser door instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function electronBinary() {
  if (process.env.HEALTHPLAN_NO_ELECTRON === '1') return { error: 'HEALTHPLAN_NO_ELECTRON=1' };
  // Resolving `electron` downloads its binary on first use; do it in a child so a failure stays quiet.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = (probe.stdout ?? '').trim().split('\n').pop();
  if (probe.status === 0 && out) return { path: out };
  const why = (probe.stderr || probe.error?.message || '').split('\n').find((l) => /Error|error|ENOTFOUND|EAI_AGAIN|failed/.test(l)) ?? 'no binary';
  return { error: why.trim().slice(0, 160) };
}

function openBrowser(url) {
  const cmd = process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  try {
    spawn(cmd[0], cmd[1], { detached: true, stdio: 'ignore' })
      .on('error', () => {})
      .unref();
    return true;
  } catch {
    return false;
  }
}

async function browserDoor(reason) {
  console.log(`Electron 不可用（${reason}），改用浏览器模式 / Electron is not available, opening the browser door instead.`);
  const { startWebDoor } = await import(path.join(root, 'out', 'web-door.mjs'));
  const door = await startWebDoor({ port: Number(process.env.HEALTHPLAN_PORT ?? 0), staticDir: path.join(root, 'out', 'renderer') });
  await door.service.invoke('plan.openSample', {}).catch(() => {});
  console.log(`HealthPlan: ${door.url}`);
  if (!openBrowser(door.url)) console.log('请在浏览器中打开上面的地址 / open the address above in a browser (Ctrl+C to stop)');
  const stop = () => {
    void door.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const bin = electronBinary();
if (!bin.path) {
  await browserDoor(bin.error);
} else {
  const started = Date.now();
  const child = spawn(bin.path, [root], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
    if (Date.now() - started > 10_000) process.stderr.write(d);
  });
  child.on('error', (e) => void browserDoor(e.message));
  child.on('exit', (code) => {
    if (code !== 0 && Date.now() - started < 10_000) {
      void browserDoor(stderr.split('\n').find((l) => l.trim()) ?? `exit ${code}`);
    } else process.exit(code ?? 0);
  });
}
