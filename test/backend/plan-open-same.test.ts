// plan.open of the plan already open, spelled another way (a symlink, a hard link, `x/../`), returns the open
// plan as it is — its unsaved-nothing state, its last save time — rather than LOCKED: plan-file.ts refuses a
// second open of a file this process holds by file identity, so the service must compare by identity too.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlannerService } from '../../electron/backend/service.ts';
import { tmpDir } from './tmp.ts';

describe('plan.open of the open plan by another spelling (direct door)', () => {
  const home = tmpDir();
  const svc = createPlannerService({ home, door: 'direct' });
  afterAll(() => svc.close());
  const plans = path.join(home, 'plans');
  const file = path.join(plans, 'same.hplan');

  it('is the open plan, kept as it is, for a relative detour, a symlink and a hard link', async () => {
    await svc.invoke('plan.new', { path: 'same', name: '同一方案' });
    const renamed = (await svc.invoke('plan.rename', { name: '同一方案（改）' })) as { path: string; savedAt: string | null };
    expect(renamed.path).toBe(file);
    expect(renamed.savedAt).not.toBeNull();
    fs.mkdirSync(path.join(plans, 'x'));
    fs.symlinkSync(file, path.join(home, 'link.hplan'));
    fs.linkSync(file, path.join(home, 'hard.hplan'));

    for (const spelling of ['./x/../same.hplan', path.join(home, 'link.hplan'), path.join(home, 'hard.hplan'), file]) {
      const info = (await svc.invoke('plan.open', { path: spelling })) as { path: string; name: string; savedAt: string | null; readOnly: boolean };
      // The same plan, not reopened: its path as first opened, the last save time kept (a reopen clears it).
      expect(info, spelling).toMatchObject({ path: file, name: '同一方案（改）', savedAt: renamed.savedAt, readOnly: false });
    }
    // And it is still writable in this window.
    expect(((await svc.invoke('plan.rename', { name: '再改' })) as { name: string }).name).toBe('再改');
  });

  it('another plan still opens, and a missing file is still refused', async () => {
    await svc.invoke('plan.new', { path: 'other', name: '另一方案' });
    const back = (await svc.invoke('plan.open', { path: './x/../same.hplan' })) as { path: string; name: string };
    expect(back).toMatchObject({ path: file, name: '再改' });
    await expect(svc.invoke('plan.open', { path: path.join(home, 'none.hplan') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(((await svc.invoke('plan.info', {})) as { name: string }).name).toBe('再改');
  });
});
