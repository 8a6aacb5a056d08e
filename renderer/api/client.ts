/**
 * The renderer's one client onto the service, with two transports: Electron IPC (the preload exposes
 * `window.healthplan.invoke`, typed by the contract's HealthPlanBridge) and HTTP to the loopback web
 * door (POST /api/<method>, token header). Both answer with the contract's reply envelope (Reply); the
 * client hands back the result (or throws the error) and keeps the plan revision the reply carried.
 */
import { ApiError, isApiErrorData, type ApiArgs, type ApiMethod, type ApiResult, type Invoke, type Reply } from '../../shared/api/index.ts';
import type { HealthPlanBridge } from '../../shared/api/bridge.ts';
import { REPLY_HEADER, TOKEN_HEADER } from '../../shared/api/http.ts';

declare global {
  interface Window {
    healthplan?: HealthPlanBridge;
  }
}

/** A method whose result is a string (access.areasGeoJson), read as a Blob: see Client.text. */
export type TextMethod = { [M in ApiMethod]: ApiResult<M> extends string ? M : never }[ApiMethod];
export type InvokeText = <M extends TextMethod>(method: M, args: ApiArgs<M>) => Promise<Blob>;

/** The string a method answers through `invoke`, as a Blob (Electron's IPC copies it as one block; tests' fake invoke). */
export const textOver =
  (invoke: Invoke): InvokeText =>
  async (method, args) =>
    new Blob([String(await invoke(method, args))], { type: 'application/json' });

export interface Client {
  invoke: Invoke;
  /**
   * A string result as a Blob, not decoded on the page's main thread: through the web door the body itself
   * (REPLY_HEADER), through Electron's IPC the string (copied as one block) wrapped as it comes.
   */
  text: InvokeText;
  door: 'electron' | 'web';
  /** The open plan's revision as the last reply said it (0 before any reply, or with no plan). */
  revision(): number;
}

export interface ClientOptions {
  /** Told the revision each reply carries (a write in this window or another moves it on). */
  onRevision?: (revision: number) => void;
}

/** The web door prints a URL with ?token=…; keep it for the session and drop it from the address bar. */
function webToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('healthplan.token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem('healthplan.token') ?? '';
}

export function createClient(opts: ClientOptions = {}): Client {
  let revision = 0;
  const revisionOf = () => revision;
  const unwrap = (reply: Reply): unknown => {
    if (typeof reply.revision === 'number') {
      revision = reply.revision;
      opts.onRevision?.(revision);
    }
    if (reply.ok) return reply.result;
    if (isApiErrorData(reply.error)) throw ApiError.from(reply.error);
    throw new ApiError('INTERNAL', '内部错误', 'Internal error', reply.error);
  };
  const bridge = window.healthplan;
  if (bridge) {
    const invoke = async <M extends ApiMethod>(method: M, args: ApiArgs<M>) => unwrap(await bridge.invoke(method, args)) as ApiResult<M>;
    return { invoke, text: textOver(invoke), door: 'electron', revision: revisionOf };
  }
  const token = webToken();
  const post = (method: string, args: unknown, headers: Record<string, string> = {}) =>
    fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token, ...headers },
      body: JSON.stringify(args ?? {}),
    });
  const envelope = async (res: Response): Promise<unknown> => {
    let body: Reply;
    try {
      body = await res.json();
    } catch {
      throw new ApiError('INTERNAL', `服务无响应 (HTTP ${res.status})`, `No answer from the service (HTTP ${res.status})`);
    }
    return unwrap(body);
  };
  const invoke = async <M extends ApiMethod>(method: M, args: ApiArgs<M>) => (await envelope(await post(method, args))) as ApiResult<M>;
  // The text itself comes as the body (200, text/plain); a refusal or an error as the envelope (JSON).
  const text: InvokeText = async (method, args) => {
    const res = await post(method, args, { [REPLY_HEADER]: 'text' });
    if (res.ok && !res.headers.get('Content-Type')?.startsWith('application/json')) return res.blob();
    return new Blob([String(await envelope(res))], { type: 'application/json' });
  };
  return { invoke, text, door: 'web', revision: revisionOf };
}
