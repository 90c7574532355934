/**
 * Bit sets of SDRs that take part in repeated overlaps, kept side by side in one
 * WebAssembly memory. The overlap of two stored bit sets is then a SIMD AND and
 * population count over whole 128-bit vectors (n = 2048: 16 vectors, no branch per bit),
 * and one stored set turns the overlap with any other SDR into look-ups of that SDR's
 * active bits.
 *
 * Slots are sized per SDR size (a multiple of 32 bytes, zero beyond the last bit), reused
 * when the SDR's value changes, and returned to a free list when the SDR is collected.
 * The store is created on first use (no work at import).
 */
import { Code, I32, V128, buildModule } from '../backends/cpu/wasm/encoder.js';

const PAGE = 65536;

/** Bytes of the slot of an SDR of `size` bits: whole pairs of 128-bit vectors. */
export function bitSlotBytes(size: number): number {
  // sizes with bit sets are <= 2^20, so the shifts stay in int32 range
  return ((size + 255) >>> 8) << 5;
}

/**
 * `overlap(a, b, end)`: the number of bits set in both of the bit sets at byte offsets `a`
 * and `b`, each `end - a` bytes long (a multiple of 32):
 *   acc += extadd(extadd(popcnt(a[0..15] & b[0..15]) + popcnt(a[16..31] & b[16..31])))
 * per 32 bytes, then the sum of acc's four lanes. Per lane the i8 sum is at most 16, so
 * the pairwise widening never overflows.
 */
function overlapKernelBytes(): Uint8Array<ArrayBuffer> {
  const A = 0;
  const B = 1;
  const END = 2;
  const ACC = 3;
  const c = new Code();
  c.block().loop();
  c.get(A).get(END).i32GeU().brIf(1);
  c.get(A).v128Load(0).get(B).v128Load(0).v128And().i8x16Popcnt();
  c.get(A).v128Load(16).get(B).v128Load(16).v128And().i8x16Popcnt();
  c.i8x16Add().i16x8ExtaddPairwiseI8x16U().i32x4ExtaddPairwiseI16x8U().get(ACC).i32x4Add().set(ACC);
  c.get(A).i32(32).i32Add().set(A);
  c.get(B).i32(32).i32Add().set(B);
  c.br(0);
  c.end().end();
  c.get(ACC).i32x4ExtractLane(0).get(ACC).i32x4ExtractLane(1).i32Add();
  c.get(ACC).i32x4ExtractLane(2).i32Add().get(ACC).i32x4ExtractLane(3).i32Add();
  return buildModule('overlap', [I32, I32, I32], [I32], [V128], c);
}

/** The SIMD overlap kernel's module, or null where WebAssembly SIMD is not available. */
function overlapModule(): WebAssembly.Module | null {
  try {
    const bytes = overlapKernelBytes();
    return typeof WebAssembly !== 'undefined' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    return null;
  }
}

/** What a collected SDR gives back. */
interface SlotRelease {
  readonly at: number;
  readonly bytes: number;
}

/** The store of SDR bit sets (one per process or worker: {@link sdrBitStore}). */
export class SDRBitStore {
  private readonly memory: WebAssembly.Memory;
  /** the memory as 32-bit words; replaced when the memory grows, so read it at each use */
  words: Int32Array;
  /**
   * `(a, b, end) => |a ∧ b|` over the slots at byte offsets `a` and `b` (`end = a + slot
   * bytes`), in WebAssembly SIMD; null where SIMD is not available (look-ups then).
   */
  readonly overlap: ((a: number, b: number, end: number) => number) | null;
  /** bytes handed out by the bump allocator so far */
  private top = 0;
  /** free slots by slot size (bytes) */
  private readonly freeSlots = new Map<number, number[]>();
  private readonly registry: FinalizationRegistry<SlotRelease> | null;
  private live = 0;

  /** @param maximumPages - limit of the memory in 64 KiB pages (default: the engine's, 4 GiB) */
  constructor(maximumPages?: number) {
    this.memory = new WebAssembly.Memory(maximumPages === undefined ? { initial: 1 } : { initial: 1, maximum: maximumPages });
    this.words = new Int32Array(this.memory.buffer);
    const mod = overlapModule();
    this.overlap = mod === null
      ? null
      : (new WebAssembly.Instance(mod, { env: { memory: this.memory } }).exports.overlap as (a: number, b: number, end: number) => number);
    this.registry = typeof FinalizationRegistry === 'function'
      ? new FinalizationRegistry<SlotRelease>((slot) => this.release(slot.at, slot.bytes))
      : null;
  }

  /**
   * A zeroed slot of `bytes` bytes (a multiple of 32) for `owner`'s bit set; the slot
   * returns to the free list when `owner` is garbage-collected. Returns its byte offset,
   * or -1 when the memory cannot grow (4 GiB at most; overlaps then use look-ups).
   */
  allocate(bytes: number, owner: object): number {
    let at: number;
    const free = this.freeSlots.get(bytes);
    if (free !== undefined && free.length > 0) {
      at = free.pop()!;
    } else {
      at = this.top;
      const need = at + bytes;
      const have = this.memory.buffer.byteLength;
      if (need > have) {
        // Grow by doubling where possible (n slots cost O(log n) growths), else by what is needed.
        const pages = Math.ceil((need - have) / PAGE);
        if (!this.grow(Math.max(pages, have / PAGE)) && !this.grow(pages)) return -1;
        this.words = new Int32Array(this.memory.buffer);
      }
      this.top = need;
    }
    this.words.fill(0, at >>> 2, (at + bytes) >>> 2);
    this.registry?.register(owner, { at, bytes });
    this.live++;
    return at;
  }

  private grow(pages: number): boolean {
    try {
      this.memory.grow(pages);
      return true;
    } catch {
      return false; // RangeError: past the engine's limit or out of memory
    }
  }

  /** Returns a slot to the free list (called when its SDR has been collected). */
  release(at: number, bytes: number): void {
    let free = this.freeSlots.get(bytes);
    if (free === undefined) {
      free = [];
      this.freeSlots.set(bytes, free);
    }
    free.push(at);
    this.live--;
  }

  /** Slots in use, free slots and the memory's size in bytes (for tests and diagnostics). */
  stats(): { liveSlots: number; freeSlots: number; memoryBytes: number } {
    let freeCount = 0;
    for (const f of this.freeSlots.values()) freeCount += f.length;
    return { liveSlots: this.live, freeSlots: freeCount, memoryBytes: this.memory.buffer.byteLength };
  }
}

let store: SDRBitStore | null = null;

/** The process's (or worker's) store, created on first use. */
export function sdrBitStore(): SDRBitStore {
  if (store === null) store = new SDRBitStore();
  return store;
}
