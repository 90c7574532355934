/**
 * The dashboard's HTTP server (node:http, loopback only): the built app as static files,
 * and two JSON endpoints over the runs under `results/`:
 * - `GET /api/results` -> `{ runs: [{ experiment, run, path }] }`, newest first, where
 *   `path` is relative to the results directory (`<experiment>/<run>/result.json`);
 * - `GET /api/result?path=<path>` -> that result.json (only files named result.json
 *   inside the results directory).
 * Nothing outside the app directory and the results directory is ever served.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';

/** Options of {@link startDashboardServer}. */
export interface DashboardServerOptions {
  /** the built app (viz/dist) */
  readonly appDir: string;
  /** where runs are listed from (default: no runs) */
  readonly resultsDir?: string;
  /** TCP port; 0 (default) picks a free one */
  readonly port?: number;
  /** interface to listen on (default 127.0.0.1) */
  readonly host?: string;
}

/** A running dashboard server. */
export interface DashboardServer {
  /** e.g. `http://127.0.0.1:5173/` */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/** A run found under the results directory. */
export interface ListedRun {
  readonly experiment: string;
  readonly run: string;
  /** `<experiment>/<run>/result.json`, relative to the results directory, with '/' */
  readonly path: string;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** Whether `path` lies inside `dir` (both absolute). */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !rel.includes(`..${sep}`);
}

/** Lists `<experiment>/<run>/result.json` under `dir` (also `<experiment>/result.json`), newest first. */
export async function listRuns(dir: string): Promise<ListedRun[]> {
  const found: { run: ListedRun; mtime: number }[] = [];
  const entries = async (path: string) => {
    try {
      return await readdir(path, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  const add = async (experiment: string, run: string, parts: string[]) => {
    const file = join(dir, ...parts);
    try {
      const info = await stat(file);
      if (info.isFile()) found.push({ run: { experiment, run, path: parts.join('/') }, mtime: info.mtimeMs });
    } catch {
      // not a run
    }
  };
  for (const experiment of await entries(dir)) {
    if (!experiment.isDirectory()) continue;
    await add(experiment.name, '(latest)', [experiment.name, 'result.json']);
    for (const run of await entries(join(dir, experiment.name))) {
      if (run.isDirectory()) await add(experiment.name, run.name, [experiment.name, run.name, 'result.json']);
    }
  }
  return found.sort((a, b) => b.mtime - a.mtime).map((f) => f.run);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse, appDir: string, resultsDir: string | undefined): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain', 'method not allowed');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/results') {
    const runs = resultsDir ? await listRuns(resultsDir) : [];
    send(res, 200, MIME['.json'], JSON.stringify({ runs }));
    return;
  }
  if (url.pathname === '/api/result') {
    const path = url.searchParams.get('path') ?? '';
    const file = resultsDir ? resolve(resultsDir, path) : '';
    if (!resultsDir || !path.endsWith('result.json') || !inside(resultsDir, file)) {
      send(res, 404, 'text/plain', 'no such result');
      return;
    }
    try {
      send(res, 200, MIME['.json'], await readFile(file));
    } catch {
      send(res, 404, 'text/plain', 'no such result');
    }
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    send(res, 400, 'text/plain', 'bad path');
    return;
  }
  const file = resolve(appDir, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  if (!inside(appDir, file)) {
    send(res, 404, 'text/plain', 'not found');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  } catch {
    send(res, 404, 'text/plain', 'not found');
  }
}

/** Starts the server and resolves once it listens. */
export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const appDir = resolve(options.appDir);
  const resultsDir = options.resultsDir === undefined ? undefined : resolve(options.resultsDir);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(req, res, appDir, resultsDir).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain', error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
