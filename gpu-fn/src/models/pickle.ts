/**
 * A small, restricted Python pickle reader (protocols 2 to 5). It never runs code: every global a
 * pickle names must be resolved by the caller's `findGlobal`, so a pickle can only build the
 * objects we allow. Dicts become Maps, tuples and lists become arrays, bytes become Uint8Arrays.
 */

/** What a pickle global resolves to: something REDUCE can call and/or NEWOBJ can instantiate. */
export interface PyGlobal {
  readonly qualname: string;
  call?(args: unknown[]): unknown;
  construct?(args: unknown[]): unknown;
}

/** An object that accepts a BUILD (pickle's `__setstate__`). */
export interface PyBuildable {
  setState(state: unknown): void;
}

export interface UnpickleHooks {
  /** Resolves `module.name`; throws when the global is not allowed. */
  findGlobal(module: string, name: string): PyGlobal;
  /** Resolves a persistent id (BINPERSID); absent means persistent ids are refused. */
  persistentLoad?(pid: unknown): unknown;
}

/** Thrown for bytes that are not a pickle we can read; the message names the problem. */
export class PickleError extends Error {
  override name = 'PickleError';
}

const MARK = Symbol('mark');

class ByteReader {
  pos: number;
  readonly bytes: Uint8Array;
  readonly view: DataView;
  constructor(bytes: Uint8Array, start: number) {
    this.bytes = bytes;
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): number {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw new PickleError(`pickle ends unexpectedly at byte ${this.bytes.length} (needed ${n} more bytes at ${this.pos}); the file is truncated or corrupt`);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }
  u8(): number { return this.bytes[this.need(1)]!; }
  u16(): number { return this.view.getUint16(this.need(2), true); }
  i32(): number { return this.view.getInt32(this.need(4), true); }
  u32(): number { return this.view.getUint32(this.need(4), true); }
  u64(): number {
    const v = this.view.getBigUint64(this.need(8), true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new PickleError(`length ${v} too large`);
    return Number(v);
  }
  f64be(): number { return this.view.getFloat64(this.need(8), false); }
  take(n: number): Uint8Array { const at = this.need(n); return this.bytes.subarray(at, at + n); }
  text(n: number): string { return new TextDecoder('utf-8', { fatal: true }).decode(this.take(n)); }
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) this.need(this.bytes.length - this.pos + 1);
    const s = new TextDecoder('latin1').decode(this.bytes.subarray(this.pos, end));
    this.pos = end + 1;
    return s;
  }
}

