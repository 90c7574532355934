/**
 * Dashboard benchmark: how often the live raster redraws while the CUBA network (N = 4000)
 * runs in the page's worker, in headless Chromium with software WebGL (SwiftShader; the CI
 * machine has two cores and no GPU). The goal: the raster keeps at least 20 redraws per
 * second. It builds the dashboard (as the e2e test does), serves it on a loopback port,
 * opens `?preset=cuba&autostart` in the system Chromium (fresh profile, the e2e flags),
 * waits until the raster's window is full, and counts over `--seconds`:
 * - raster redraws/s: completed raster redraws (`window.engramLive.rasterRedraws`: the
 *   update done and the frame that shows it begun);
 * - page fps: animation frames per second (requestAnimationFrame);
 * - simulated ms per wall second (the model time the page has drawn);
 * - the mean cost of a raster redraw, ms (update plus the rendering of its frame), and
 *   the spikes in the raster's window at the end.
 *
 *   npm run bench -- dashboard              one human line
 *   npm run bench -- dashboard --json       one JSON line (the human line goes to stderr)
 *   --seconds S      measuring time (default 10)
 *   --speed MS       model time per worker frame, ms (default 2, the page's default)
 *   --preset P       cuba (default), ca3, stdp, completion
 *   --backend B      cpu (default) or gpu
 *   --app DIR        serve a dashboard built before (default: build viz/ into a temporary
 *                    directory); a build without `window.engramLive` is counted through
 *                    plotly's `plotly_afterplot` event on the raster's figure instead
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDashboard } from '../src/cli/commandDashboard.js';
import { startDashboardServer } from '../src/cli/dashboardServer.js';
import { launchChromium } from '../test/e2e/chromium.js';

/** Raster redraws per second the dashboard must keep with CUBA (N = 4000) running. */
export const RASTER_GOAL_PER_S = 20;

/** One measurement. */
export interface DashboardBenchResult {
  name: 'dashboard';
  preset: string;
  backend: string;
  /** model time per worker frame, ms */
  speed_ms: number;
  seconds: number;
  raster_redraws_per_s: number;
  goal_redraws_per_s: number;
  goal_met: boolean;
  page_fps: number;
  sim_ms_per_wall_s: number;
  /**
   * mean cost of one raster redraw, ms: the update and the rendering of its frame (the
   * membrane panel's update included when it redraws with the raster); null where the
   * page does not say
   */
  raster_redraw_ms: number | null;
  /** redraws of the membrane panel per second; null where the page does not say */
  membrane_redraws_per_s: number | null;
  /** spikes drawn in the raster's window at the end */
  raster_points: number;
  /** what counted the redraws */
  counter: 'engramLive' | 'plotly_afterplot';
  gl_renderer: string;
  cores: number;
  load_average_1m: number;
  console_errors: number;
}

/** What the page reports in one snapshot (see SNAPSHOT). */
interface Snapshot {
  now: number;
  frames: number;
  redraws: number;
  drawMs: number | null;
  membrane: number | null;
  probe: boolean;
  t: number;
  points: number;
  running: boolean;
}

/**
 * Page-side snapshot, as source text (the page runs it as it is; nothing of the bundler's
 * helpers reaches it). The first call starts the frame counter and, for builds without
 * `window.engramLive`, a `plotly_afterplot` counter on the raster's figure.
 */
const SNAPSHOT = `(() => {
  const w = window;
  const gd = document.querySelector('#live-plot');
  if (!w.engramBench) {
    w.engramBench = { frames: 0, afterplot: 0 };
    const tick = () => { w.engramBench.frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    if (!w.engramLive && gd && gd.on) gd.on('plotly_afterplot', () => { w.engramBench.afterplot++; });
  }
  const root = document.querySelector('#view-live');
  const traces = (gd && gd.data) || [];
  let points = 0;
  for (const trace of traces) if (trace.type === 'scattergl' && trace.mode === 'markers') points += trace.x.length;
  return {
    now: performance.now(),
    frames: w.engramBench.frames,
    redraws: w.engramLive ? w.engramLive.rasterRedraws : w.engramBench.afterplot,
    drawMs: w.engramLive ? w.engramLive.rasterDrawMs : null,
    membrane: w.engramLive ? w.engramLive.membraneRedraws : null,
    probe: Boolean(w.engramLive),
    t: Number(root.dataset.t || 0),
    points,
    running: root.dataset.running === 'true',
  };
})()`;

/** Page-side: whether the model time has passed the raster's window length. */
const WINDOW_FULL = `(() => {
  const gd = document.querySelector('#live-plot');
  const range = gd && gd.layout && gd.layout.xaxis && gd.layout.xaxis.range;
  return Boolean(range) && Number(document.querySelector('#view-live').dataset.t) >= range[1] - range[0];
})()`;

const GL_RENDERER = `(() => {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'no webgl';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
})()`;

