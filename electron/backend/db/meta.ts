/** Plan-wide settings (plan_meta): the plan's name, whether it is the sample, when it was created. */
import type Database from 'better-sqlite3';

export function getMeta(db: Database.Database, key: string): string | null {
  return (db.prepare('SELECT value FROM plan_meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

export function setMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO plan_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
