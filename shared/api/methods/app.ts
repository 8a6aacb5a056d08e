/** The contract's app section (spread into API in ../contract.ts): the program itself — status, the file dialog, quitting. */
import { z } from 'zod';
import { method, None, Path } from '../schemas.ts';
import type { PlanInfo } from './plan.ts';

export interface AppStatus {
  plan: PlanInfo | null;
  recent: string[];
  version: string;
  door: 'electron' | 'web' | 'cli' | 'direct';
  /** Where plans are kept by default (the sample, new plans). */
  plansDir: string;
  /** Whether `app.quit` ends the program (the portable launcher, Electron): the 文件 menu shows 退出. */
  canQuit: boolean;
}

export const APP_API = {
  'app.status': method<AppStatus>()(None, 'The open plan, recent files, version and door.'),
  'app.pickPath': method<{ path: string | null }>()(
    z.object({ purpose: z.enum(['open', 'save']), defaultPath: Path.optional() }),
    "The operating system's file dialog for a plan file; only the Electron door has one (others: UNAVAILABLE).",
  ),
  'app.quit': method<{ quitting: true }>()(
    None,
    'End the program: the plan is closed, the door stops and its window closes (after this answer). Only where the program owns its window (canQuit); others: UNAVAILABLE.',
  ),
} as const;
