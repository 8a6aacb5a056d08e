/**
 * The renderer's data layer: the client onto the service (client.ts), the one cache held with it
 * (store.ts), the long analyses as jobs (job.ts), and the hooks screens ask through (hooks.tsx).
 */
import { createClient, type Client } from './client.ts';
import { createDataStore, type DataStore } from './store.ts';

export * from './hooks.tsx';
export { createDataStore, stableStringify, type DataStore } from './store.ts';
export type { JobArgs, JobKind, JobProgress, JobResult } from './job.ts';

/** The app's client and its cache: each reply's revision goes to the cache, which tells the mounted queries. */
export function createClientStore(): { client: Client; store: DataStore } {
  let store: DataStore | null = null;
  const client = createClient({ onRevision: (r) => store?.setRevision(r) });
  store = createDataStore(client.invoke, client.revision(), client.text);
  return { client, store };
}
