#!/usr/bin/env python3
"""Writes test/golden/morph.json: the original CheckFace's morph schedules.

Run: python3 scripts/golden/morph.py  (needs numpy). The trig formula is the original's
arithmetic: t from linspace(0, 2*pi, n, endpoint=False), value (sin(t + pi/2) + 1) * 0.5.
The original ran on glibc 2.27, whose sin is correctly rounded; this machine's glibc is not
always, so `trig` uses a correctly rounded sin (60-digit Taylor series, rounded once) and
`trig_numpy` records what this numpy printed, for comparison.
"""
import json
import math
import os
from decimal import Decimal, getcontext

import numpy as np

SIZES = [3, 4, 5, 6, 7, 10, 16, 33, 40, 49, 50, 51, 53, 64, 80, 99, 100, 101, 199, 200]
getcontext().prec = 60


def sin_correctly_rounded(x: float) -> float:
    x = Decimal(x)  # exact value of the double
    total, term, n = Decimal(0), x, 1
    while abs(term) > Decimal(10) ** -55:
        total += term
        term = -term * x * x / ((n + 1) * (n + 2))
        n += 2
    return float(total)  # float(Decimal) rounds correctly


out = {"numpy": np.__version__, "schedules": {}}
for n in SIZES:
    ts = np.linspace(0, 2 * math.pi, n, False)
    out["schedules"][str(n)] = {
        "linear": [float(v) for v in np.linspace(1, 0, n, True)],
        "trig": [(sin_correctly_rounded(t + math.pi / 2) + 1) * 0.5 for t in ts],
        "trig_numpy": [(math.sin(t + math.pi / 2) + 1) * 0.5 for t in ts],
    }

path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "golden", "morph.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {os.path.normpath(path)}")
