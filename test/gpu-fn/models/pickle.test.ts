/** The restricted pickle reader on hand-written opcode streams. */
import { describe, expect, it } from 'vitest';
import { PickleError, unpickle, type PyGlobal } from '../../../gpu-fn/src/models/pickle.ts';
import { snapshotGlobal } from '../../../gpu-fn/src/models/torch.ts';

const noGlobals = { findGlobal: (m: string, n: string): PyGlobal => { throw new Error(`global ${m}.${n}`); } };
const enc = (s: string) => [...new TextEncoder().encode(s)];

describe('unpickle', () => {
  it('reads protocol-4 containers, memo references and frames', () => {
    // FRAME(len) { 'a': [1, -2, 3.5, None, True], 'b': <memo 1 = 'a'> , 'c': b'xy' }
    const body = [
      0x7d, 0x94, // EMPTY_DICT, MEMOIZE 0
      0x28, // MARK
      0x8c, 1, ...enc('a'), 0x94, // 'a', MEMOIZE 1
      0x5d, 0x94, 0x28, 0x4b, 1, 0x4a, 0xfe, 0xff, 0xff, 0xff, 0x47, 0x40, 0x0c, 0, 0, 0, 0, 0, 0, 0x4e, 0x88, 0x65, // [1, -2, 3.5, None, True]
      0x8c, 1, ...enc('b'), 0x68, 1, // 'b': BINGET 1
      0x8c, 1, ...enc('c'), 0x43, 2, ...enc('xy'), // 'c': b'xy'
      0x75, 0x2e, // SETITEMS, STOP
    ];
    const bytes = new Uint8Array([0x80, 4, 0x95, body.length, 0, 0, 0, 0, 0, 0, 0, ...body]);
    const { value, end } = unpickle(bytes, noGlobals);
    expect(end).toBe(bytes.length);
    const m = value as Map<string, unknown>;
    expect(m.get('a')).toEqual([1, -2, 3.5, null, true]);
    expect(m.get('b')).toBe('a');
    expect([...(m.get('c') as Uint8Array)]).toEqual(enc('xy'));
  });

  it('reads LONG1 integers of either sign, including torch\'s 80-bit magic number', () => {
    expect(unpickle(new Uint8Array([0x80, 2, 0x8a, 1, 0xff, 0x2e]), noGlobals).value).toBe(-1);
    const magic = [0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];
    expect(unpickle(new Uint8Array([0x80, 2, 0x8a, 10, ...magic, 0x2e]), noGlobals).value).toBe(0x1950a86a20f9469cfc6cn);
  });

  it('calls only the globals the caller resolves', () => {
    const call = (args: unknown[]) => `made(${args.join(',')})`;
    const hooks = { findGlobal: (m: string, n: string): PyGlobal => ({ qualname: `${m}.${n}`, call }) };
    const bytes = new Uint8Array([0x80, 2, 0x63, ...enc('mod\nfn\n'), 0x4b, 7, 0x85, 0x52, 0x2e]);
    expect(unpickle(bytes, hooks).value).toBe('made(7)');
    expect(() => unpickle(bytes, noGlobals)).toThrow('global mod.fn');
  });

  it('reads protocol-2 bytes, which Python writes as _codecs.encode(text, "latin1")', () => {
    // pickle.dumps({'c': b'xy\xff'}, protocol=2), from CPython 3.11
    const bytes = new Uint8Array([128, 2, 125, 113, 0, 88, 1, 0, 0, 0, 99, 113, 1, 99, 95, 99, 111, 100, 101, 99, 115, 10, 101, 110, 99, 111, 100, 101, 10, 113, 2, 88, 4, 0, 0, 0, 120, 121, 195, 191, 113, 3, 88, 6, 0, 0, 0, 108, 97, 116, 105, 110, 49, 113, 4, 134, 113, 5, 82, 113, 6, 115, 46]);
    const m = unpickle(bytes, { findGlobal: snapshotGlobal }).value as Map<string, Uint8Array>;
    expect([...m.get('c')!]).toEqual([0x78, 0x79, 0xff]);
  });

  it('refuses truncated, foreign and unknown input with a PickleError', () => {
    expect(() => unpickle(new Uint8Array([0x80, 4, 0x8c, 5, 0x61]), noGlobals)).toThrow(/truncated/);
    expect(() => unpickle(new Uint8Array([0x80, 4, 0x5d]), noGlobals)).toThrow(PickleError);
    expect(() => unpickle(new Uint8Array([0x50, 0x4b, 3, 4]), noGlobals)).toThrow(/not a pickle/);
    expect(() => unpickle(new Uint8Array([0x80, 4, 0xff]), noGlobals)).toThrow(/opcode 0xff/);
    expect(() => unpickle(new Uint8Array([0x80, 4, 0x68, 3]), noGlobals)).toThrow(/memo index 3/);
  });
});
