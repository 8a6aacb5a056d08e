/**
 * The browser door against hostile requests (issue 13, items 6 and 10): no request, whatever its bytes,
 * ends the process; only the loopback names with our port are answered (DNS rebinding); a body is read
 * only up to its method's limit; an id the API could never name again is refused at import; and bad
 * arguments to the Electron-only app.* methods are INVALID_ARGS in the planner's words.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebDoor, type WebDoor } from '../../electron/web/server.ts';
import { bodyLimit, FILE_BODY_LIMIT, LIST_BODY_LIMIT, SMALL_BODY_LIMIT } from '../../electron/web/limits.ts';
import { pickPath } from '../../electron/main/pick-path.ts';
import { printBrief } from '../../electron/main/print-brief.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { tmpDir } from '../backend/tmp.ts';

// The Electron-only handlers import `electron`; nothing of it may be reached when the arguments are bad.
vi.mock('electron', () => ({
  dialog: {
    showOpenDialog: () => {
      throw new Error('no dialog in a test');
    },
    showSaveDialog: () => {
      throw new Error('no dialog in a test');
    },
  },
  BrowserWindow: class {
    constructor() {
      throw new Error('no window in a test');
    }
  },
  session: {},
}));

const MB = 1024 * 1024;
let door: WebDoor;
const home = tmpDir('hp-door-');
const staticDir = path.join(home, 'renderer');

beforeAll(async () => {
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>HealthPlan</title>');
  door = await startWebDoor({ home, staticDir });
});
afterAll(async () => door.close());

/** Sends raw bytes and returns what came back (until the server closes, or `ms` passed), and when the status line arrived. */
function raw(
  bytes: Buffer | string,
  opts: { ms?: number; keepSending?: Buffer; end?: boolean } = {},
): Promise<{ text: string; status: number; statusAfterMs: number }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const s = net.connect(door.port, '127.0.0.1');
    let text = '';
    let statusAfterMs = -1;
    const done = () => {
      s.destroy();
      resolve({ text, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), statusAfterMs });
    };
    const timer = setTimeout(done, opts.ms ?? 3000);
    s.on('data', (d) => {
      text += d.toString('latin1');
      if (statusAfterMs < 0) statusAfterMs = Date.now() - t0;
    });
    s.on('close', () => {
      clearTimeout(timer);
      done();
    });
    s.on('error', () => {}); // a reset after the answer is fine: the answer is what counts
    s.write(bytes);
    if (opts.keepSending) s.write(opts.keepSending);
    if (opts.end) s.end(); // nothing more will come
  });
}

const get = (target: string, host = `127.0.0.1:${door.port}`, extra = '') =>
  raw(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n${extra}\r\n`);

/** An authenticated API call over fetch (Host 127.0.0.1:PORT, as the browser sends it). */
async function api(
  method: string,
  args: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: the door's answer to any method, read loosely by the assertions
): Promise<{ status: number; body: { ok: boolean; result?: any; error?: { code: string; message: string; messageEn: string; details?: any } } }> {
  const res = await fetch(`http://127.0.0.1:${door.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-HealthPlan-Token': door.token },
    body: JSON.stringify(args),
  });
  // biome-ignore lint/suspicious/noExplicitAny: as above
  return { status: res.status, body: (await res.json()) as any };
}

async function alive(): Promise<void> {
  const r = await api('app.status', {});
  expect(r.status).toBe(200);
  expect(r.body.result.version).toMatch(/^\d+\.\d+\.\d+$/);
}

describe('malformed requests are answered, never fatal', () => {
  it('a malformed percent-escape in the path is a 400, on the static files and on the API', async () => {
    // Before: decodeURIComponent threw out of the request handler and the process ended (one <img> did it).
    for (const target of ['/%ff', '/%E0%A4%A', '/index.html%', '/api/%ff']) {
      expect((await get(target)).status, target).toBe(400);
    }
    expect((await get('/')).text).toContain('<title>HealthPlan</title>'); // a well-formed path still served
    expect((await get('/%69ndex.html')).status).toBe(200); // %69 = i
    await alive();
  });

  it('a garbage request line is a 400 and a 100 KB header line a 431; the door keeps answering', async () => {
    expect((await raw(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]))).status).toBe(400); // a TLS hello
    expect((await raw('\u00ff\u00fe GARBAGE \u0000\r\n\r\n')).status).toBe(400);
    expect((await get('/', `127.0.0.1:${door.port}`, `X-Long: ${'a'.repeat(100 * 1024)}\r\n`)).status).toBe(431);
    await alive();
  });

  it('~200 requests of random bytes (seeded: reproducible) leave the door answering after each', async () => {
    let seed = 0x13c0ffee;
    const rand = () => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
    const statuses = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const host = `Host: 127.0.0.1:${door.port}\r\n`;
      const shapes = [
        () => bytes(1 + Math.floor(rand() * 300)), // anything at all
        () => Buffer.concat([Buffer.from('GET /'), bytes(Math.floor(rand() * 40)), Buffer.from(` HTTP/1.1\r\n${host}\r\n`)]), // a path of random bytes
        () =>
          Buffer.from(
            `GET /${Array.from({ length: 1 + Math.floor(rand() * 6) }, () => `%${Math.floor(rand() * 256).toString(16)}`).join('')} HTTP/1.1\r\n${host}Connection: close\r\n\r\n`,
          ), // random escapes
        () =>
          Buffer.concat([Buffer.from(`POST /api/app.status HTTP/1.1\r\n${host}X-HealthPlan-Token: ${door.token}\r\nContent-Length: 40\r\n\r\n`), bytes(40)]), // a body that is not JSON
        () => Buffer.concat([Buffer.from(`POST /api/plan.open HTTP/1.1\r\n${host}`), bytes(Math.floor(rand() * 200)), Buffer.from('\r\n\r\n')]), // random header bytes
      ];
      const r = await raw(shapes[Math.floor(rand() * shapes.length)]!(), { ms: 500, end: true });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      await alive();
    }
    // No answer was an error of ours (5xx); most were refusals (4xx), some none (bytes that were not yet a whole request).
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect([...statuses].filter(([s]) => s >= 400 && s < 500).reduce((n, [, k]) => n + k, 0)).toBeGreaterThan(100);
  });
});

