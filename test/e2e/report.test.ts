/**
 * The report in a real headless Chromium: it loads offline (no request leaves file://),
 * logs no console errors, and every figure holds plotted data. A screenshot goes to
 * test-artifacts/ for people to look at.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plotlyBundlePath } from '../../src/io/plotlySource.js';
import { readResultFile } from '../../src/io/readResultFile.js';
import { renderReport } from '../../src/io/report.js';
import { runCli, tempDir } from '../fixtures/cliHarness.js';
import { launchChromium } from './chromium.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');

interface FigureState {
  id: string;
  kind: string;
  traces: number;
  points: number;
  drawn: boolean;
}

/** Loads a page offline and reports console errors, page errors, outside requests and figure contents. */
async function inspect(context: BrowserContext, url: string, screenshot?: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith('file:') || requested.startsWith('data:') || requested.startsWith('blob:')) {
      return route.continue();
    }
    outside.push(requested);
    return route.abort();
  });
  await page.goto(url);
  await page.waitForSelector('html[data-report]', { timeout: 30_000 });
  const state = await page.evaluate(() => {
    const count = (v: unknown): number => (v && typeof (v as { length?: unknown }).length === 'number' ? (v as ArrayLike<unknown>).length : 0);
    return {
      report: document.documentElement.getAttribute('data-report'),
      figures: Array.from(document.querySelectorAll<HTMLElement>('.figure')).map((el) => {
        const data = ((el as unknown as { data?: Record<string, unknown>[] }).data ?? []) as Record<string, unknown>[];
        const points = data.reduce((sum, t) => sum + Math.max(count(t.x), count(t.y), count(t.z)), 0);
        return {
          id: el.id,
          kind: el.dataset.kind ?? '',
          traces: data.length,
          points,
          drawn: el.querySelector('.main-svg') !== null,
        };
      }),
      errorBoxes: document.querySelectorAll('.figure-error').length,
      title: document.title,
    };
  });
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { ...state, errors, outside, figures: state.figures as FigureState[] };
}

describe('report.html in headless Chromium', () => {
  let browser: { context: BrowserContext; close(): Promise<void> };
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('engram-e2e-');
    // plotlySource: undefined replaces the harness's stub, so the report inlines the real plotly.js
    const run = await runCli(['run', 'fixture-demo', '--quick', '--out', join(dir, 'run'), '--quiet'], {
      plotlySource: undefined,
    });
    expect(run.code, run.stderr).toBe(0);
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renderReport() output loads offline with no console errors and every figure holds data', async () => {
    const url = pathToFileURL(join(dir, 'run', 'report.html')).href;
    const state = await inspect(browser.context, url, join(ARTIFACTS, 'report.png'));
    expect(state.report).toBe('ready');
    expect(state.errors).toEqual([]);
    expect(state.outside).toEqual([]);
    expect(state.errorBoxes).toBe(0);
    expect(state.title).toContain('Demo: Poisson spike trains');
    expect(state.figures.map((f) => f.kind)).toEqual([
      'raster',
      'membrane',
      'weight-matrix',
      'weight-histogram',
      'stdp-window',
      'recall-load',
      'line',
      'histogram',
      'bar',
      'heatmap',
    ]);
    for (const figure of state.figures) {
      expect(figure.traces, figure.id).toBeGreaterThan(0);
      expect(figure.points, figure.id).toBeGreaterThan(0);
      expect(figure.drawn, figure.id).toBe(true);
    }
  });

  it('renderReport() with plotly copied beside the page loads offline too', async () => {
    const result = await readResultFile(join(dir, 'run', 'result.json'));
    const beside = join(dir, 'beside');
    mkdirSync(beside);
    copyFileSync(plotlyBundlePath(), join(beside, 'plotly.js'));
    writeFileSync(join(beside, 'report.html'), renderReport(result, { plotly: { src: 'plotly.js' } }));
    const state = await inspect(browser.context, pathToFileURL(join(beside, 'report.html')).href);
    expect(state.report).toBe('ready');
    expect(state.errors).toEqual([]);
    expect(state.outside).toEqual([]);
    expect(state.figures.every((f) => f.points > 0)).toBe(true);
  });
});
