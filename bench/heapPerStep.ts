/**
 * Heap bytes allocated per simulation step, for the engine's no-allocation rule.
 *
 * Over a window of steps (after a full collection): the growth of the used heap outside
 * V8's code spaces (freshly optimised code is the JIT's, not the engine's), plus whatever
 * the collections that ran inside the window freed (from V8's GC profiler, so a window
 * that allocates past the young generation is still counted in full). The result is the
 * smallest of `windows` windows: an allocation made every step shows in every window,
 * while the odd window in which V8 writes feedback or deoptimisation data does not.
 */
import { GCProfiler, getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
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

interface SpaceStats {
  readonly spaceName?: string;
  readonly space_name?: string;
  readonly spaceUsedSize?: number;
  readonly space_used_size?: number;
}

/** Used bytes of every heap space except the code spaces. */
function dataBytes(spaces: readonly SpaceStats[]): number {
  let sum = 0;
  for (const s of spaces) {
    const name = s.spaceName ?? s.space_name ?? '';
    if (!name.startsWith('code')) sum += s.spaceUsedSize ?? s.space_used_size ?? 0;
  }
  return sum;
}

/** Heap bytes per step of `advance(steps)` (which runs that many steps of a network); see the file's comment. */
export function heapBytesPerStep(advance: (steps: number) => void, steps = 2000, windows = 5): number {
  advance(steps);
  let best = Infinity;
  for (let w = 0; w < windows; w++) {
    collectGarbage();
    collectGarbage();
    const profiler = new GCProfiler();
    profiler.start();
    const before = dataBytes(getHeapSpaceStatistics());
    advance(steps);
    const after = dataBytes(getHeapSpaceStatistics());
    let freed = 0;
    for (const e of profiler.stop().statistics) {
      freed += dataBytes(e.beforeGC.heapSpaceStatistics) - dataBytes(e.afterGC.heapSpaceStatistics);
    }
    best = Math.min(best, Math.max(0, after - before + freed) / steps);
  }
  return best;
}
