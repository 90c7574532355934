/**
 * The IF_curr_exp step as a WebAssembly SIMD kernel (f32x4: four neurons per
 * instruction), working in place on the population's arena. Arithmetic is single
 * precision in a fixed order; {@link stepIFCurrExpF32} computes the same operations
 * with Math.fround, bit for bit, for the last size mod 4 neurons and as the fallback
 * where WebAssembly SIMD is missing. Same seed, same spikes, with or without SIMD.
 *
 *   ie = iSynE + inE;  ii = iSynI + inI;  inE = inI = 0
 *   iSynE = ie p11e;   iSynI = ii p11i
 *   vn = (((v - vRest) p33 + vRest) + iExt p30 + ie p31e) + ii p31i
 *   refractory > 0: v kept, refractory - 1; else vn >= vThresh: spike, v = vReset,
 *   refractory = refSteps; else v = vn
 */
import type { IFCurrExpPropagators } from '../../../neurons/ifCurrExp.js';
import { Code, F32, I32, V128, buildModule } from './encoder.js';

const f = Math.fround;

/** The kernel's constants, rounded to single precision. */
export interface IFCurrExpF32Constants {
  readonly p33: number;
  readonly p30: number;
  readonly p31e: number;
  readonly p31i: number;
  readonly p11e: number;
  readonly p11i: number;
  readonly vRest: number;
  readonly vReset: number;
  readonly vThresh: number;
  readonly refSteps: number;
}

export function f32Constants(pr: Readonly<IFCurrExpPropagators>, vRest: number, vReset: number, vThresh: number): IFCurrExpF32Constants {
  return {
    p33: f(pr.p33),
    p30: f(pr.p30),
    p31e: f(pr.p31e),
    p31i: f(pr.p31i),
    p11e: f(pr.p11e),
    p11i: f(pr.p11i),
    vRest: f(vRest),
    vReset: f(vReset),
    vThresh: f(vThresh),
    refSteps: pr.refSteps,
  };
}

/**
 * Single-precision IF_curr_exp step over neurons [from, to): the same operations as
 * the SIMD kernel. Appends spiking indices to `spikes` from position `count`; returns
 * the new count.
 */
export function stepIFCurrExpF32(
  from: number,
  to: number,
  v: Float32Array,
  iSynE: Float32Array,
  iSynI: Float32Array,
  refractory: Int32Array,
  iExt: Float32Array,
  inputE: Float32Array | null,
  inputI: Float32Array | null,
  spikes: Uint32Array,
  count: number,
  c: IFCurrExpF32Constants,
): number {
  for (let i = from; i < to; i++) {
    let ie = iSynE[i];
    let ii = iSynI[i];
    if (inputE !== null && inputI !== null) {
      ie = f(ie + inputE[i]);
      ii = f(ii + inputI[i]);
      inputE[i] = 0;
      inputI[i] = 0;
    }
    iSynE[i] = f(ie * c.p11e);
    iSynI[i] = f(ii * c.p11i);
    const r = refractory[i];
    if (r > 0) {
      refractory[i] = r - 1;
      continue;
    }
    const vn = f(f(f(f(f(v[i] - c.vRest) * c.p33) + c.vRest) + f(iExt[i] * c.p30)) + f(ie * c.p31e));
    const vn2 = f(vn + f(ii * c.p31i));
    if (vn2 >= c.vThresh) {
      v[i] = c.vReset;
      refractory[i] = c.refSteps;
      spikes[count++] = i;
    } else {
      v[i] = vn2;
    }
  }
  return count;
}

/**
 * The kernel's arguments, read from a block of the memory (one i32 or f32 per word, in
 * this order), so the call from JavaScript passes a single pointer: a call with many
 * arguments goes through V8's generic wrapper and allocates.
 */
export const IF_CURR_EXP_ARGS = ['v', 'ie', 'ii', 'r', 'ext', 'inE', 'inI', 'spk', 'nBytes', 'p33', 'p30', 'p31e', 'p31i', 'p11e', 'p11i', 'vRest', 'vReset', 'vThresh', 'refSteps'] as const;
const FLOAT_ARGS = new Set(['p33', 'p30', 'p31e', 'p31i', 'p11e', 'p11i', 'vRest', 'vReset', 'vThresh']);

// Local indices of the wasm function: 0 is the argument block pointer, then the arguments.
const P = Object.fromEntries(IF_CURR_EXP_ARGS.map((name, i) => [name, i + 1])) as Record<(typeof IF_CURR_EXP_ARGS)[number], number>;
const L = { o: 20, count: 21, bits: 22, idx: 23, IE: 24, II: 25, R: 26, VOLD: 27, VN: 28, ACT: 29, SPK: 30, cP33: 31, cP30: 32, cP31E: 33, cP31I: 34, cP11E: 35, cP11I: 36, cVREST: 37, cVRESET: 38, cVTH: 39, cREF: 40, cONE: 41 };

/** Which inputs a kernel variant reads. */
export interface IFCurrExpKernelVariant {
  /** reads and zeroes the ring input slots */
  readonly ringInput: boolean;
  /** reads iExt (skipped while it is zero everywhere; adding +0 changes nothing) */
  readonly ext: boolean;
}

