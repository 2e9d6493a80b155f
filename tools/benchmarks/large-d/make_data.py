"""Writes M seeded 8-bit 64 x 64 images as one NPY stack, gray (M, 64, 64) and RGB (M, 64, 64, 3): rows of a
low-rank signal plus noise, so the spectrum has a bulk and a few spikes like photographs.
Usage: make_data.py FOLDER [M]"""
import os
import sys

import numpy as np

folder, m = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20000
os.makedirs(folder, exist_ok=True)
rng = np.random.default_rng(20261206)
for name, shape in (("gray", (64, 64)), ("rgb", (64, 64, 3))):
    path = os.path.join(folder, f"{name}-{m}.npy")
    if os.path.exists(path):
        continue
    d = int(np.prod(shape))
    basis = rng.standard_normal((16, d))
    rows = np.empty((m, d), dtype=np.uint8)
    for first in range(0, m, 2000):
        n = min(2000, m - first)
        block = 128 + 12 * rng.standard_normal((n, 16)) @ basis / 4 + 20 * rng.standard_normal((n, d))
        rows[first:first + n] = np.clip(block, 0, 255).astype(np.uint8)
    np.save(path, rows.reshape((m,) + shape))
