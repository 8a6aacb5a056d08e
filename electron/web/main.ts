/** `npm run web`: the browser door. Prints the URL (with its token) and serves until stopped. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../backend/paths.ts';
import { startWebDoor } from './server.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, home: { type: 'string' }, open: { type: 'string' }, sample: { type: 'boolean', default: false } },
});

const door = await startWebDoor({
  port: Number(values.port),
  home: values.home,
  staticDir: path.join(projectRoot(), 'out', 'renderer'),
});
if (values.open) await door.service.invoke('plan.open', { path: values.open });
else if (values.sample) await door.service.invoke('plan.openSample', {});
console.log(`HealthPlan 浏览器模式 / browser door: ${door.url}`);
const stop = () => {
  void door.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
