/**
 * The dashboard in a real headless Chromium, served by the `engram dashboard` server on a
 * free loopback port: the CA3 memory preset starts by itself, learns and recalls (the
 * raster gains points, the recall shows the stored content); the CUBA network (N = 4000)
 * runs with its raster redrawing (the page's `window.engramLive` counter grows; how often
 * is measured by `npm run bench -- dashboard`, never asserted here) and its membrane panel
 * on the raster's time axis; Step advances one frame while paused; the gpu backend runs
 * CUBA and Song's STDP (gpu.js webgl2 on SwiftShader) and the CA3 memory (on the cpu, as
 * its status says); a generated result.json opens with its figures, from the runs list
 * and dropped onto the page, and a broken one shows a message; the SDR view draws. No
 * console errors, no request leaves the server. Screenshots go to test-artifacts/ for
 * people to look at.
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
  const modelTime = async () => Number(await live('t'));
  const rasterRedraws = () => page.evaluate(() => window.engramLive?.rasterRedraws ?? 0);
  /** the x range of the raster's and the membrane panel's time axes, the newest x of the raster's traces and its spikes drawn, read at one moment */
  const timeAxes = () =>
    page.evaluate(() => {
      type Figure = { layout: { xaxis: { range: [number, number] } }; data: { type: string; x: ArrayLike<number> }[] };
      const raster = document.querySelector('#live-plot') as unknown as Figure;
      const membrane = document.querySelector('#membrane-plot') as unknown as Figure;
      let newest = -Infinity;
      for (const trace of raster.data) if (trace.x.length > 0) newest = Math.max(newest, trace.x[trace.x.length - 1]);
      return {
        raster: [...raster.layout.xaxis.range],
        membrane: [...membrane.layout.xaxis.range],
        newest,
        points: raster.data.filter((d) => d.type === 'scattergl').reduce((n, d) => n + d.x.length, 0),
      };
    });
  /** waits until the page's model time stops moving (the last frame drawn), and returns it */
  const settledTime = async () => {
    let last = Number.NaN;
    for (;;) {
      const t = await modelTime();
      if (t === last) return t;
      last = t;
      await page.waitForTimeout(400);
    }
  };

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

  it('the CUBA preset (N = 4000) redraws its raster (window.engramLive counts) and the membrane panel on the same time axis', async () => {
    await page.selectOption('#speed', '1');
    await page.selectOption('#preset', 'cuba');
    await page.waitForSelector('#view-live[data-running="true"]', { timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.spikes) > 5000, undefined, { timeout: 30_000 });
    const before = await rasterRedraws();
    const t0 = await modelTime();
    await page.waitForFunction((n) => (window.engramLive?.rasterRedraws ?? 0) > n + 10, before, { timeout: 30_000 });
    expect(await modelTime()).toBeGreaterThan(t0);
    const axes = await timeAxes();
    expect(axes.points).toBeGreaterThan(1000);
    expect(axes.raster[1] - axes.raster[0]).toBeCloseTo(300, 6);
    // the membrane panel shows the same window; while running it may trail the raster by at most 2 % of it
    expect(axes.membrane[1] - axes.membrane[0]).toBeCloseTo(300, 6);
    expect(axes.raster[1] - axes.membrane[1]).toBeGreaterThanOrEqual(0);
    expect(axes.raster[1] - axes.membrane[1]).toBeLessThan(0.02 * 300);
    expect(await page.locator('#live-legend .key').allTextContents()).toEqual(['exc', 'inh']);
    expect(await page.locator('#membrane-legend .key').allTextContents()).toEqual(['exc 0', 'exc 1', 'exc 2', 'threshold']);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-cuba.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('Step advances a paused network by one frame (1 ms at this speed) and the raster gains its spikes', async () => {
    await page.click('#pause');
    await page.waitForSelector('#view-live[data-running="false"]');
    const t0 = await settledTime();
    const spikes0 = await spikes();
    expect((await timeAxes()).newest).toBeLessThanOrEqual(t0);
    await page.click('#step');
    await page.waitForFunction((t) => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.t) > t, t0);
    const t1 = await settledTime();
    expect(t1).toBeCloseTo(t0 + 1, 6);
    expect(await live('running')).toBe('false');
    expect(await spikes()).toBeGreaterThan(spikes0);
    const axes = await timeAxes();
    expect(axes.newest).toBeGreaterThan(t0);
    expect(axes.newest).toBeLessThanOrEqual(t1);
    // the 300 ms window ends at the network's time (or at 300 ms, before it has filled)
    const end = Math.max(300, t1);
    expect(axes.raster).toEqual([end - 300, end]);
    expect(axes.membrane).toEqual(axes.raster);
    await page.click('#step');
    await page.waitForFunction((t) => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.t) > t, t1);
    expect(await settledTime()).toBeCloseTo(t0 + 2, 6);
    // paused and drawn, the figures take hover and zoom; running, they are static again
    await page.waitForSelector('#view-live[data-interactive="true"]', { timeout: 30_000 });
    const rasterMode = () =>
      page.evaluate(() => {
        const gd = document.querySelector('#view-live .js-plotly-plot') as unknown as { layout: { hovermode: unknown; dragmode: unknown } };
        return { hover: gd.layout.hovermode, drag: gd.layout.dragmode, modebar: document.querySelector('#view-live .modebar') !== null };
      });
    expect(await rasterMode()).toEqual({ hover: 'closest', drag: 'zoom', modebar: true });
    await page.click('#run');
    await page.waitForSelector('#view-live[data-running="true"]');
    await page.waitForSelector('#view-live[data-interactive="false"]', { timeout: 30_000 });
    expect((await rasterMode()).hover).toBe(false);
    expect(errors).toEqual([]);
  });

  it("the backend selector's gpu (gpu.js webgl2 under SwiftShader) runs the CUBA network with runAsync()", async () => {
    await page.selectOption('#speed', '0.5');
    await page.selectOption('#backend', 'gpu');
    await page.waitForSelector('#view-live[data-backend="gpu"][data-running="true"]', { timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.spikes) > 500, undefined, { timeout: 30_000 });
    expect(await page.locator('#live-status').textContent()).toContain('webgl2');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-gpu.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the gpu backend runs Song\'s STDP network (time advances, the weights are drawn)', async () => {
    await page.selectOption('#speed', '2');
    await page.selectOption('#preset', 'stdp');
    await page.waitForSelector('#view-live[data-backend="gpu"][data-running="true"]', { timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.t) > 20, undefined, { timeout: 30_000 });
    const t0 = await modelTime();
    await page.waitForFunction((t) => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.t) > t + 10, t0, { timeout: 30_000 });
    expect(await page.locator('#live-status').textContent()).toContain('gpu backend: gpu.js mode webgl2');
    await page.waitForFunction(() => (window.engramLive?.weightRedraws ?? 0) > 0, undefined, { timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-stdp-gpu.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the gpu backend runs the CA3 memory (sPyNNaker semantics), and it learns and recalls', async () => {
    await page.selectOption('#preset', 'ca3');
    await page.waitForSelector('#view-live[data-state="ready"][data-running="true"] #learn', { timeout: 30_000 });
    expect(await page.locator('#backend').inputValue()).toBe('gpu');
    expect(await live('backend')).toBe('gpu');
    const t0 = await modelTime();
    await page.waitForFunction((t) => Number(document.querySelector<HTMLElement>('#view-live')?.dataset.t) > t + 10, t0, { timeout: 30_000 });
    expect(await page.locator('#live-status').textContent()).toContain('gpu backend');
    await page.fill('#cue', '3');
    await page.fill('#content', '2, 5');
    await page.click('#learn');
    await page.waitForSelector('#recall[data-kind="learn"]');
    await page.click('#recall-cue');
    await page.waitForSelector('#recall[data-kind="recallByCue"]');
    expect(await page.locator('#recall').getAttribute('data-content')).toBe('2,5');
    await page.selectOption('#backend', 'cpu');
    await page.waitForSelector('#view-live[data-backend="cpu"][data-running="true"]', { timeout: 30_000 });
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

  it('the results view opens a generated result.json from the runs list and dropped onto the page, and a broken file shows a message', async () => {
    await page.click('#tab-results');
    await page.click('#runs a');
    await page.waitForSelector('#view-results[data-state="ready"] .figure .main-svg');
    expect(await page.locator('#result-title').textContent()).toContain('Vogels');
    expect(await page.locator('#view-results .figure').count()).toBeGreaterThan(0);
    expect(await page.locator('#view-results .figure-error').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-results.png'), fullPage: true });
    // drag and drop: a real drop event whose DataTransfer carries a File made in the page
    const dropped = await page.evaluate(async () => {
      const text = await (await fetch('api/result?path=vogels2005-cuba%2Fquick-run%2Fresult.json')).text();
      const zone = document.querySelector<HTMLElement>('#drop-zone')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped-result.json', { type: 'application/json' }));
      const over = new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true });
      zone.dispatchEvent(over);
      const highlighted = zone.classList.contains('over');
      const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
      zone.dispatchEvent(drop);
      return { highlighted, handled: drop.defaultPrevented && over.defaultPrevented, stillHighlighted: zone.classList.contains('over') };
    });
    expect(dropped).toEqual({ highlighted: true, handled: true, stillHighlighted: false });
    await page.waitForFunction(() => document.querySelector('#result .meta')?.textContent?.startsWith('dropped-result.json'));
    await page.waitForSelector('#view-results[data-state="ready"] .figure .main-svg');
    expect(await page.locator('#result-title').textContent()).toContain('Vogels');
    expect(await page.locator('#view-results .figure-error').count()).toBe(0);
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
