/**
 * `engram dashboard [--port N] [--no-open] [--no-build]`: builds the browser dashboard
 * (`viz/`, with Vite, into viz/dist), serves it on 127.0.0.1 with the runs under
 * `results/` (see {@link startDashboardServer}), prints the URL and keeps serving until
 * Ctrl-C. The URL opens the CA3 memory preset running by itself. A browser is opened only
 * when asked (no --no-open), outside CI, and where a display exists.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startDashboardServer, type DashboardServer } from './dashboardServer.js';
import { EXIT_FAILURE, EXIT_OK } from './exitCodes.js';
import { isCI, writeLine, type Terminal } from './terminal.js';
import { UsageError } from './usageError.js';

/** The dashboard app's directory (viz/, beside src/). */
export const VIZ_DIR = fileURLToPath(new URL('../../viz/', import.meta.url));

/** The path the command opens: the CA3 memory preset, running by itself. */
export const DASHBOARD_START_PATH = '?preset=ca3&autostart';

/** What {@link commandDashboard} runs with. */
export interface DashboardCommandContext {
  readonly terminal: Terminal;
  /** stops serving when aborted (Ctrl-C does it when handleSigint) */
  readonly signal?: AbortSignal;
  /** listen for SIGINT; default true */
  readonly handleSigint?: boolean;
  /** where the built app goes and is served from (default viz/dist) */
  readonly appDir?: string;
  /** called once the server listens (tests use it to reach the server) */
  readonly onListening?: (server: DashboardServer) => void;
  /** builds the app into a directory (default {@link buildDashboard}) */
  readonly build?: (outDir: string) => Promise<string>;
}

/** Whether `error` says that the module `name` is not installed. */
function isMissingModule(error: unknown, name: string): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && typeof e.message === 'string' && e.message.includes(`'${name}'`);
}

/** Builds viz/ into viz/dist with Vite (a development dependency, imported only here). */
export async function buildDashboard(outDir = join(VIZ_DIR, 'dist')): Promise<string> {
  const vite = await import('vite');
  await vite.build({ configFile: join(VIZ_DIR, 'vite.config.ts'), build: { outDir }, logLevel: 'warn' });
  return outDir;
}

/** Whether a browser can be shown: a desktop platform, or an X/Wayland display on Linux and BSDs. */
export function hasDisplay(env: Readonly<Record<string, string | undefined>>, platform: string = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener: the URL is printed anyway
  }
}

/** Runs `engram dashboard`; resolves with the exit code once serving stops. */
export async function commandDashboard(argv: readonly string[], context: DashboardCommandContext): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
    allowPositionals: false,
    strict: true,
  });
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
      throw new UsageError(`engram dashboard: --port must be an integer in [0, 65535], got '${values.port}'`);
    }
  }
  const { terminal } = context;
  const dist = context.appDir ?? join(VIZ_DIR, 'dist');
  if (values['no-build']) {
    if (!existsSync(join(dist, 'index.html'))) {
      writeLine(terminal.stderr, 'engram dashboard: viz/dist has no build yet; run npm run build:viz or leave out --no-build');
      return EXIT_FAILURE;
    }
  } else {
    writeLine(terminal.stderr, 'engram dashboard: building viz/ ...');
    try {
      await (context.build ?? buildDashboard)(dist);
    } catch (error) {
      // An installed package has no Vite (a development dependency) but ships the app
      // built when it was packed.
      if (!isMissingModule(error, 'vite')) throw error;
      if (!existsSync(join(dist, 'index.html'))) {
        writeLine(terminal.stderr, 'engram dashboard: Vite is not installed and there is no built app in viz/dist; install it (npm install --save-dev vite) or run from a checkout');
        return EXIT_FAILURE;
      }
      writeLine(terminal.stderr, 'engram dashboard: Vite is not installed; serving the app built when the package was packed (viz/dist)');
    }
  }
  const server = await startDashboardServer({ appDir: dist, resultsDir: resolve(terminal.cwd, 'results'), port });
  const url = `${server.url}${DASHBOARD_START_PATH}`;
  writeLine(terminal.stdout, `engram dashboard: serving on ${url}`);
  writeLine(terminal.stderr, 'press Ctrl-C to stop');
  if (!values['no-open'] && !isCI(terminal.env) && hasDisplay(terminal.env)) openBrowser(url);
  context.onListening?.(server);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      context.signal?.removeEventListener('abort', stop);
      done();
    };
    if (context.signal?.aborted) return stop();
    context.signal?.addEventListener('abort', stop);
    if (context.handleSigint ?? true) process.on('SIGINT', stop);
  });
  await server.close();
  writeLine(terminal.stderr, 'engram dashboard: stopped');
  return EXIT_OK;
}