describe('the Host header: only 127.0.0.1, localhost and [::1] with our port', () => {
  it('refuses another name (DNS rebinding), another port and no Host at all, on the page and on the API', async () => {
    for (const host of ['evil.example:' + door.port, 'evil.example', '127.0.0.1', `127.0.0.1:${door.port + 1}`, `127.0.0.1.evil.example:${door.port}`]) {
      const r = await get('/', host);
      expect(r.status, host).toBe(421);
      expect(r.text).not.toContain('<title>');
    }
    const api421 = await raw(
      `POST /api/app.status HTTP/1.1\r\nHost: evil.example:${door.port}\r\nX-HealthPlan-Token: ${door.token}\r\nContent-Length: 2\r\n\r\n{}`,
    );
    expect(api421.status).toBe(421);
    expect(api421.text).toContain(`127.0.0.1:${door.port}`);
    expect((await raw('GET / HTTP/1.0\r\n\r\n')).status).toBe(421); // HTTP/1.0 may leave Host out
  });

  it('answers the loopback names with our port', async () => {
    for (const host of [`127.0.0.1:${door.port}`, `localhost:${door.port}`, `LocalHost:${door.port}`, `[::1]:${door.port}`]) {
      expect((await get('/', host)).status, host).toBe(200);
    }
    const r = await raw(
      `POST /api/app.status HTTP/1.1\r\nHost: localhost:${door.port}\r\nX-HealthPlan-Token: ${door.token}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    expect(r.status).toBe(200);
  });
});

describe('request bodies are bounded by the method, decided before the body is read', () => {
  it('imports (a file as base64) may send 256 MB, long lists 64 MB, everything else 1 MB', () => {
    // The 100,000-facility .xlsx of the benchmarks is 11.8 MB, 16 MB as base64; a province's .osm.pbf up to ~190 MB.
    for (const m of ['table.import', 'tables.import', 'populations.import', 'roads.import', 'boundaries.import', 'siting.readCandidates']) {
      expect(bodyLimit(m), m).toBe(FILE_BODY_LIMIT);
    }
    expect(FILE_BODY_LIMIT).toBe(256 * MB);
    // populations.set takes 100,000 figures (~10 MB of JSON), allocation.apply 200,000 lines, siting 20,000 candidate sites.
    for (const m of ['populations.set', 'allocation.apply', 'siting.run', 'siting.start']) expect(bodyLimit(m), m).toBe(LIST_BODY_LIMIT);
    for (const m of ['app.status', 'plan.open', 'units.update', 'facilities.remove', 'not.a.method']) expect(bodyLimit(m), m).toBe(SMALL_BODY_LIMIT);
  });

  it('a declared 600 MB body is refused with 413 at once, without reading it, and the door keeps answering', async () => {
    const head = `POST /api/table.import HTTP/1.1\r\nHost: 127.0.0.1:${door.port}\r\nX-HealthPlan-Token: ${door.token}\r\nContent-Type: application/json\r\nContent-Length: ${600 * MB}\r\n\r\n`;
    const r = await raw(head, { keepSending: Buffer.alloc(64 * 1024, 0x20) });
    expect(r.status).toBe(413);
    expect(r.statusAfterMs).toBeLessThan(1000);
    expect(r.text).toContain('256 MB');
    await alive();
  });

  it('a body passing the limit without saying its length (chunked) is cut off with 413 as it passes', async () => {
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const chunked = Buffer.concat(
      Array.from({ length: 6 }, () => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])),
    );
    const r = await raw(
      `POST /api/app.status HTTP/1.1\r\nHost: 127.0.0.1:${door.port}\r\nX-HealthPlan-Token: ${door.token}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      { keepSending: chunked },
    );
    expect(r.status).toBe(413); // 1.5 MB to a 1 MB method
    expect(r.text).toContain('1 MB');
    await alive();
  });

  it('a 2 MB import is read (refused as a file, not as a request), while 2 MB to app.status is 413', async () => {
    const csv = `机构编码,机构名称\r\n${'x'.repeat(2 * MB)}`;
    const args = { table: 'facilities', scenarioId: 1, file: { fileName: 'big.csv', dataBase64: Buffer.from(csv).toString('base64') }, dryRun: true };
    const imp = await api('table.import', args);
    expect(imp.status).not.toBe(413);
    expect(imp.body.error?.code).toBe('NO_PLAN'); // read and validated: no plan open yet
    const small = await api('app.status', { pad: 'x'.repeat(2 * MB) });
    expect(small.status).toBe(413);
    await alive();
  });
});

