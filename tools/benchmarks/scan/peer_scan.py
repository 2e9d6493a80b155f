#!/usr/bin/python3
"""Peer for `spectra scan`: the same sample-size grid on the same IDX file in numpy.

Decodes the (gzipped) IDX images once, scales to [0, 1], then for M = d/8, d/4, ..., 16 d (capped
by the rows, the full data once) and 3 random subsets each: the centred covariance, all its
eigenvalues (numpy.linalg.eigvalsh, LAPACK syevd) and the mean spacing ratio of the bulk.
Prints decode and scan wall times in milliseconds.
"""
import gzip
import sys
import time

import numpy as np


def load_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    x = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape[0], -1)
    return x.astype(np.float64) / 255.0


def mean_ratio(levels, k_top=10, k_bottom=10):
    nz = levels[levels > levels[-1] * len(levels) * 2.2e-16]
    cap = len(nz) // 10
    bulk = nz[min(k_bottom, cap):len(nz) - min(k_top, cap)]
    s = np.diff(bulk)
    a, b = s[:-1], s[1:]
    ok = (a > 0) & (b > 0)
    return float(np.mean(np.minimum(a[ok], b[ok]) / np.maximum(a[ok], b[ok]))) if ok.any() else float("nan")


def main(path, subsets=3, seed=0):
    t0 = time.perf_counter()
    x = load_idx(path)
    t1 = time.perf_counter()
    n, d = x.shape
    rng = np.random.default_rng(seed)
    sizes = sorted({min(n, int(round(r * d))) for r in [2.0 ** k / 8 for k in range(8)]} | ({n} if n <= 16 * d else set()))
    spectra = 0
    for m in sizes:
        for s in range(1 if m == n else subsets):
            rows = np.sort(rng.choice(n, m, replace=False)) if m < n else np.arange(n)
            xc = x[rows] - x[rows].mean(axis=0)
            c = xc.T @ xc / m
            mean_ratio(np.linalg.eigvalsh(c))
            spectra += 1
    t2 = time.perf_counter()
    print(f"peer decode_ms={1000 * (t1 - t0):.0f} scan_ms={1000 * (t2 - t1):.0f} spectra={spectra} sizes={sizes}")


if __name__ == "__main__":
    main(sys.argv[1])
