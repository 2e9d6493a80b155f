"""Peer timing for the finite-size GOE reference: the same Dumitriu-Edelman tridiagonal draws with
SciPy's LAPACK tridiagonal eigensolver (scipy.linalg.eigvalsh_tridiagonal, driver 'stev'), plus the
spacing ratio in numpy. Run by Spectra.Benchmarks.Analysis; prints one line per n: n, draws, median ms, mean <r>."""
import sys
import time

import numpy as np
from scipy.linalg import eigvalsh_tridiagonal


def draw(n, rng):
    diag = rng.standard_normal(n)
    off = np.sqrt(rng.chisquare(np.arange(n - 1, 0, -1))) * np.sqrt(0.5)
    return diag, off


def mean_ratio(levels):
    s = np.diff(levels)
    a, b = s[:-1], s[1:]
    ok = (a > 0) & (b > 0)
    return float(np.mean(np.minimum(a[ok], b[ok]) / np.maximum(a[ok], b[ok])))


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    draws = 10
    for n in (1024, 4096):
        times = []
        ratios = []
        for rep in range(repeats + 1):
            rng = np.random.default_rng(rep)
            t0 = time.perf_counter()
            for _ in range(draws):
                d, e = draw(n, rng)
                levels = eigvalsh_tridiagonal(d, e, lapack_driver="stev")
                ratios.append(mean_ratio(levels[10:n - 10]))
            if rep > 0:  # the first round warms up
                times.append((time.perf_counter() - t0) * 1000)
        print(f"{n} {draws} {sorted(times)[len(times) // 2]:.1f} {np.mean(ratios):.4f}")


if __name__ == "__main__":
    main()
