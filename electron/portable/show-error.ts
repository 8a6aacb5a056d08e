/**
 * A start-up failure shown where the launcher has no console (HealthPlan.vbs, a .desktop start): a
 * message box through what the system has (PowerShell on Windows, zenity/kdialog on Linux, osascript on
 * macOS); nothing when none is there — the message is in launch.log either way.
 */
import { spawn } from 'node:child_process';

export function showError(message: string): void {
  const quoted = message.replace(/'/g, "''");
  const [cmd, args]: [string, string[]] =
    process.platform === 'win32'
      ? [
          'powershell',
          [
            '-NoProfile',
            '-NonInteractive',
            '-Command',
            `Add-Type -AssemblyName PresentationFramework; [System.Windows.MessageBox]::Show('${quoted}', 'HealthPlan') | Out-Null`,
          ],
        ]
      : process.platform === 'darwin'
        ? ['osascript', ['-e', `display alert "HealthPlan" message ${JSON.stringify(message)}`]]
        : ['zenity', ['--error', '--title=HealthPlan', `--text=${message}`]];
  try {
    spawn(cmd, args, { stdio: 'ignore', detached: true, windowsHide: true })
      .on('error', () => undefined)
      .unref();
  } catch {
    /* no way to show it */
  }
}
