/**
 * Append-only typed arrays that double their capacity, for monitors that record an
 * unknown number of events. Appending is amortised O(1) and allocates only on growth.
 */
type TypedArrayCtor<T> = { new (length: number): T };

abstract class Growable<T extends Uint32Array | Int32Array | Float32Array | Float64Array> {
  protected data: T;
  /** number of valid entries */
  length = 0;

  constructor(private readonly ctor: TypedArrayCtor<T>, initialCapacity = 1024) {
    this.data = new ctor(Math.max(16, initialCapacity));
  }

  /** Makes room for `extra` more entries. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < need) cap *= 2;
    const next = new this.ctor(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** The raw buffer (valid up to `length`); for hot loops that call `reserve` first. */
  get buffer(): T {
    return this.data;
  }

  /** A view of the valid entries (no copy; invalidated by the next growth). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /** A copy of the valid entries. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }

  clear(): void {
    this.length = 0;
  }
}

export class GrowableUint32Array extends Growable<Uint32Array> {
  constructor(initialCapacity?: number) {
    super(Uint32Array, initialCapacity);
  }
}

export class GrowableInt32Array extends Growable<Int32Array> {
  constructor(initialCapacity?: number) {
    super(Int32Array, initialCapacity);
  }
}

export class GrowableFloat32Array extends Growable<Float32Array> {
  constructor(initialCapacity?: number) {
    super(Float32Array, initialCapacity);
  }
}

export class GrowableFloat64Array extends Growable<Float64Array> {
  constructor(initialCapacity?: number) {
    super(Float64Array, initialCapacity);
  }
}
