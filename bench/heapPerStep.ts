/**
 * Heap bytes allocated per simulation step, for the engine's no-allocation rule: after a
 * full collection, the growth of the used heap over `steps` steps. Keep steps * (bytes
 * per step) well below V8's young generation (at least 1 MB) so that no collection runs
 * in between (2000 steps: exact up to about 500 B/step; more only makes it larger).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null = null;

/** A full garbage collection (exposes V8's `gc` the first time). */
export function collectGarbage(): void {
  if (gc === null) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * Heap bytes per step of `advance(steps)` (which runs that many steps of a network): the
 * median over `windows` windows, each measured after a full collection. One unmeasured
 * call goes first, and the median ignores the odd window in which V8 installs freshly
 * optimised code (its code objects count in the used heap: up to ~250 kB at once), while
 * an allocation made every step shows in every window.
 */
export function heapBytesPerStep(advance: (steps: number) => void, steps = 2000, windows = 5): number {
  advance(steps);
  const perStep: number[] = [];
  for (let w = 0; w < windows; w++) {
    collectGarbage();
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    advance(steps);
    const after = process.memoryUsage().heapUsed;
    perStep.push(Math.max(0, after - before) / steps);
  }
  perStep.sort((a, b) => a - b);
  return perStep[windows >> 1];
}
