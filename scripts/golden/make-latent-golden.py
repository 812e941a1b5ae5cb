#!/usr/bin/env python3
"""Write test/golden/latents.json: numpy's own outputs for the CheckFace latent derivation.

    value -> seed = int(sha256(utf8(value)).hexdigest(), 16) % 10**8
    seed  -> qlatent = numpy.random.RandomState(seed).randn(512)

Deterministic (fixed Python `random` seed), so re-running it reproduces the committed file on
the same platform. numpy's legacy gauss calls C's log(); the table therefore pins the results
of the libm it ran on (recorded under "platform"): glibc on x86-64 with FMA here.

Usage: python3 scripts/golden/make-latent-golden.py   (needs numpy; tests do not)
"""
import ctypes.util
import hashlib
import json
import math
import os
import platform
import random
from decimal import Decimal, localcontext

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'golden', 'latents.json')
rng = random.Random(20261204)


def seed_from_value(value: str) -> int:
    return int(hashlib.sha256(value.encode('utf-8')).hexdigest(), 16) % 10**8


def qlatent(seed: int) -> np.ndarray:
    return np.random.RandomState(seed).randn(512)


def digest(vec: np.ndarray) -> str:
    return hashlib.sha256(vec.astype('<f8').tobytes()).hexdigest()


def random_text(alphabet: str, n: int) -> str:
    return ''.join(rng.choice(alphabet) for _ in range(n))


ASCII = ''.join(chr(c) for c in range(32, 127))
ACCENTS = 'àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿÀÉÎÕÜßœŒłŁąęžšč'
CJK = '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可'
EMOJI = ['😀', '🎉', '👍🏽', '👩‍👩‍👧‍👦', '🇳🇿', '🧑‍🚀', '❤️', '🐍', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '🀄', '\U0010fffd']
MIXED = ASCII + ACCENTS + CJK + ''.join(EMOJI) + '\n\t\r '


def values() -> list[str]:
    vs = ['', 'example', 'a', 'A', ' ', '  ', '\n', '\t', '\r\n', ' a ', 'a\n', '\x00', 'null', '0', '1',
          '-1', '1.5', 'true', 'Hello, World!', 'The quick brown fox jumps over the lazy dog',
          'café', 'cafe\u0301', 'naïve', 'Ångström', 'Łódź', 'Ελληνικά', 'Русский', 'עברית', 'العربية',
          '你好', '日本語', '한국어', 'ﾊﾝｶｸ', '\u2028', '\ufeffbom', '\u200b', 'e\u0301\u0301']
    vs += EMOJI + [''.join(EMOJI), 'face ' + EMOJI[0], EMOJI[1] * 3]
    for i in range(150):  # hex hashes, the usual input
        b = str(i).encode()
        vs += [hashlib.sha1(b).hexdigest(), hashlib.sha256(b).hexdigest(), hashlib.md5(b).hexdigest().upper()]
    for n in list(range(1, 40)) * 8:
        vs.append(random_text(ASCII, n))
    for _ in range(200):
        vs.append(random_text(ACCENTS + ASCII, rng.randint(1, 30)))
    for _ in range(150):
        vs.append(random_text(CJK, rng.randint(1, 20)))
    for _ in range(150):
        vs.append(''.join(rng.choice(EMOJI) for _ in range(rng.randint(1, 8))))
    for _ in range(100):
        vs.append(random_text(MIXED, rng.randint(1, 200)))
    for line in ['line one\nline two', 'tabs\tand\tspaces  ', '\n\n\n', ' leading', 'trailing ']:
        vs.append(line)
    vs += [random_text(MIXED, 10_000), 'a' * 10_000, EMOJI[0] * 5_000, random_text(CJK, 12_345)]
    return list(dict.fromkeys(vs))  # unique, order kept


def seeds() -> list[int]:
    ss = [0, 1, 2, 3, 4, 5, 42, 1234, 65535, 65536, 78062172, 10**8 - 1, 10**8, 2**31 - 1, 2**31,
          2**31 + 1, 2**32 - 2, 2**32 - 1]
    ss += [rng.randrange(2**32) for _ in range(400)] + [rng.randrange(10**8) for _ in range(400)]
    return list(dict.fromkeys(ss))


def case(vec: np.ndarray) -> dict:
    return {'first': [repr(float(x)) for x in vec[:3]], 'sha256': digest(vec)}


