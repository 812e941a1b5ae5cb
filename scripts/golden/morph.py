#!/usr/bin/env python3
"""Writes test/golden/morph.json: the original CheckFace's morph schedules computed by numpy.

Run: python3 scripts/golden/morph.py  (needs numpy). The trig formula is the original's
arithmetic: t from linspace(0, 2*pi, n, endpoint=False), value (sin(t + pi/2) + 1) * 0.5.
"""
import json
import math
import os

import numpy as np

SIZES = [3, 4, 5, 6, 7, 10, 16, 33, 49, 50, 51, 64, 99, 100, 101, 199, 200]

out = {"numpy": np.__version__, "schedules": {}}
for n in SIZES:
    linear = [float(v) for v in np.linspace(1, 0, n, True)]
    trig = [(math.sin(t + math.pi / 2) + 1) * 0.5 for t in np.linspace(0, 2 * math.pi, n, False)]
    out["schedules"][str(n)] = {"linear": linear, "trig": trig}

path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "golden", "morph.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {os.path.normpath(path)}")
