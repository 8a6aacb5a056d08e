/**
 * The only bridge between the renderer and the Node side: one `invoke(method, args)`. Replies come
 * back as { ok, result } or { ok: false, error } so errors keep their code across the boundary.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL } from './channel.ts';

const bridge = {
  invoke: (method: string, args: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, method, args),
};

contextBridge.exposeInMainWorld('healthplan', bridge);
