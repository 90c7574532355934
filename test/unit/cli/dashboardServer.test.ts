import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDashboard, DASHBOARD_START_PATH, hasDisplay } from '../../../src/cli/commandDashboard.js';
import { listRuns, startDashboardServer, type DashboardServer } from '../../../src/cli/dashboardServer.js';
import { Capture, tempDir } from '../../fixtures/cliHarness.js';

describe('dashboardServer', () => {
  let dir: string;
  let server: DashboardServer;

  beforeAll(async () => {
    dir = tempDir('engram-dashboard-server-');
    mkdirSync(join(dir, 'app', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'app', 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'app', 'assets', 'main.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    mkdirSync(join(dir, 'results', 'demo', 'run-1'), { recursive: true });
    writeFileSync(join(dir, 'results', 'demo', 'run-1', 'result.json'), '{"format":"engram-result"}');
    writeFileSync(join(dir, 'results', 'demo', 'run-1', 'notes.txt'), 'not served');
    server = await startDashboardServer({ appDir: join(dir, 'app'), resultsDir: join(dir, 'results') });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('startDashboardServer() listens on 127.0.0.1 on a free port and serves index.html with its type', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>app</title>');
    expect((await fetch(`${server.url}assets/main.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('startDashboardServer() answers 404 for missing files and paths that leave the app directory', async () => {
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('GET /api/results lists the runs, and /api/result serves only result.json files inside results/', async () => {
    expect(await (await fetch(`${server.url}api/results`)).json()).toEqual({ runs: [{ experiment: 'demo', run: 'run-1', path: 'demo/run-1/result.json' }] });
    const ok = await fetch(`${server.url}api/result?path=demo/run-1/result.json`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('{"format":"engram-result"}');
    expect((await fetch(`${server.url}api/result?path=demo/run-1/notes.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}api/result?path=${encodeURIComponent('../secret.txt')}`)).status).toBe(404);
    expect((await fetch(`${server.url}api/result?path=${encodeURIComponent('../../result.json')}`)).status).toBe(404);
  });

  it('listRuns() of a missing directory is empty', async () => {
    expect(await listRuns(join(dir, 'nowhere'))).toEqual([]);
  });
});

describe('commandDashboard', () => {
  it('hasDisplay() needs DISPLAY or WAYLAND_DISPLAY on Linux, and is true on macOS and Windows', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });

  it('commandDashboard(["--no-build", "--no-open", "--port", "0"]) prints the URL of the running CA3 preset and stops when aborted', async () => {
    const dir = tempDir('engram-dashboard-cmd-');
    try {
      const stdout = new Capture();
      const stderr = new Capture();
      const controller = new AbortController();
      let url = '';
      mkdirSync(join(dir, 'app'));
      writeFileSync(join(dir, 'app', 'index.html'), 'x');
      const exit = commandDashboard(['--no-build', '--no-open', '--port', '0'], {
        terminal: { stdout, stderr, env: { CI: '1' }, cwd: dir },
        signal: controller.signal,
        handleSigint: false,
        onListening: (server) => {
          url = server.url;
          controller.abort();
        },
        appDir: join(dir, 'app'),
      });
      expect(await exit).toBe(0);
      expect(stdout.text).toBe(`engram dashboard: serving on ${url}${DASHBOARD_START_PATH}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('commandDashboard(["--no-build"]) without a build says how to make one, exit 1', async () => {
    const dir = tempDir('engram-dashboard-cmd-');
    try {
      const stderr = new Capture();
      const code = await commandDashboard(['--no-build', '--no-open'], {
        terminal: { stdout: new Capture(), stderr, env: {}, cwd: dir },
        handleSigint: false,
        appDir: join(dir, 'app'),
      });
      expect(code).toBe(1);
      expect(stderr.text).toContain('npm run build:viz');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('commandDashboard() where Vite is not installed serves the packed build, or says what to install', async () => {
    const dir = tempDir('engram-dashboard-cmd-');
    const noVite = async (): Promise<string> => {
      throw Object.assign(new Error("Cannot find package 'vite' imported from commandDashboard.js"), { code: 'ERR_MODULE_NOT_FOUND' });
    };
    try {
      const stderr = new Capture();
      const code = await commandDashboard(['--no-open'], {
        terminal: { stdout: new Capture(), stderr, env: {}, cwd: dir },
        handleSigint: false,
        appDir: join(dir, 'app'),
        build: noVite,
      });
      expect(code).toBe(1);
      expect(stderr.text).toContain('npm install --save-dev vite');

      mkdirSync(join(dir, 'app'));
      writeFileSync(join(dir, 'app', 'index.html'), 'x');
      const served = new Capture();
      const controller = new AbortController();
      const exit = commandDashboard(['--no-open', '--port', '0'], {
        terminal: { stdout: new Capture(), stderr: served, env: { CI: '1' }, cwd: dir },
        signal: controller.signal,
        handleSigint: false,
        onListening: () => controller.abort(),
        appDir: join(dir, 'app'),
        build: noVite,
      });
      expect(await exit).toBe(0);
      expect(served.text).toContain('serving the app built when the package was packed');

      const other = async (): Promise<string> => {
        throw new Error('vite build failed: syntax error in viz/src/main.ts');
      };
      await expect(
        commandDashboard(['--no-open'], { terminal: { stdout: new Capture(), stderr: new Capture(), env: {}, cwd: dir }, handleSigint: false, appDir: join(dir, 'app'), build: other }),
      ).rejects.toThrow('syntax error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
