export interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  [field: string]: unknown;
}
export function productionClosure(
  lock: { lockfileVersion?: number; packages?: Record<string, LockEntry> },
  target?: { platform?: string; arch?: string },
): string[];
export function packageName(key: string): string;