function kernelBytes(variant: IFCurrExpKernelVariant): Uint8Array<ArrayBuffer> {
  const c = new Code();
  const at = (ptr: number) => c.get(ptr).get(L.o).i32Add();
  IF_CURR_EXP_ARGS.forEach((name, i) => {
    c.get(0);
    if (FLOAT_ARGS.has(name)) c.f32Load(4 * i);
    else c.i32Load(4 * i);
    c.set(P[name]);
  });
  // Splat the constants once.
  const splats: Array<[number, number]> = [
    [P.p33, L.cP33], [P.p30, L.cP30], [P.p31e, L.cP31E], [P.p31i, L.cP31I], [P.p11e, L.cP11E],
    [P.p11i, L.cP11I], [P.vRest, L.cVREST], [P.vReset, L.cVRESET], [P.vThresh, L.cVTH],
  ];
  for (const [p, l] of splats) c.get(p).f32x4Splat().set(l);
  c.get(P.refSteps).i32x4Splat().set(L.cREF);
  c.i32(1).i32x4Splat().set(L.cONE);
  c.i32(0).set(L.o).i32(0).set(L.count);
  c.block().loop();
  c.get(L.o).get(P.nBytes).i32GeU().brIf(1);
  // Synaptic input and decay.
  at(P.ie).v128Load();
  if (variant.ringInput) { at(P.inE).v128Load(); c.f32x4Add(); }
  c.set(L.IE);
  at(P.ii).v128Load();
  if (variant.ringInput) { at(P.inI).v128Load(); c.f32x4Add(); }
  c.set(L.II);
  if (variant.ringInput) {
    at(P.inE); c.v128Zero().v128Store();
    at(P.inI); c.v128Zero().v128Store();
  }
  at(P.ie); c.get(L.IE).get(L.cP11E).f32x4Mul().v128Store();
  at(P.ii); c.get(L.II).get(L.cP11I).f32x4Mul().v128Store();
  at(P.r).v128Load(); c.set(L.R);
  at(P.v).v128Load(); c.set(L.VOLD);
  // vn = (((v - vRest) p33 + vRest) + ext p30 + ie p31e) + ii p31i
  c.get(L.VOLD).get(L.cVREST).f32x4Sub().get(L.cP33).f32x4Mul().get(L.cVREST).f32x4Add();
  if (variant.ext) { at(P.ext).v128Load(); c.get(L.cP30).f32x4Mul().f32x4Add(); }
  c.get(L.IE).get(L.cP31E).f32x4Mul().f32x4Add();
  c.get(L.II).get(L.cP31I).f32x4Mul().f32x4Add().set(L.VN);
  // active = refractory == 0; spike = active & (vn >= vThresh)
  c.get(L.R).v128Zero().i32x4Eq().set(L.ACT);
  c.get(L.VN).get(L.cVTH).f32x4Ge().get(L.ACT).v128And().tee(L.SPK).i32x4Bitmask().set(L.bits);
  // v = active ? (spike ? vReset : vn) : v
  at(P.v); c.get(L.cVRESET).get(L.VN).get(L.SPK).v128Bitselect().get(L.VOLD).get(L.ACT).v128Bitselect().v128Store();
  // refractory = spike ? refSteps : refractory - (active ? 0 : 1); unchanged (all 0) in most vectors, so
  // store only when a lane is refractory or spiking.
  c.get(L.R).v128AnyTrue().get(L.bits).i32Or().if();
  at(P.r); c.get(L.cREF).get(L.R).get(L.cONE).get(L.ACT).v128AndNot().i32x4Sub().get(L.SPK).v128Bitselect().v128Store();
  c.end();
  // Append spiking lanes.
  c.get(L.bits).if();
  c.get(L.o).i32(2).i32ShrU().set(L.idx);
  for (let lane = 0; lane < 4; lane++) {
    c.get(L.bits).i32(1 << lane).i32And().if();
    c.get(P.spk).get(L.count).i32(2).i32Shl().i32Add();
    c.get(L.idx).i32(lane).i32Add().i32Store();
    c.get(L.count).i32(1).i32Add().set(L.count);
    c.end();
  }
  c.end();
  c.get(L.o).i32(16).i32Add().set(L.o);
  c.br(0);
  c.end().end();
  c.get(L.count);
  const argLocals = IF_CURR_EXP_ARGS.map((name) => (FLOAT_ARGS.has(name) ? F32 : I32));
  const locals = [...argLocals, I32, I32, I32, I32, ...new Array<number>(18).fill(V128)];
  return buildModule('step', [I32], [I32], locals, c);
}

/** A kernel: takes the byte offset of its argument block, returns the spike count. */
type StepFn = (args: number) => number;

const compiled = new Map<string, WebAssembly.Module | null>();

/** The compiled kernel module of a variant, or null where WebAssembly SIMD is not available. */
export function ifCurrExpSimdModule(variant: IFCurrExpKernelVariant): WebAssembly.Module | null {
  const key = `${+variant.ringInput}${+variant.ext}`;
  if (compiled.has(key)) return compiled.get(key)!;
  let mod: WebAssembly.Module | null = null;
  try {
    const bytes = kernelBytes(variant);
    mod = typeof WebAssembly !== 'undefined' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    mod = null;
  }
  compiled.set(key, mod);
  return mod;
}

/** The four variants of the SIMD kernel instantiated on `memory`; null where SIMD is not available. */
export interface IFCurrExpSimdKernels {
  /** index: ringInput * 2 + ext */
  readonly variants: readonly StepFn[];
}

export function instantiateIFCurrExpSimd(memory: WebAssembly.Memory): IFCurrExpSimdKernels | null {
  const variants: StepFn[] = [];
  for (const ringInput of [false, true]) {
    for (const ext of [false, true]) {
      const mod = ifCurrExpSimdModule({ ringInput, ext });
      if (!mod) return null;
      variants.push(new WebAssembly.Instance(mod, { env: { memory } }).exports.step as StepFn);
    }
  }
  return { variants };
}
