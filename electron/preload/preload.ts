/**
 * The only bridge between the renderer and the Node side: one `invoke(method, args)`. Replies come
 * back as the contract's envelope (shared/api/reply.ts: { ok, result, revision } or { ok: false, error,
 * revision }) so errors keep their code across the boundary; the object is the contract's
 * HealthPlanBridge (shared/api/bridge.ts), the type the renderer's client reads `window.healthplan` as.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { HealthPlanBridge } from '../../shared/api/bridge.ts';
import type { Reply } from '../../shared/api/reply.ts';
import { INVOKE_CHANNEL } from './channel.ts';

const bridge = {
  invoke: (method: string, args: unknown): Promise<Reply> => ipcRenderer.invoke(INVOKE_CHANNEL, method, args),
} satisfies HealthPlanBridge;

contextBridge.exposeInMainWorld('healthplan', bridge);