/** Runs the measurement once. */
export async function runDashboardBench(options: { seconds: number; speed: number; preset: string; backend: string; app?: string }): Promise<DashboardBenchResult> {
  const temp = mkdtempSync(join(tmpdir(), 'engram-bench-dashboard-'));
  const errors: string[] = [];
  try {
    const app = options.app ?? (await buildDashboard(join(temp, 'dist')));
    const server = await startDashboardServer({ appDir: app, port: 0 });
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}?preset=${encodeURIComponent(options.preset)}&backend=${encodeURIComponent(options.backend)}&autostart`);
      await page.selectOption('#speed', String(options.speed));
      await page.waitForSelector('#view-live[data-running="true"]', { timeout: 120_000 });
      // a full window of spikes on the raster before counting (300 ms for CUBA)
      await page.waitForFunction(WINDOW_FULL, undefined, { timeout: 120_000 });
      await page.evaluate(SNAPSHOT);
      await page.waitForTimeout(1000);
      const a = (await page.evaluate(SNAPSHOT)) as Snapshot;
      await page.waitForTimeout(options.seconds * 1000);
      const b = (await page.evaluate(SNAPSHOT)) as Snapshot;
      if (!b.running) throw new Error(`the ${options.preset} preset stopped running during the measurement${errors.length ? `: ${errors[0]}` : ''}`);
      const wall = (b.now - a.now) / 1000;
      const redraws = b.redraws - a.redraws;
      const perS = redraws / wall;
      return {
        name: 'dashboard',
        preset: options.preset,
        backend: options.backend,
        speed_ms: options.speed,
        seconds: round(wall, 2),
        raster_redraws_per_s: round(perS, 1),
        goal_redraws_per_s: RASTER_GOAL_PER_S,
        goal_met: perS >= RASTER_GOAL_PER_S,
        page_fps: round((b.frames - a.frames) / wall, 1),
        sim_ms_per_wall_s: round((b.t - a.t) / wall, 1),
        raster_redraw_ms: a.drawMs !== null && b.drawMs !== null && redraws > 0 ? round((b.drawMs - a.drawMs) / redraws, 1) : null,
        membrane_redraws_per_s: a.membrane !== null && b.membrane !== null ? round((b.membrane - a.membrane) / wall, 1) : null,
        raster_points: b.points,
        counter: b.probe ? 'engramLive' : 'plotly_afterplot',
        gl_renderer: (await page.evaluate(GL_RENDERER)) as string,
        cores: availableParallelism(),
        load_average_1m: round(loadavg()[0], 2),
        console_errors: errors.length,
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The human line. */
export function describeDashboardResult(r: DashboardBenchResult): string {
  const cost = r.raster_redraw_ms === null ? '' : `, ${r.raster_redraw_ms} ms per redraw`;
  const membrane = r.membrane_redraws_per_s === null ? '' : `, membrane panel ${r.membrane_redraws_per_s} redraws/s`;
  return (
    `dashboard: ${r.preset} (${r.backend}) in headless Chromium (${r.gl_renderer}), ${r.cores} cores: ` +
    `raster ${r.raster_redraws_per_s} redraws/s (goal >= ${r.goal_redraws_per_s}: ${r.goal_met ? 'met' : 'NOT met'})${cost}${membrane}, ` +
    `page ${r.page_fps} fps, ${r.sim_ms_per_wall_s} simulated ms per wall s, ${r.raster_points} spikes in the window, ` +
    `${r.seconds} s measured, load ${r.load_average_1m}${r.console_errors ? `, ${r.console_errors} console errors` : ''}`
  );
}

/** `npm run bench -- dashboard [--json] [--seconds S] [--speed MS] [--preset P] [--backend B] [--app DIR]` */
export async function dashboardMain(args: readonly string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      json: { type: 'boolean', default: false },
      seconds: { type: 'string', default: '10' },
      speed: { type: 'string', default: '2' },
      preset: { type: 'string', default: 'cuba' },
      backend: { type: 'string', default: 'cpu' },
      app: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) throw new Error(`dashboard bench: --seconds must be a positive number, got '${values.seconds}'`);
  const speed = Number(values.speed);
  if (![0.5, 1, 2, 5, 10, 20, 50].includes(speed)) throw new Error(`dashboard bench: --speed must be one of the page's speeds 0.5, 1, 2, 5, 10, 20, 50, got '${values.speed}'`);
  if (!['cuba', 'ca3', 'stdp', 'completion'].includes(values.preset)) throw new Error(`dashboard bench: --preset must be cuba, ca3, stdp or completion, got '${values.preset}'`);
  if (!['cpu', 'gpu'].includes(values.backend)) throw new Error(`dashboard bench: --backend must be cpu or gpu, got '${values.backend}'`);
  const result = await runDashboardBench({ seconds, speed, preset: values.preset, backend: values.backend, app: values.app });
  if (values.json) {
    out(JSON.stringify(result));
    err(describeDashboardResult(result));
  } else {
    out(describeDashboardResult(result));
  }
  return 0;
}
