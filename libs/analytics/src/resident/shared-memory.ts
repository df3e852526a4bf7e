export type TypedArray = Int32Array | Float64Array | Uint8Array;
export type TypedArrayType = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

/**
 * A typed array of n zeros in shared memory: the worker threads of a pass read the same bytes
 * (posting it to a thread shares it, nothing is copied).
 */
export function shared<C extends TypedArrayType>(type: C, n: number): InstanceType<C> {
  const make = type as unknown as new (buffer: SharedArrayBuffer) => InstanceType<C>;
  return new make(new SharedArrayBuffer(n * type.BYTES_PER_ELEMENT));
}
