/**
 * A minimal WebAssembly binary writer: just what Engram's SIMD kernels need (one
 * function per module, an imported memory, i32/f32/v128 instructions). Writing the bytes
 * directly keeps the project free of a wasm toolchain and of build steps.
 */

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
export function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function str(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
}

/** Instruction emitter for one function body. */
export class Code {
  readonly bytes: number[] = [];
  private op(...b: number[]): this {
    this.bytes.push(...b);
    return this;
  }
  private simd(opcode: number, ...rest: number[]): this {
    return this.op(0xfd, ...uleb(opcode), ...rest);
  }
  get(i: number) { return this.op(0x20, ...uleb(i)); }
  set(i: number) { return this.op(0x21, ...uleb(i)); }
  tee(i: number) { return this.op(0x22, ...uleb(i)); }
  i32(v: number) { return this.op(0x41, ...sleb(v)); }
  i32Add() { return this.op(0x6a); }
  i32Sub() { return this.op(0x6b); }
  i32And() { return this.op(0x71); }
  i32Or() { return this.op(0x72); }
  i32Shl() { return this.op(0x74); }
  i32ShrU() { return this.op(0x76); }
  i32LtU() { return this.op(0x49); }
  i32GeU() { return this.op(0x4f); }
  i32Eqz() { return this.op(0x45); }
  /** i32.load with natural alignment and a constant byte offset */
  i32Load(offset = 0) { return this.op(0x28, 2, ...uleb(offset)); }
  /** f32.load with natural alignment and a constant byte offset */
  f32Load(offset = 0) { return this.op(0x2a, 2, ...uleb(offset)); }
  /** i32.store with natural alignment (offset 0) */
  i32Store() { return this.op(0x36, 2, 0); }
  block() { return this.op(0x02, 0x40); }
  loop() { return this.op(0x03, 0x40); }
  if() { return this.op(0x04, 0x40); }
  end() { return this.op(0x0b); }
  br(depth: number) { return this.op(0x0c, ...uleb(depth)); }
  brIf(depth: number) { return this.op(0x0d, ...uleb(depth)); }
  /** v128.load (align 16) with a constant byte offset */
  v128Load(offset = 0) { return this.simd(0x00, 4, ...uleb(offset)); }
  v128Store() { return this.simd(0x0b, 4, 0); }
  v128Zero() { return this.simd(0x0c, ...new Array<number>(16).fill(0)); }
  f32x4Splat() { return this.simd(0x13); }
  i32x4Splat() { return this.simd(0x11); }
  i32x4Eq() { return this.simd(0x37); }
  i32x4Sub() { return this.simd(0xb1); }
  f32x4Ge() { return this.simd(0x46); }
  f32x4Add() { return this.simd(0xe4); }
  f32x4Sub() { return this.simd(0xe5); }
  f32x4Mul() { return this.simd(0xe6); }
  v128And() { return this.simd(0x4e); }
  v128AndNot() { return this.simd(0x4f); }
  v128Bitselect() { return this.simd(0x52); }
  v128AnyTrue() { return this.simd(0x53); }
  i32x4Bitmask() { return this.simd(0xa4); }
  i8x16Popcnt() { return this.simd(0x62); }
  i8x16Add() { return this.simd(0x6e); }
  i16x8ExtaddPairwiseI8x16U() { return this.simd(0x7d); }
  i32x4ExtaddPairwiseI16x8U() { return this.simd(0x7f); }
  i32x4Add() { return this.simd(0xae); }
  i32x4ExtractLane(lane: number) { return this.simd(0x1b, lane); }
}

/**
 * A module with one exported function `name` and an imported memory `env.memory`.
 * `locals` lists the types of the function's locals beyond its parameters.
 */
export function buildModule(
  name: string,
  params: readonly number[],
  results: readonly number[],
  locals: readonly number[],
  code: Code,
): Uint8Array<ArrayBuffer> {
  const type = section(1, [1, 0x60, ...uleb(params.length), ...params, ...uleb(results.length), ...results]);
  const imports = section(2, [1, ...str('env'), ...str('memory'), 0x02, 0x00, ...uleb(1)]);
  const funcs = section(3, [1, 0]);
  const exports = section(7, [1, ...str(name), 0x00, 0]);
  // Locals as runs of the same type.
  const runs: number[][] = [];
  for (const t of locals) {
    const last = runs[runs.length - 1];
    if (last && last[1] === t) last[0]++;
    else runs.push([1, t]);
  }
  const localBytes = [...uleb(runs.length), ...runs.flatMap(([count, t]) => [...uleb(count), t])];
  const body = [...localBytes, ...code.bytes, 0x0b];
  const codeSec = section(10, [1, ...uleb(body.length), ...body]);
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...imports, ...funcs, ...exports, ...codeSec]);
}
