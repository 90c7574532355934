/**
 * The dashboard in a real headless Chromium, served by the `engram dashboard` server on a
 * free loopback port: the CA3 memory preset starts by itself, learns and recalls (the
 * raster gains points, the recall shows the stored content); the CUBA network (N = 4000)
 * keeps the page at >= 20 frames per second (counted with requestAnimationFrame); the gpu
 * backend runs (gpu.js webgl2 on SwiftShader); a generated result.json opens with its
 * figures and a broken one shows a message; the SDR view draws. No console errors, no
 * request leaves the server. Screenshots go to test-artifacts/ for people to look at.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentRegistry } from '../../experiments/index.js';
import { buildDashboard, DASHBOARD_START_PATH } from '../../src/cli/commandDashboard.js';
import { startDashboardServer, type DashboardServer } from '../../src/cli/dashboardServer.js';
import { runCli, tempDir } from '../fixtures/cliHarness.js';
import { launchChromium } from './chromium.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');

describe('the dashboard in headless Chromium', () => {
  let browser: { context: BrowserContext; close(): Promise<void> };
  let server: DashboardServer;
  let dir: string;
  let page: Page;
  const errors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    dir = tempDir('engram-dashboard-');
    const results = join(dir, 'results');
    const run = await runCli(['run', 'vogels2005-cuba', '--quick', '--quiet', '--out', join(results, 'vogels2005-cuba', 'quick-run')], {
      experiments: experimentRegistry,
    });
    expect(run.code, run.stderr).toBe(0);
    const app = await buildDashboard(join(dir, 'dist'));
    server = await startDashboardServer({ appDir: app, resultsDir: results, port: 0 });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.startsWith(server.url) || requested.startsWith('data:') || requested.startsWith('blob:')) return route.continue();
      outside.push(requested);
      return route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const live = (key: string) => page.locator('#view-live').getAttribute(`data-${key}`);
  const spikes = async () => Number(await live('spikes'));

  it('startDashboardServer() serves the app, lists the runs under results/ and refuses paths outside them', async () => {
    const listing = (await (await fetch(`${server.url}api/results`)).json()) as { runs: { path: string }[] };
    expect(listing.runs.map((r) => r.path)).toEqual(['vogels2005-cuba/quick-run/result.json']);
    expect((await fetch(`${server.url}api/result?path=${encodeURIComponent('../../etc/passwd')}`)).status).toBe(404);
    expect((await fetch(`${server.url}%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(server.url)).headers.get('content-type')).toContain('text/html');
  });

  it(`the start page (${DASHBOARD_START_PATH}) runs the CA3 memory by itself; learn() and recallByCue() show the stored content`, async () => {
    await page.goto(`${server.url}${DASHBOARD_START_PATH}`);
    await page.waitForSelector('#view-live[data-running="true"]', { timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.t) > 20);
    const before = await spikes();
    await page.fill('#cue', '2');
    await page.fill('#content', '1, 4, 9, 14');
    await page.click('#learn');
    await page.waitForSelector('#recall[data-kind="learn"]');
    await page.click('#recall-cue');
    await page.waitForSelector('#recall[data-kind="recallByCue"]');
    expect(await page.locator('#recall').getAttribute('data-content')).toBe('1,4,9,14');
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.spikes) > n, before);
    expect(await page.locator('#recall .bit.on').count()).toBe(4);
    await page.fill('#content', '4, 9');
    await page.click('#recall-content');
    await page.waitForSelector('#recall[data-kind="recallByContent"]');
    expect(await page.locator('#recall').getAttribute('data-cues')).toBe('2');
    await page.click('#recall-cue'); // cue 2 again, for the screenshot
    await page.waitForSelector('#recall[data-kind="recallByCue"]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-ca3.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the CUBA preset (N = 4000) keeps the raster at >= 20 frames per second, counted with requestAnimationFrame', async () => {
    await page.selectOption('#speed', '1');
    await page.selectOption('#preset', 'cuba');
    await page.waitForSelector('#view-live[data-running="true"]', { timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.spikes) > 5000, undefined, { timeout: 30_000 });
    const fps = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let frames = 0;
          const start = performance.now();
          const tick = (now: number) => {
            frames++;
            if (now - start < 3000) requestAnimationFrame(tick);
            else resolve((frames * 1000) / (now - start));
          };
          requestAnimationFrame(tick);
        }),
    );
    const t = Number(await live('t'));
    console.log(`dashboard: CUBA N = 4000 on cpu, ${fps.toFixed(1)} frames/s while running (model time ${t} ms)`);
    expect(fps).toBeGreaterThanOrEqual(20);
    const points = await page.evaluate(() => {
      const data = (document.querySelector('#live-plot') as unknown as { data: { x: ArrayLike<number> }[] }).data;
      return data[0].x.length;
    });
    expect(points).toBeGreaterThan(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-cuba.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("the backend selector's gpu (gpu.js webgl2 under SwiftShader) runs the CUBA network with runAsync()", async () => {
    await page.selectOption('#speed', '0.5');
    await page.selectOption('#backend', 'gpu');
    await page.waitForSelector('#view-live[data-backend="gpu"][data-running="true"]', { timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.spikes) > 500, undefined, { timeout: 30_000 });
    expect(await page.locator('#live-status').textContent()).toContain('webgl2');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-gpu.png'), fullPage: true });
    await page.selectOption('#backend', 'cpu');
    expect(errors).toEqual([]);
  });

  it('the STDP preset draws the weights, and pattern completion answers a cue', async () => {
    await page.selectOption('#speed', '20');
    await page.selectOption('#preset', 'stdp');
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.t) > 600, undefined, { timeout: 30_000 });
    await page.waitForSelector('#weight-plot .main-svg');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-stdp.png'), fullPage: true });
    await page.selectOption('#preset', 'completion');
    await page.waitForSelector('#view-live[data-state="ready"] #complete');
    await page.click('#complete');
    await page.waitForSelector('#recall[data-kind="complete"]', { timeout: 30_000 });
    expect(await page.locator('#recall .summary').textContent()).toMatch(/first wave \d+\/12 correct/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-completion.png'), fullPage: true });
    await page.click('#pause');
    expect(errors).toEqual([]);
  });

  it('the results view opens a generated result.json with its figures, and a broken file shows a message', async () => {
    await page.click('#tab-results');
    await page.click('#runs a');
    await page.waitForSelector('#view-results[data-state="ready"] .figure .main-svg');
    expect(await page.locator('#result-title').textContent()).toContain('Vogels');
    expect(await page.locator('#view-results .figure').count()).toBeGreaterThan(0);
    expect(await page.locator('#view-results .figure-error').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-results.png'), fullPage: true });
    await page.setInputFiles('#result-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "engram-result", ') });
    await page.waitForSelector('#result-error:not([hidden])');
    expect(await page.locator('#result-error').textContent()).toContain('broken.json');
    await page.setInputFiles('#result-file', { name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "something-else"}') });
    await page.waitForFunction(() => document.querySelector('#result-error')?.textContent?.includes('package.json'));
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-results-error.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the SDR view draws encodings, overlaps and unionFalsePositive() against measured rates', async () => {
    await page.click('#tab-sdr');
    await page.waitForSelector('#sdr-union .main-svg');
    await page.waitForSelector('#sdr-overlaps .main-svg');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-sdr.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
