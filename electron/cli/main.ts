/** `healthplan` — the command line over the planner service. Every command has --help. */
import { createPlannerService } from '../backend/service.ts';
import type { Command } from './api.ts';
import { COMMANDS } from './commands.ts';
import { parseFlags } from './options.ts';
import { printError, UsageError, type Lang } from './output.ts';

function help(lang: Lang): string {
  const lines = [
    lang === 'en' ? 'HealthPlan — health-resource planning (卫健资源规划台)' : 'HealthPlan 卫健资源规划台 — 命令行',
    '',
    lang === 'en' ? 'Commands:' : '命令：',
  ];
  for (const c of Object.values(COMMANDS)) lines.push(`  ${c.usage}`, `      ${lang === 'en' ? c.summary.en : c.summary.zh}`);
  lines.push('', lang === 'en' ? '`healthplan <command> --help` for a command; --lang en|zh' : '每个命令都有 --help；--lang en 切换英文');
  return lines.join('\n');
}

function commandHelp(c: Command, lang: Lang): string {
  const opts = Object.entries(c.options).map(([k, o]) => `  --${k}${o.type === 'string' ? ' <value>' : ''}\t${o.help}`);
  return [c.usage, `  ${lang === 'en' ? c.summary.en : c.summary.zh}`, '', ...opts, '  --lang en|zh', '  --help'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let lang: Lang = (process.env.HEALTHPLAN_LANG ?? '').startsWith('en') ? 'en' : 'zh';
  const li = argv.indexOf('--lang');
  if (li >= 0) {
    lang = argv[li + 1] === 'en' ? 'en' : 'zh';
    argv = [...argv.slice(0, li), ...argv.slice(li + 2)];
  }
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help(lang));
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`${lang === 'en' ? 'unknown command' : '未知命令'}: ${name}\n\n${help(lang)}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(command, rest);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${commandHelp(command, lang)}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(commandHelp(command, lang));
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  const { min, max } = command.positionals ?? { min: 1, max: 1 };
  if (!file || parsed.positionals.length < min || parsed.positionals.length > max) {
    console.error(commandHelp(command, lang));
    return 2;
  }
  const svc = createPlannerService({ door: 'cli' });
  try {
    return await command.run(svc, file, parsed.values, lang, extra);
  } catch (e) {
    return printError(e, lang);
  } finally {
    svc.close();
  }
}

export { UsageError };
