/**
 * A block of memory holding a population's arrays side by side, backed by a
 * WebAssembly.Memory so that SIMD kernels can work on them in place. Every array starts
 * on a 16-byte boundary and has room for a multiple of 4 entries (one SIMD vector).
 *
 * Reallocation (when a delay ring needs more slots) moves everything into a new memory
 * and replaces the views; code must therefore read arrays through their owner each
 * time rather than keep a reference across structural changes.
 */
export type ArenaArray = Float32Array | Int32Array | Uint32Array;
type Ctor = Float32ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor;

/** One region of the arena: `count` arrays of `length` entries each. */
export interface ArenaRegion {
  readonly name: string;
  readonly type: Ctor;
  /** entries per array (views have this length) */
  readonly length: number;
  /** number of arrays back to back (e.g. ring slots); default 1 */
  readonly count?: number;
}

const PAGE = 65536;

/** Entries rounded up to a whole SIMD vector of 4 lanes. */
export function padToVector(length: number): number {
  return Math.ceil(length / 4) * 4;
}

export class Arena {
  memory: WebAssembly.Memory;
  private offsets = new Map<string, number>();
  private regions: ArenaRegion[] = [];

  constructor(regions: readonly ArenaRegion[]) {
    const { offsets, bytes } = Arena.layout(regions);
    this.memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
    this.offsets = offsets;
    this.regions = [...regions];
  }

  private static layout(regions: readonly ArenaRegion[]): { offsets: Map<string, number>; bytes: number } {
    const offsets = new Map<string, number>();
    let at = 0;
    for (const r of regions) {
      offsets.set(r.name, at);
      at += padToVector(r.length) * 4 * (r.count ?? 1);
    }
    return { offsets, bytes: at };
  }

  /** View of array `index` of region `name` (length = the region's length). */
  view(name: string, index = 0): ArenaArray {
    const r = this.regions.find((x) => x.name === name);
    if (!r) throw new Error(`arena has no region '${name}'`);
    const off = this.offsets.get(name)! + index * padToVector(r.length) * 4;
    return new r.type(this.memory.buffer, off, r.length);
  }

  /** View of a whole region (every array back to back, padded stride). */
  regionView(name: string): ArenaArray {
    const r = this.regions.find((x) => x.name === name);
    if (!r) throw new Error(`arena has no region '${name}'`);
    return new r.type(this.memory.buffer, this.offsets.get(name)!, padToVector(r.length) * (r.count ?? 1));
  }

  /**
   * Replaces the layout with `regions` in a new memory. `move(name, oldView, newView)`
   * copies each region that exists in both; by default the common prefix is copied.
   */
  relayout(regions: readonly ArenaRegion[], move?: (name: string, from: ArenaArray, to: ArenaArray) => boolean): void {
    const oldRegions = this.regions;
    const oldViews = new Map(oldRegions.map((r) => [r.name, this.regionView(r.name)]));
    const { offsets, bytes } = Arena.layout(regions);
    this.memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
    this.offsets = offsets;
    this.regions = [...regions];
    for (const r of regions) {
      const from = oldViews.get(r.name);
      if (!from) continue;
      const to = this.regionView(r.name);
      if (move && move(r.name, from, to)) continue;
      to.set(from.subarray(0, Math.min(from.length, to.length)) as never);
    }
  }
}
