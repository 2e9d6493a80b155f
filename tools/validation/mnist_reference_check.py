"""Independent numpy check of the finite-size GOE reference of P(s) on MNIST (docs/analysis.md,
"Finite-size references"). Re-implements the documented procedure: the covariance spectrum of the
MNIST test set, bulk without 10 levels at each end, a degree-9 Chebyshev fit of N̄ in ln λ, GOE
draws of the same n unfolded by the semicircle and mapped onto N̄ by its inverse, refitted, 5 %
trimmed, and KL / JS / KS of P(s) to the Wigner surmise on 40 bins of [0, 4] plus a tail cell.
Prints the reference for two maps of the levels: 'widened' (N̄ tabulated from 5 % below the bulk,
made monotone by a running maximum and clamped) and 'fitted range' (N̄ over the bulk only, made
monotone from its record values, mean-density tails), next to GOE draws unfolded exactly.

usage: /usr/bin/python3 tools/validation/mnist_reference_check.py [path to t10k-images-idx3-ubyte.gz]
"""
import gzip
import sys

import numpy as np
from numpy.polynomial import chebyshev
from scipy.linalg import eigvalsh_tridiagonal

K_TOP = K_BOTTOM = 10
DRAWS = 50


def mnist_levels(path):
    with gzip.open(path) as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784) / 255.0
    xc = x - x.mean(0)
    w = np.linalg.eigvalsh(xc.T @ xc / len(x))
    return np.sort(w[w > 784 * np.finfo(float).eps * w.max()])


def fit(levels, degree=9):
    x = np.log(levels)
    lo, hi = x[0], x[-1]
    basis = chebyshev.chebvander(2 * (x - lo) / (hi - lo) - 1, degree)
    c = np.linalg.lstsq(basis, np.arange(len(levels)) + 0.5, rcond=None)[0]
    return (lambda v: chebyshev.chebval(2 * (v - lo) / (hi - lo) - 1, c)), lo, hi


def spacings(levels):
    n_bar, _, _ = fit(levels)
    u = n_bar(np.log(levels))
    trim = int(0.05 * len(u))
    s = np.diff(u[trim:len(u) - trim])
    return s / s.mean()


def wigner_cdf(s):
    return 1 - np.exp(-np.pi * np.maximum(s, 0) ** 2 / 4)


def divergences(s, bins=40, top=4.0):
    cell = np.where(s >= top, bins, np.clip((s / (top / bins)).astype(int), 0, bins - 1))
    p = np.bincount(cell, minlength=bins + 1) / len(s)
    q = np.append(np.diff(wigner_cdf(np.linspace(0, top, bins + 1))), 1 - wigner_cdf(top))
    kl = np.sum(p[p > 0] * np.log(p[p > 0] / q[p > 0]))
    m = (p + q) / 2
    js = 0.5 * np.sum(p[p > 0] * np.log(p[p > 0] / m[p > 0])) + 0.5 * np.sum(q * np.log(q / m))
    f = wigner_cdf(np.sort(s))
    k = np.arange(1, len(s) + 1) / len(s)
    return kl, js, max(np.max(k - f), np.max(f - k + 1 / len(s)))


def ratio(levels):
    d = np.diff(levels)
    a, b = d[:-1], d[1:]
    ok = (a > 0) & (b > 0)
    return np.mean(np.minimum(a[ok], b[ok]) / np.maximum(a[ok], b[ok]))


def goe_unfolded(n, rng):
    off = np.sqrt(rng.chisquare(np.arange(n - 1, 0, -1)) / 2)
    e = eigvalsh_tridiagonal(rng.standard_normal(n), off)
    t = np.clip(e / np.sqrt(2 * n), -1, 1)
    return n * (0.5 + (t * np.sqrt(1 - t * t) + np.arcsin(t)) / np.pi)


def widened_map(n_bar, lo, hi, points):
    xs = lo - 0.05 * (hi - lo) + np.arange(points) * 1.1 * (hi - lo) / (points - 1)
    ns = np.maximum.accumulate(n_bar(xs))
    return lambda c: np.interp(c, ns, xs)


def fitted_range_map(n_bar, lo, hi, points):
    xs = np.linspace(lo, hi, points)
    v = n_bar(xs)
    left, right = np.maximum.accumulate(v), np.minimum.accumulate(v[::-1])[::-1]
    joins = np.nonzero(left == right)[0]
    pivot = joins[np.argmin(np.abs(2 * joins - points))] if len(joins) else -1
    ns = np.where(np.arange(points) <= pivot, right, left)
    density = (ns[-1] - ns[0]) / (hi - lo)

    def inverse(c):
        k = np.clip(np.searchsorted(ns, c), 1, points - 1)
        f = np.clip((c - ns[k - 1]) / np.where(ns[k] > ns[k - 1], ns[k] - ns[k - 1], 1), 0, 1)
        x = xs[k - 1] + f * (xs[k] - xs[k - 1])
        return np.where(c < ns[0], lo - (ns[0] - c) / density, np.where(c > ns[-1], hi + (c - ns[-1]) / density, x))
    return inverse


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/conformance/datasets/mnist-t10k/t10k-images-idx3-ubyte.gz"
    levels = mnist_levels(path)
    n = len(levels)
    bulk = levels[K_BOTTOM:n - K_TOP]
    print(f"n {n}, bulk {len(bulk)}; data: <r> {ratio(bulk):.4f}, KL/JS/KS " + " ".join(f"{v:.4f}" for v in divergences(spacings(bulk))))
    n_bar, lo, hi = fit(bulk)
    print(f"fitted N̄: {n_bar(lo):.1f} at the lowest bulk level, {n_bar(lo - 0.05 * (hi - lo)):.1f} at 5 % below it")
    for name, make in (("widened", widened_map), ("fitted range", fitted_range_map)):
        inverse = make(n_bar, lo, hi, 8 * len(bulk) + 64)
        rng = np.random.default_rng(1)
        rows = []
        for _ in range(DRAWS):
            mapped = np.sort(np.exp(inverse(goe_unfolded(n, rng)[K_BOTTOM:n - K_TOP] - K_BOTTOM)))
            rows.append((ratio(mapped),) + divergences(spacings(mapped)))
        report(name, np.array(rows))
    rng = np.random.default_rng(2)
    rows = []
    for _ in range(2 * DRAWS):
        u = goe_unfolded(n, rng)[K_BOTTOM:n - K_TOP]
        trim = int(0.05 * len(u))
        s = np.diff(u[trim:len(u) - trim])
        rows.append((ratio(u),) + divergences(s / s.mean()))
    report("GOE exact", np.array(rows))


def report(name, rows):
    mean, sd = rows.mean(0), rows.std(0, ddof=1)
    print(f"{name:>12}: " + ", ".join(f"{k} {m:.4f} ± {s:.4f}" for k, m, s in zip(("<r>", "KL", "JS", "KS"), mean, sd)))


if __name__ == "__main__":
    main()