describe('one id limit: what the import takes, the API can name again', () => {
  const units = '区划代码,名称,上级区划代码,类型,常住人口\r\n430105000000,开福区,,区,820790\r\n';
  const facilities = (id: string) => `机构编码,机构名称,机构类型,所在区划代码\r\n${id},东风路街道社区卫生服务中心,社区卫生服务中心,430105000000\r\n`;
  const file = (name: string, text: string) => ({ fileName: name, dataBase64: Buffer.from(text).toString('base64') });

  it('refuses a 201-character facility id with its row and column; a 200-character one imports and can be removed', async () => {
    expect((await api('plan.new', { path: 'ids', name: '编码长度' })).status).toBe(200);
    expect((await api('table.import', { table: 'units', scenarioId: 1, file: file('units.csv', units) })).body.result.ok).toBe(true);

    const long = `F${'9'.repeat(200)}`; // 201 characters
    const refused = await api('table.import', { table: 'facilities', scenarioId: 1, file: file('f.csv', facilities(long)) });
    expect(refused.body.result.ok).toBe(false);
    const problems = refused.body.result.problems as { row: number; column: string; message: string; messageEn: string }[];
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 2, column: '机构编码' });
    expect(problems[0]!.message).toContain('201 个字符，最多 200 个');
    expect(problems[0]!.messageEn).toContain('201 characters, at most 200');
    expect((await api('facilities.list', { scenarioId: 1 })).body.result).toEqual([]);

    const edge = `F${'9'.repeat(199)}`; // 200 characters: imported, and facilities.remove (Key, max 200) can name it
    expect((await api('table.import', { table: 'facilities', scenarioId: 1, file: file('f.csv', facilities(edge)) })).body.result.ok).toBe(true);
    expect((await api('facilities.remove', { scenarioId: 1, id: edge })).body.result).toEqual({ removed: edge });
  });

  it('refuses a 201-character unit code the same way', async () => {
    const code = '4'.repeat(201);
    const r = await api('table.import', { table: 'units', scenarioId: 1, file: file('u.csv', `区划代码,名称,类型\r\n${code},某街道,街道\r\n`), dryRun: true });
    expect(r.body.result.ok).toBe(false);
    expect(r.body.result.problems).toEqual([
      expect.objectContaining({ row: 2, column: '区划代码', messageEn: expect.stringContaining('201 characters, at most 200') }),
    ]);
  });
});

describe("bad arguments to app.pickPath and app.printBrief are INVALID_ARGS in the planner's words", () => {
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e;
    }
    throw new Error('not refused');
  };

  it('in Electron (its own handlers, which validate before any dialog or window)', async () => {
    // Before: a second, inner zod parse threw a ZodError, which crossed the IPC as INTERNAL with zod's raw JSON.
    const e1 = await refusal(pickPath(null, { purpose: 'delete' }));
    expect(e1).toBeInstanceOf(ApiError);
    expect((e1 as ApiError).code).toBe('INVALID_ARGS');
    expect((e1 as ApiError).message).not.toContain('"code"');
    expect((e1 as ApiError).message).toContain('「用途」只能是「open」或「save」');
    const e2 = await refusal(printBrief('/nowhere', '/nowhere', { scenarioId: 'baseline' }, () => {}));
    expect((e2 as ApiError).code).toBe('INVALID_ARGS');
    expect((e2 as ApiError).message).not.toContain('"code"');
    expect((e2 as ApiError).messageEn).not.toContain('"code"');
  });

  it('through the web door (which has no dialog: valid arguments are UNAVAILABLE)', async () => {
    expect((await api('app.pickPath', { purpose: 'delete' })).body.error!.code).toBe('INVALID_ARGS');
    expect((await api('app.printBrief', { scenarioId: -1 })).body.error!.code).toBe('INVALID_ARGS');
    expect((await api('app.pickPath', { purpose: 'open' })).body.error!.code).toBe('UNAVAILABLE');
    await alive();
  });
});
