/**
 * What the Electron preload exposes to the renderer as `window.healthplan` (electron/preload/preload.ts
 * `satisfies` it; renderer/api/client.ts reads it): one invoke that answers with the reply envelope.
 */
import type { Reply } from './reply.ts';

export interface HealthPlanBridge {
  invoke(method: string, args: unknown): Promise<Reply>;
}
