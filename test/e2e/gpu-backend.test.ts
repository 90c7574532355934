/**
 * The gpu backend in a real headless Chromium, on gpu.js's `webgl2` (SwiftShader) and
 * `webgpu` (SwiftShader, with --enable-unsafe-webgpu) modes: the networks of the backend
 * suite (`test/fixtures/backendNetworks.ts`, bundled for the page with esbuild and
 * served from a loopback HTTP server) against the cpu reference computed here in Node,
 * with the suite's tolerances: spike counts within 5 % (+3), first spikes within one
 * step; CUBA (N = 1000) spike counts within 5 %, with and without on-device gathers.
 * The page must log no console errors and request nothing outside the loopback server.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GpuMode } from '../../src/backends/backend.js';
import {
  CPU,
  DRIVEN_MODELS,
  compareDriven,
  runCuba,
  runDriven,
  type BackendCase,
  type CubaResult,
  type DrivenResult,
} from '../fixtures/backendNetworks.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

/** What the page exposes (`window.engramE2E`). */
interface PageApi {
  runDriven(name: string, b: BackendCase, ms?: number): Promise<DrivenResult>;
  runCuba(b: BackendCase, gather: 'none' | 'all', n?: number, ms?: number): Promise<CubaResult>;
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>engram gpu e2e</title></head>
<body><script src="/engram-e2e.js"></script></body></html>`;

/** Bundles the backend networks (and the whole engine, gpu.js's browser build included) for the page. */
async function bundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import { runCuba, runDriven } from './test/fixtures/backendNetworks.ts'; globalThis.engramE2E = { runCuba, runDriven };",
      resolveDir: process.cwd(),
      loader: 'ts',
      sourcefile: 'engram-e2e-entry.ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** A loopback server for the page and the bundle. */
async function serve(script: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    else if (req.url === '/engram-e2e.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const MODES: { mode: GpuMode; args: string[] }[] = [
  { mode: 'webgl2', args: [] },
  { mode: 'webgpu', args: ['--enable-unsafe-webgpu'] },
];

let site: { url: string; server: Server };
/** cpu reference results, computed once in Node */
const reference = new Map<string, DrivenResult>();
let cubaReference: CubaResult;

beforeAll(async () => {
  site = await serve(await bundle());
  for (const name of Object.keys(DRIVEN_MODELS)) reference.set(name, await runDriven(name, CPU));
  cubaReference = await runCuba(CPU, 'none');
});

afterAll(async () => {
  await new Promise((resolve) => site?.server.close(resolve));
});

describe.each(MODES)('gpu backend in headless Chromium, gpu.js mode $mode', ({ mode, args }) => {
  const b: BackendCase = { label: `gpu:${mode}`, backend: 'gpu', mode };
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  const errors: string[] = [];
  const outside: string[] = [];

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'engram-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...args] });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.startsWith(site.url) || requested.startsWith('data:')) return route.continue();
      outside.push(requested);
      return route.abort();
    });
    await page.goto(site.url);
    await page.waitForFunction(() => 'engramE2E' in globalThis);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it.each(Object.keys(DRIVEN_MODELS))(`network.runAsync() of a driven %s network on gpu:${mode} matches the cpu within tolerance`, async (name) => {
    const got = await page.evaluate(
      ([n, backend]) => (globalThis as unknown as { engramE2E: PageApi }).engramE2E.runDriven(n, backend),
      [name, b] as const,
    );
    expect(got).toMatchObject({ backend: 'gpu', mode });
    expect(compareDriven(reference.get(name)!, got).problems).toEqual([]);
    expect(errors).toEqual([]);
  });

  it(`network.runAsync() of CUBA (N = 1000, 100 ms) on gpu:${mode} gives the cpu spike count within 5 %, with and without on-device gathers`, async () => {
    for (const gather of ['none', 'all'] as const) {
      const got = await page.evaluate(
        ([backend, g]) => (globalThis as unknown as { engramE2E: PageApi }).engramE2E.runCuba(backend, g),
        [b, gather] as const,
      );
      expect(got).toMatchObject({ backend: 'gpu', mode });
      expect(Math.abs(got.spikes - cubaReference.spikes), `gather: ${gather}, ${got.spikes} vs ${cubaReference.spikes} spikes`).toBeLessThanOrEqual(
        0.05 * cubaReference.spikes,
      );
    }
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
