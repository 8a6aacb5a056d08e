/**
 * The renderer's one client onto the service, with two transports: Electron IPC (the preload exposes
 * `window.healthplan.invoke`) and HTTP to the loopback web door (POST /api/<method>, token header).
 */
import { ApiError, isApiErrorData, type ApiArgs, type ApiMethod, type ApiResult, type Invoke } from '../../shared/api/index.ts';
import { TOKEN_HEADER } from '../../shared/api/http.ts';


interface ElectronBridge { invoke(method: string, args: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }> }
declare global { interface Window { healthplan?: ElectronBridge } }

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

function unwrap(reply: { ok: boolean; result?: unknown; error?: unknown }): unknown {
  if (reply.ok) return reply.result;
  if (isApiErrorData(reply.error)) throw ApiError.from(reply.error);
  throw new ApiError('INTERNAL', '内部错误', 'Internal error', reply.error);
}

export function createClient(): { invoke: Invoke; door: 'electron' | 'web' } {
  const bridge = window.healthplan;
  if (bridge) {
    const invoke = async <M extends ApiMethod>(method: M, args: ApiArgs<M>) =>
      unwrap(await bridge.invoke(method, args)) as ApiResult<M>;
    return { invoke, door: 'electron' };
  }
  const token = webToken();
  const invoke = async <M extends ApiMethod>(method: M, args: ApiArgs<M>) => {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(args ?? {}),
    });
    let body: { ok: boolean; result?: unknown; error?: unknown };
    try { body = await res.json(); } catch {
      throw new ApiError('INTERNAL', `服务无响应 (HTTP ${res.status})`, `No answer from the service (HTTP ${res.status})`);
    }
    return unwrap(body) as ApiResult<M>;
  };
  return { invoke, door: 'web' };
}
