/**
 * MurmurHash3_x86_32 (Austin Appleby, public domain), the hash htm.core's
 * RandomDistributedScalarEncoder uses to place its active bits. 32-bit arithmetic with
 * `Math.imul`, so results are identical to the C++ reference on every platform.
 */
import { ParameterError } from '../core/errors.js';

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function rotl32(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function mixK1(k1: number): number {
  k1 = Math.imul(k1, C1);
  k1 = rotl32(k1, 15);
  return Math.imul(k1, C2);
}

function mixH1(h1: number, k1: number): number {
  h1 ^= mixK1(k1);
  h1 = rotl32(h1, 13);
  return (Math.imul(h1, 5) + 0xe6546b64) | 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function requireSeed(seed: unknown, context: string): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new ParameterError('seed', seed, 'an integer in [0, 2^32 - 1]', context);
  }
  return seed;
}

/**
 * MurmurHash3_x86_32 of a byte string.
 *
 * @param key - the bytes to hash, or a string (hashed as its UTF-8 bytes)
 * @param seed - 32-bit unsigned seed (default 0)
 * @returns the hash as an unsigned 32-bit integer
 * @example
 * murmurhash3_32(new Uint8Array([0x21, 0x43, 0x65, 0x87]), 0); // 0xf55b516b
 * murmurhash3_32('', 1);                                       // 0x514e28b7
 */
export function murmurhash3_32(key: Uint8Array | string, seed = 0): number {
  requireSeed(seed, 'murmurhash3_32');
  let bytes: Uint8Array;
  if (typeof key === 'string') bytes = new TextEncoder().encode(key);
  else if (key instanceof Uint8Array) bytes = key;
  else throw new ParameterError('key', key, 'a Uint8Array or a string', 'murmurhash3_32');
  const len = bytes.length;
  const nblocks = len >>> 2;
  let h1 = seed | 0;
  for (let i = 0; i < nblocks; i++) {
    const o = i << 2;
    const k1 = bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16) | (bytes[o + 3] << 24);
    h1 = mixH1(h1, k1);
  }
  const tail = nblocks << 2;
  const rem = len & 3;
  if (rem > 0) {
    let k1 = 0;
    if (rem === 3) k1 ^= bytes[tail + 2] << 16;
    if (rem >= 2) k1 ^= bytes[tail + 1] << 8;
    k1 ^= bytes[tail];
    h1 ^= mixK1(k1);
  }
  h1 ^= len;
  return fmix32(h1);
}

/**
 * MurmurHash3_x86_32 of one unsigned 32-bit integer stored little-endian (4 bytes) —
 * what htm.core hashes for each RDSE bucket. Allocation-free fast path of
 * {@link murmurhash3_32}.
 *
 * @param value - integer, taken modulo 2^32
 * @param seed - 32-bit unsigned seed
 * @example
 * murmurhash3_32Uint32(0x87654321, 0); // 0xf55b516b (bytes 21 43 65 87)
 */
export function murmurhash3_32Uint32(value: number, seed: number): number {
  let h1 = mixH1(seed | 0, value | 0);
  h1 ^= 4;
  return fmix32(h1);
}
