/**
 * The progress bar of long runs: one line on the terminal, redrawn in place, with the
 * simulated time done, the speed (steps/s when the experiment reports steps, else
 * simulated units per second) and the estimated time left:
 *
 *     vogels2005-cuba ███████░░░░░░░░░░░░░  36%  360/1000 ms  41.2k steps/s  ETA 0:08
 *
 * It draws only on an interactive terminal, and never in CI (`CI` set) or with `--quiet`
 * or `--json`; log lines printed while it is shown go above it.
 */
import type { Progress } from '../io/experiment.js';
import { isCI, type TextOutput } from './terminal.js';

/** When a progress bar may draw. */
export interface ProgressConditions {
  readonly output: TextOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly quiet: boolean;
}

/** True when progress should be shown: a TTY, not CI, not quiet. */
export function progressEnabled(conditions: ProgressConditions): boolean {
  return conditions.output.isTTY === true && !isCI(conditions.env) && !conditions.quiet;
}

/** Options of {@link ProgressBar}. */
export interface ProgressBarOptions {
  /** draw at all (see {@link progressEnabled}) */
  readonly enabled: boolean;
  /** text before the bar, e.g. the experiment name */
  readonly label: string;
  /** milliseconds clock; default performance.now */
  readonly now?: () => number;
  /** least time between redraws (ms); default 100 */
  readonly minIntervalMs?: number;
}

/** Compact count: 950, 12.3k, 4.56M. */
export function compactCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toPrecision(3)}G`;
  if (abs >= 1e6) return `${(value / 1e6).toPrecision(3)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toPrecision(3)}k`;
  return String(Math.round(value));
}

/** Duration as m:ss or h:mm:ss. */
export function clockTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function amount(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/**
 * The text of one progress line (without control characters).
 *
 * @param elapsedS wall seconds since the run started
 * @param width the line's maximum width
 */
export function formatProgressLine(label: string, progress: Progress, elapsedS: number, width: number): string {
  const fraction = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 0;
  const parts: string[] = [`${String(Math.floor(fraction * 100)).padStart(3)}%`];
  parts.push(`${amount(progress.done)}/${amount(progress.total)} ${progress.unit}`);
  if (elapsedS > 0) {
    if (progress.steps !== undefined) parts.push(`${compactCount(progress.steps / elapsedS)} steps/s`);
    else parts.push(`${compactCount(progress.done / elapsedS)} ${progress.unit}/s`);
  }
  if (fraction > 0 && fraction < 1 && elapsedS > 0) parts.push(`ETA ${clockTime((elapsedS * (1 - fraction)) / fraction)}`);
  const head = progress.label ? `${label} ${progress.label}` : label;
  const tail = parts.join('  ');
  const barWidth = Math.max(0, Math.min(30, width - head.length - tail.length - 4));
  const filled = Math.round(fraction * barWidth);
  const bar = barWidth >= 5 ? ` ${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}` : '';
  const line = `${head}${bar}  ${tail}`;
  return line.length > width ? line.slice(0, Math.max(0, width - 1)) : line;
}

/** A single-line progress bar on a terminal; does nothing when not enabled. */
export class ProgressBar {
  private readonly now: () => number;
  private readonly minIntervalMs: number;
  private readonly started: number;
  private lastDraw = -Infinity;
  private last: Progress | undefined;
  private shown = false;

  constructor(
    private readonly output: TextOutput,
    private readonly options: ProgressBarOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.minIntervalMs = options.minIntervalMs ?? 100;
    this.started = this.now();
  }

  /** Records progress; redraws at most every `minIntervalMs` (and always at 100%). */
  update(progress: Progress): void {
    this.last = progress;
    if (!this.options.enabled) return;
    const t = this.now();
    const finished = progress.total > 0 && progress.done >= progress.total;
    if (!finished && t - this.lastDraw < this.minIntervalMs) return;
    this.lastDraw = t;
    this.draw();
  }

  /** Prints a line of text above the bar (or just prints it when the bar is off). */
  log(message: string): void {
    if (this.shown) this.output.write('\r\x1b[2K');
    this.output.write(`${message}\n`);
    if (this.shown) this.draw();
  }

  /** Removes the bar from the terminal. */
  finish(): void {
    if (this.shown) this.output.write('\r\x1b[2K');
    this.shown = false;
  }

  private draw(): void {
    if (!this.last) return;
    const columns = this.output.columns;
    // an unknown or zero width (some pseudo-terminals) reads as the classic 80
    const width = columns !== undefined && columns >= 20 ? columns - 1 : 79;
    const elapsedS = (this.now() - this.started) / 1000;
    this.output.write(`\r${formatProgressLine(this.options.label, this.last, elapsedS, width)}\x1b[K`);
    this.shown = true;
  }
}
