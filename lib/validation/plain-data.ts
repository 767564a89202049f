/**
 * Reads a caller's value into plain JSON data once, before anything else looks at it, without running
 * the caller's code: proxies, getters and setters, class instances (non-plain prototypes), symbols,
 * bigints, functions, non-finite numbers, holes and cycles are refused with the path where they sit.
 * Depth and size are bounded, so the schema checks that follow (ajv, CEL, defaulting) work on
 * bounded, acyclic data and never recurse without limit.
 */
import { types } from 'util';
import { ConfigurationError, manifestTooDeep, manifestTooLarge, notPlainManifestData } from '../core/errors';

/** Deepest nesting read (no Kubernetes or ESO schema nests 30 levels). */
export const MAX_MANIFEST_DEPTH = 64;
/** Largest object read, in bytes of JSON: etcd's default request limit (`--max-request-bytes`, 1.5 MiB). */
export const MAX_MANIFEST_BYTES = 1_572_864;

/** A segment of a path into a manifest. */
export type Segment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const LONGEST_KEY_SHOWN = 100;

/** `spec.data[0].remoteRef["a/b"]`: how a place in a manifest is named in messages. */
export function dotted(parts: readonly Segment[]): string {
  return parts.map((p, i) => {
    if (typeof p === 'number' || /^\d+$/.test(p)) {
      return `[${p}]`;
    }
    const key = p.length > LONGEST_KEY_SHOWN ? `${p.slice(0, LONGEST_KEY_SHOWN)}…` : p;
    return IDENTIFIER.test(key) ? `${i === 0 ? '' : '.'}${key}` : `[${JSON.stringify(key)}]`;
  }).join('');
}

class Refused {
  constructor(readonly at: readonly Segment[], readonly kind: 'data' | 'deep' | 'large', readonly what: string) {}
}

/** What a non-plain object is, read from its prototype without running its code. */
function instanceOf(prototype: object | null): string {
  if (prototype !== null && !types.isProxy(prototype)) {
    const ctor: unknown = Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value;
    if (typeof ctor === 'function' && !types.isProxy(ctor)) {
      const name: unknown = Object.getOwnPropertyDescriptor(ctor, 'name')?.value;
      if (typeof name === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/.test(name)) {
        return `an instance of ${name}`;
      }
    }
  }
  return 'an instance of a class';
}

class Reader {
  private budget = MAX_MANIFEST_BYTES;
  private readonly path: Segment[] = [];
  private readonly ancestors = new Set<object>();

  read(value: unknown): unknown {
    switch (typeof value) {
      case 'string':
        this.charge(value.length + 2);
        return value;
      case 'boolean':
        this.charge(5);
        return value;
      case 'number':
        if (!Number.isFinite(value)) {
          throw this.refuse('a number that is not finite (NaN or Infinity)');
        }
        this.charge(String(value).length);
        return value;
      case 'undefined':
        throw this.refuse('undefined');
      case 'bigint':
        throw this.refuse('a bigint');
      case 'symbol':
        throw this.refuse('a symbol');
      case 'function':
        throw this.refuse('a function');
      default:
        break;
    }
    if (value === null) {
      this.charge(4);
      return null;
    }
    const object = value as object;
    if (types.isProxy(object)) {
      throw this.refuse('a proxy');
    }
    if (this.path.length >= MAX_MANIFEST_DEPTH) {
      throw new Refused([...this.path], 'deep', '');
    }
    if (this.ancestors.has(object)) {
      throw this.refuse('an object that contains itself');
    }
    const prototype: object | null = Object.getPrototypeOf(object);
    this.ancestors.add(object);
    try {
      if (Array.isArray(object)) {
        if (prototype !== Array.prototype) {
          throw this.refuse(instanceOf(prototype));
        }
        return this.readArray(object);
      }
      if (prototype !== Object.prototype && prototype !== null) {
        throw this.refuse(instanceOf(prototype));
      }
      return this.readObject(object);
    } finally {
      this.ancestors.delete(object);
    }
  }

  private readArray(array: readonly unknown[]): unknown[] {
    this.charge(2);
    const out: unknown[] = [];
    for (let i = 0; i < array.length; i++) {
      this.path.push(i);
      const descriptor = Object.getOwnPropertyDescriptor(array, i);
      if (descriptor === undefined) {
        throw this.refuse('an empty array slot');
      }
      if ('get' in descriptor || 'set' in descriptor) {
        throw this.refuse('a getter or setter');
      }
      this.charge(1);
      out.push(this.read(descriptor.value));
      this.path.pop();
    }
    return out;
  }

  private readObject(object: object): Record<string, unknown> {
    this.charge(2);
    const out: Record<string, unknown> = {};
    for (const key of Reflect.ownKeys(object)) {
      if (typeof key === 'symbol') {
        throw this.refuse('a property keyed by a symbol');
      }
      const descriptor = Object.getOwnPropertyDescriptor(object, key)!;
      if (!descriptor.enumerable) {
        continue; // invisible to JSON, never read
      }
      this.path.push(key);
      if ('get' in descriptor || 'set' in descriptor) {
        throw this.refuse('a getter or setter');
      }
      if (descriptor.value !== undefined) {
        // As JSON.stringify: an undefined property is absent.
        this.charge(key.length + 4);
        // defineProperty: a "__proto__" key stays a key, never a prototype.
        Object.defineProperty(out, key, { value: this.read(descriptor.value), enumerable: true, writable: true, configurable: true });
      }
      this.path.pop();
    }
    return out;
  }

  private charge(bytes: number): void {
    this.budget -= bytes;
    if (this.budget < 0) {
      throw new Refused([], 'large', '');
    }
  }

  private refuse(what: string): Refused {
    return new Refused([...this.path], 'data', what);
  }
}

/** The result of {@link readPlainData}: the plain copy, or the library error for the first hostile value. */
export type PlainData = { readonly value: unknown; readonly error?: undefined } | { readonly error: ConfigurationError };

/**
 * Copies `value` into plain JSON data, or returns the library error (at `path`, with the place inside
 * the value as prop, `root` when the value itself is refused) for the first value that is not plain.
 */
export function readPlainData(value: unknown, path: string, root: string): PlainData {
  try {
    return { value: new Reader().read(value) };
  } catch (e) {
    if (!(e instanceof Refused)) {
      throw e;
    }
    const prop = e.at.length === 0 ? root : dotted(e.at);
    switch (e.kind) {
      case 'deep':
        return { error: manifestTooDeep(path, prop, MAX_MANIFEST_DEPTH) };
      case 'large':
        return { error: manifestTooLarge(path, MAX_MANIFEST_BYTES) };
      default:
        return { error: notPlainManifestData(path, prop, e.what) };
    }
  }
}

/** An own data property of a plain, non-proxy object, read without running code (undefined otherwise). */
export function ownData(object: unknown, key: string): unknown {
  if (object === null || typeof object !== 'object' || types.isProxy(object)) {
    return undefined;
  }
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}