/** Little-endian two's-complement integer of `b` (pickle's LONG1/LONG4). */
function decodeLong(b: Uint8Array): number | bigint {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
  if (b.length > 0 && (b[b.length - 1]! & 0x80) !== 0) v -= 1n << BigInt(8 * b.length);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function isGlobal(x: unknown): x is PyGlobal {
  return typeof x === 'object' && x !== null && typeof (x as PyGlobal).qualname === 'string';
}

/**
 * Reads one pickle from `bytes` starting at `start`. Returns the value and the offset just after
 * its STOP opcode, so several pickles written back to back (torch's legacy format) can be read.
 */
export function unpickle(bytes: Uint8Array, hooks: UnpickleHooks, start = 0): { value: unknown; end: number } {
  const r = new ByteReader(bytes, start);
  if (bytes.length - start < 2 || bytes[start] !== 0x80) {
    throw new PickleError('not a pickle (a protocol 2+ pickle starts with byte 0x80)');
  }
  let stack: unknown[] = [];
  const marks: unknown[][] = [];
  const memo: unknown[] = [];
  const pop = (): unknown => {
    if (stack.length === 0) throw new PickleError(`corrupt pickle: stack underflow at byte ${r.pos}`);
    return stack.pop();
  };
  const top = (): unknown => {
    if (stack.length === 0) throw new PickleError(`corrupt pickle: empty stack at byte ${r.pos}`);
    return stack[stack.length - 1];
  };
  const popMark = (): unknown[] => {
    const items = stack;
    const prev = marks.pop();
    if (!prev) throw new PickleError(`corrupt pickle: no MARK at byte ${r.pos}`);
    stack = prev;
    return items;
  };
  const memoGet = (i: number): unknown => {
    if (i >= memo.length) throw new PickleError(`corrupt pickle: memo index ${i} unset at byte ${r.pos}`);
    return memo[i];
  };
  const callable = (f: unknown, how: 'call' | 'construct'): ((args: unknown[]) => unknown) => {
    if (!isGlobal(f)) throw new PickleError(`corrupt pickle: ${how} of a non-callable at byte ${r.pos}`);
    const fn = how === 'call' ? f.call : f.construct;
    if (!fn) throw new PickleError(`unsupported pickle: ${f.qualname} cannot be used with ${how === 'call' ? 'REDUCE' : 'NEWOBJ'}`);
    return fn.bind(f);
  };
  const setItems = (dict: unknown, kv: unknown[]): void => {
    if (!(dict instanceof Map)) throw new PickleError(`corrupt pickle: SETITEM on a non-dict at byte ${r.pos}`);
    for (let i = 0; i + 1 < kv.length; i += 2) dict.set(kv[i], kv[i + 1]);
  };
  const appendItems = (list: unknown, items: unknown[]): void => {
    if (!Array.isArray(list)) throw new PickleError(`corrupt pickle: APPEND on a non-list at byte ${r.pos}`);
    list.push(...items);
  };

  for (;;) {
    const op = r.u8();
    switch (op) {
      case 0x80: { const v = r.u8(); if (v > 5) throw new PickleError(`unsupported pickle protocol ${v}`); break; } // PROTO
      case 0x95: r.u64(); break; // FRAME: framing is only a hint
      case 0x2e: return { value: pop(), end: r.pos }; // STOP
      case 0x28: marks.push(stack); stack = []; break; // MARK
      case 0x30: pop(); break; // POP
      case 0x31: popMark(); break; // POP_MARK
      case 0x32: stack.push(top()); break; // DUP
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x4a: stack.push(r.i32()); break; // BININT
      case 0x4b: stack.push(r.u8()); break; // BININT1
      case 0x4d: stack.push(r.u16()); break; // BININT2
      case 0x8a: stack.push(decodeLong(r.take(r.u8()))); break; // LONG1
      case 0x8b: stack.push(decodeLong(r.take(r.i32()))); break; // LONG4
      case 0x47: stack.push(r.f64be()); break; // BINFLOAT
      case 0x8c: stack.push(r.text(r.u8())); break; // SHORT_BINUNICODE
      case 0x58: stack.push(r.text(r.u32())); break; // BINUNICODE
      case 0x8d: stack.push(r.text(r.u64())); break; // BINUNICODE8
      case 0x55: stack.push(new TextDecoder('latin1').decode(r.take(r.u8()))); break; // SHORT_BINSTRING
      case 0x54: stack.push(new TextDecoder('latin1').decode(r.take(r.i32()))); break; // BINSTRING
      case 0x43: stack.push(r.take(r.u8())); break; // SHORT_BINBYTES
      case 0x42: stack.push(r.take(r.u32())); break; // BINBYTES
      case 0x8e: stack.push(r.take(r.u64())); break; // BINBYTES8
      case 0x29: stack.push([]); break; // EMPTY_TUPLE
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x7d: stack.push(new Map()); break; // EMPTY_DICT
      case 0x8f: stack.push(new Set()); break; // EMPTY_SET
      case 0x85: stack.push([pop()]); break; // TUPLE1
      case 0x86: { const b = pop(); const a = pop(); stack.push([a, b]); break; } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); const a = pop(); stack.push([a, b, c]); break; } // TUPLE3
      case 0x74: case 0x6c: { const items = popMark(); stack.push(items); break; } // TUPLE, LIST
      case 0x64: { const items = popMark(); const d = new Map(); setItems(d, items); stack.push(d); break; } // DICT
      case 0x91: { const items = popMark(); stack.push(new Set(items)); break; } // FROZENSET
      case 0x90: { const items = popMark(); const s = top(); if (!(s instanceof Set)) throw new PickleError('corrupt pickle: ADDITEMS on a non-set'); for (const x of items) s.add(x); break; }
      case 0x61: { const x = pop(); appendItems(top(), [x]); break; } // APPEND
      case 0x65: { const items = popMark(); appendItems(top(), items); break; } // APPENDS
      case 0x73: { const v = pop(); const k = pop(); setItems(top(), [k, v]); break; } // SETITEM
      case 0x75: { const items = popMark(); setItems(top(), items); break; } // SETITEMS
      case 0x94: memo.push(top()); break; // MEMOIZE
      case 0x71: memo[r.u8()] = top(); break; // BINPUT
      case 0x72: memo[r.u32()] = top(); break; // LONG_BINPUT
      case 0x68: stack.push(memoGet(r.u8())); break; // BINGET
      case 0x6a: stack.push(memoGet(r.u32())); break; // LONG_BINGET
      case 0x63: { const mod = r.line(); const name = r.line(); stack.push(hooks.findGlobal(mod, name)); break; } // GLOBAL
      case 0x93: { const name = pop(); const mod = pop(); stack.push(hooks.findGlobal(String(mod), String(name))); break; } // STACK_GLOBAL
      case 0x52: { const args = pop(); const f = pop(); stack.push(callable(f, 'call')(args as unknown[])); break; } // REDUCE
      case 0x81: { const args = pop(); const cls = pop(); stack.push(callable(cls, 'construct')(args as unknown[])); break; } // NEWOBJ
      case 0x62: { // BUILD
        const state = pop();
        const obj = top() as Partial<PyBuildable> | null;
        if (!obj || typeof obj.setState !== 'function') throw new PickleError(`unsupported pickle: BUILD on an object that takes no state at byte ${r.pos}`);
        obj.setState(state);
        break;
      }
      case 0x51: { // BINPERSID
        const pid = pop();
        if (!hooks.persistentLoad) throw new PickleError('unsupported pickle: persistent ids are not expected here');
        stack.push(hooks.persistentLoad(pid));
        break;
      }
      default:
        throw new PickleError(`unsupported or corrupt pickle: opcode 0x${op.toString(16).padStart(2, '0')} at byte ${r.pos - 1}`);
    }
  }
}
