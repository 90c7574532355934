/**
 * Lets an experiment file run as a script: `npx tsx experiments/<file>.ts [options]`
 * behaves like `engram run <name> [options]`. Put this at the end of the experiment file:
 *
 * ```ts
 * runIfMain(import.meta.url, { meta, run });
 * ```
 *
 * It does nothing when the module is imported (by the registry, tests or the dashboard),
 * and it imports no Node modules statically, so experiment files stay importable in the
 * browser.
 */
import type { Experiment } from '../io/experiment.js';

/**
 * Runs `experiment` through the `engram run` command when the module at `moduleUrl` is the
 * process's entry point; sets `process.exitCode` when done.
 *
 * @param moduleUrl the experiment module's `import.meta.url`
 */
export function runIfMain(moduleUrl: string, experiment: Experiment): void {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  const entry = proc?.argv?.[1];
  if (!proc || !entry || !moduleUrl.startsWith('file:')) return;
  void (async () => {
    const { fileURLToPath } = await import('node:url');
    const { realpathSync } = await import('node:fs');
    const real = (path: string): string => {
      try {
        return realpathSync(path);
      } catch {
        return path;
      }
    };
    if (real(fileURLToPath(moduleUrl)) !== real(entry)) return;
    const { main } = await import('./main.js');
    proc.exitCode = await main(['run', experiment.meta.name, ...proc.argv.slice(2)], {
      experiments: [{ name: experiment.meta.name, file: fileURLToPath(moduleUrl), load: async () => experiment }],
    });
  })();
}
