/**
 * The loopback web door: serves the built renderer and the service's methods over HTTP, on 127.0.0.1
 * only, with a random per-run token that every API call must carry (no token → 401). Used for the
 * browser mode (where Electron cannot run) and for the end-to-end tests.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createPlannerService, toErrorData, type Service, type ServiceOptions } from '../backend/service.ts';
import { REPLY_HEADER, TOKEN_HEADER } from '../../shared/api/http.ts';
import type { ErrorCode } from '../../shared/api/errors.ts';
import { failure, reply, type Reply } from '../../shared/api/reply.ts';
import { bodyLimit } from './limits.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface WebDoor {
  url: string;
  token: string;
  port: number;
  service: Service;
  /** When a page last called the API (ms since the epoch; the start time before any call). */
  lastCallAt(): number;
  close(): Promise<void>;
}

export interface WebDoorOptions extends Omit<ServiceOptions, 'door'> {
  port?: number;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
  token?: string;
}

function send(res: http.ServerResponse, status: number, body: Reply, close = false): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...(close ? { Connection: 'close' } : {}) });
  res.end(json);
}

const STATUS: Record<string, number> = { INVALID_ARGS: 400, UNKNOWN_METHOD: 404, NOT_FOUND: 404, UNAUTHORIZED: 401, INTERNAL: 500 };

/** The request target's path, percent-decoded; null when it is not a path or an escape is malformed (`/%ff`). */
function pathOf(target: string): string | null {
  if (!target.startsWith('/')) return null;
  try {
    return decodeURIComponent(target.split(/[?#]/, 1)[0]!);
  } catch {
    return null;
  }
}

/**
 * DNS rebinding: a page on another name that resolves to 127.0.0.1 reaches this port with its own name
 * in Host. Behind the token, as defence in depth, only the loopback names with our port are answered.
 */
function hostAllowed(host: string | undefined, port: number): boolean {
  const h = host?.toLowerCase();
  return ['127.0.0.1', 'localhost', '[::1]'].some((n) => h === `${n}:${port}` || (port === 80 && h === n));
}

function serveStatic(dir: string, rel: string, res: http.ServerResponse): void {
  const file = path.resolve(dir, `.${rel === '/' ? '/index.html' : rel}`);
  if (!file.startsWith(path.resolve(dir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  });
  fs.createReadStream(file)
    .on('error', (e) => {
      console.error(`web door: reading ${file}: ${e.message}`);
      res.destroy();
    })
    .pipe(res);
}

/** The body, or 'too large' as soon as it passes `limit` (the rest is not read), or null if the client went away. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too large' | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (v: 'too large' | null) => {
      req.removeAllListeners('data');
      req.resume();
      resolve(v);
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) stop('too large');
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => stop(null));
    req.on('close', () => {
      if (!req.complete) stop(null);
    });
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a),
    y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function startWebDoor(opts: WebDoorOptions = {}): Promise<WebDoor> {
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const service = createPlannerService({ home: opts.home, plansDir: opts.plansDir, quit: opts.quit, door: 'web' });
  let port = 0;
  let lastCall = Date.now();
  // Every answer is the contract's reply envelope, with the open plan's revision (refusals too).
  /** A refusal; `close` when a body may still be coming that we will not read (the socket closes after the answer). */
  const refuse = (res: http.ServerResponse, status: number, code: ErrorCode, message: string, messageEn: string, close = false): void =>
    send(res, status, failure({ code, message, messageEn }, service.revision()), close);
  const tooLarge = (res: http.ServerResponse, limit: number) =>
    refuse(
      res,
      413,
      'INVALID_ARGS',
      `请求过大：这个操作最多接收 ${limit / 1024 / 1024} MB（文件以 base64 传送，约为文件大小的 4/3）；更大的文件请用命令行 healthplan import`,
      `Request too large: this call takes at most ${limit / 1024 / 1024} MB (files travel as base64, about 4/3 of their size); import larger files with the CLI, healthplan import`,
      true,
    );
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, port)) {
      refuse(
        res,
        421,
        'UNAUTHORIZED',
        `只应答发往 127.0.0.1:${port} 或 localhost:${port} 的请求`,
        `Only requests to 127.0.0.1:${port} or localhost:${port} are answered`,
        true,
      );
      return;
    }
    const pathname = pathOf(req.url ?? '');
    if (pathname === null) {
      refuse(res, 400, 'INVALID_ARGS', '请求的地址无效', "The request's address is not valid", true);
      return;
    }
    if (!pathname.startsWith('/api/')) {
      if (req.method !== 'GET' || !opts.staticDir) {
        res.writeHead(404, { Connection: 'close' }).end();
        return;
      }
      serveStatic(opts.staticDir, pathname, res);
      return;
    }
    const given = req.headers[TOKEN_HEADER.toLowerCase()];
    if (typeof given !== 'string' || !safeEqual(given, token)) {
      refuse(res, 401, 'UNAUTHORIZED', '缺少或错误的访问令牌', 'Missing or wrong access token', true);
      return;
    }
    if (req.method !== 'POST') {
      refuse(res, 405, 'INVALID_ARGS', '只接受 POST', 'POST only', true);
      return;
    }
    lastCall = Date.now();
    const method = pathname.slice('/api/'.length);
    // The limit is the method's, decided before a byte of the body is read.
    const limit = bodyLimit(method);
    if (Number(req.headers['content-length']) > limit) {
      tooLarge(res, limit);
      return;
    }
    const body = await readBody(req, limit);
    if (body === null) return; // the client went away
    if (body === 'too large') {
      tooLarge(res, limit);
      return;
    }
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      refuse(res, 400, 'INVALID_ARGS', '请求不是有效的 JSON', 'The request is not valid JSON');
      return;
    }
    try {
      const result = await service.invoke(method, args);
      // A string asked for as text (the map's GeoJSON) is the body itself, read by the page as a Blob.
      if (typeof result === 'string' && req.headers[REPLY_HEADER.toLowerCase()] === 'text')
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(result);
      else send(res, 200, reply(result, service.revision()));
    } catch (e) {
      const error = toErrorData(e);
      send(res, STATUS[error.code] ?? 409, failure(error, service.revision()));
    }
  };
  // No request, whatever its bytes, ends the process: anything thrown is answered 500 and logged.
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('web door: request failed:', e);
      try {
        if (!res.headersSent) refuse(res, 500, 'INTERNAL', '内部错误：请求未能完成', 'Internal error: the request did not complete', true);
        else res.destroy();
      } catch {
        res.destroy();
      }
    });
  });
  // Bytes that are not HTTP (a garbage request line, a 100 KB header line …): answered and closed.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code !== 'ECONNRESET' && socket.writable) {
      const status =
        err.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? '408 Request Timeout'
            : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    setTimeout(() => socket.destroy(), 1000).unref();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    service,
    lastCallAt: () => lastCall,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          service.close();
          resolve();
        });
      }),
  };
}