def main() -> None:
    out = {
        'platform': {'numpy': np.__version__, 'machine': platform.machine(), 'libc': libc_version()},
        'values': [], 'seeds': [], 'full': [], 'streams': [], 'json': [], 'mt': [], 'reprs': [],
    }
    for v in values():
        s = seed_from_value(v)
        out['values'].append({'value': v, 'seed': s, 'sha256_hex': hashlib.sha256(v.encode()).hexdigest(), **case(qlatent(s))})
    for s in seeds():
        out['seeds'].append({'seed': s, **case(qlatent(s))})
    for s in [0, 1, 78062172, 2**32 - 1, 12345]:
        out['full'].append({'seed': s, 'qlatent': [repr(float(x)) for x in qlatent(s)]})
    for s in [0, 7, 2**32 - 1]:
        rs = np.random.RandomState(s)
        calls = [1, 3, 0, 7, 2, 5, 1, 1, 511, 2, 513]
        out['streams'].append({'seed': s, 'calls': [{'n': n, 'values': [repr(float(x)) for x in rs.randn(n)]} for n in calls]})
    for s in [0, 78062172, 99]:
        xs = qlatent(s).tolist()
        out['json'].append({'seed': s, 'compact': json.dumps(xs, separators=(',', ':'))})  # Flask's jsonify layout
    for s in [0, 1, 5489, 2**32 - 1]:
        rs = np.random.RandomState(s)
        key = rs.get_state()[1]
        out['mt'].append({'seed': s, 'key_head': [int(k) for k in key[:4]], 'key_tail': int(key[623]),
                          'uint32': [int(x) for x in rs.randint(0, 2**32, size=5, dtype=np.uint64)],
                          'random_sample': [repr(float(x)) for x in rs.random_sample(5)]})
    tricky = [0.0, -0.0, 5.0, -5.0, 0.1, 0.1 + 0.2, 1e-5, 1e-4, 0.0001234, 0.00001234, 1e16, 1e15, 9999999999999998.0,
              1234567890123456.0, 12345678901234567.0, 1e22, 1e300, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
              -1.5e-7, 123.456, 1 / 3, 2 / 3, math.pi, -math.e, 2.0**53, 2.0**-1074 * 3, 0.5, 100.0, 1e-10, 4.35e-6]
    tricky += [rng.uniform(-1, 1) * 10.0**rng.randint(-320, 308) for _ in range(300)]
    tricky += [float(x) for x in qlatent(3)[:100]]
    for edge in [1e-4, 1e-5, 1e15, 1e16, 1e17, 1e21, 1e-7, 0.001, 1.0, 2.0**53]:  # layout switch points
        tricky += [math.nextafter(edge, 0), edge, math.nextafter(edge, math.inf), -edge]
    out['reprs'] = [[x.hex(), repr(x)] for x in tricky]
    out['logs'] = log_cases()
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(out, f, separators=(',', ':'), ensure_ascii=False)
        f.write('\n')
    print(f"wrote {os.path.normpath(OUT)}: {len(out['values'])} values, {len(out['seeds'])} seeds")


def log_cases() -> list[list[str]]:
    """Inputs of C's log() (as numpy's gauss sees them) with its results, as hex floats."""
    xs = [rng.random() for _ in range(1500)] + [1 - rng.random() / 16 for _ in range(500)]
    xs += [1 + rng.random() / 15 for _ in range(300)] + [math.ldexp(rng.random() + 0.5, rng.randint(-104, 0)) for _ in range(300)]
    xs += [1.0, 0.5, 0.25, 2.0**-104, 0.9375, 0.9999999999999999, 1.0000000000000002, float.fromhex('0x1.08fffffffffffp0')]
    # The inputs where glibc's log is not correctly rounded: a correctly rounded log would fail here.
    hard = []
    with localcontext() as ctx:
        ctx.prec = 50
        while len(hard) < 300:
            x = rng.random() if len(hard) % 2 else 1 - rng.random() / 16
            if x > 0 and math.log(x) != float(Decimal(x).ln()):
                hard.append(x)
    return [[x.hex(), math.log(x).hex()] for x in xs + hard]


def libc_version() -> str:
    libc = ctypes.CDLL(ctypes.util.find_library('c'))
    libc.gnu_get_libc_version.restype = ctypes.c_char_p
    return 'glibc ' + libc.gnu_get_libc_version().decode()


if __name__ == '__main__':
    main()
