/**
 * The loopback web door: serves the built renderer and the service's methods over HTTP, on 127.0.0.1
 * only, with a random per-run token that every API call must carry (no token → 401). Used for the
 * browser mode (where Electron cannot run) and for the end-to-end tests.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createPlannerService, toErrorData, type Service } from '../backend/service.ts';
import type { WorkspaceOptions } from '../backend/workspace.ts';
import { TOKEN_HEADER } from '../../shared/api/http.ts';

const MAX_BODY = 512 * 1024 * 1024; // a 500,000-row spreadsheet as base64 fits

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.map': 'application/json',
};

export interface WebDoor { url: string; token: string; port: number; service: Service; close(): Promise<void> }

export interface WebDoorOptions extends Omit<WorkspaceOptions, 'door'> {
  port?: number;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
  token?: string;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(json);
}

const STATUS: Record<string, number> = { INVALID_ARGS: 400, UNKNOWN_METHOD: 404, NOT_FOUND: 404, UNAUTHORIZED: 401, INTERNAL: 500 };

function serveStatic(dir: string, urlPath: string, res: http.ServerResponse): void {
  const rel = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const file = path.resolve(dir, `.${rel}`);
  if (!file.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  });
  fs.createReadStream(file).pipe(res);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function startWebDoor(opts: WebDoorOptions = {}): Promise<WebDoor> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const service = createPlannerService({ home: opts.home, door: 'web' });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' || !opts.staticDir) { res.writeHead(404).end(); return; }
      serveStatic(opts.staticDir, url.pathname, res);
      return;
    }
    const given = req.headers[TOKEN_HEADER.toLowerCase()];
    if (typeof given !== 'string' || !safeEqual(given, token)) {
      send(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: '缺少或错误的访问令牌', messageEn: 'Missing or wrong access token' } });
      req.resume();
      return;
    }
    if (req.method !== 'POST') { send(res, 405, { ok: false, error: { code: 'INVALID_ARGS', message: '只接受 POST', messageEn: 'POST only' } }); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { send(res, 413, { ok: false, error: { code: 'INVALID_ARGS', message: '请求过大', messageEn: 'Request too large' } }); req.destroy(); }
      else chunks.push(c);
    });
    req.on('end', async () => {
      if (res.headersSent) return;
      let args: unknown;
      try { args = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}; } catch {
        send(res, 400, { ok: false, error: { code: 'INVALID_ARGS', message: '请求不是有效的 JSON', messageEn: 'The request is not valid JSON' } });
        return;
      }
      try {
        send(res, 200, { ok: true, result: await service.invoke(url.pathname.slice('/api/'.length), args) });
      } catch (e) {
        const error = toErrorData(e);
        send(res, STATUS[error.code] ?? 409, { ok: false, error });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`, token, port, service,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => { service.close(); resolve(); }); }),
  };
}
