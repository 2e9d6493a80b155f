"""Independent numpy/scipy implementation of the statistics Spectra reports, set beside Spectra's JSON.

Usage: peer.py OUT.md CASE... where CASE is name=kind:data:report.json (split at the last '=') (kind: idx | npy-samples | npy-levels).
Definitions follow SCIENCE.md and docs/analysis.md; they are re-derived here, not translated from Spectra's code.
"""
import gzip
import json
import math
import sys

import numpy as np
from scipy import stats
from scipy.linalg import eigvalsh_tridiagonal

K_TOP = K_BOTTOM = 10
DEGREE = 9
DROP = 0.05
BINS, TOP = 40, 4.0
DRAWS = 10


def read_idx(path):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape[0], -1)
    return data.astype(np.float64) / 255.0


def covariance_levels(x):
    xc = x - x.mean(axis=0)
    c = xc.T @ xc / x.shape[0]
    return np.linalg.eigvalsh(c)


def non_zero(levels):
    levels = np.sort(levels)
    threshold = len(levels) * np.finfo(float).eps * levels[-1]
    return levels[levels > threshold], int(np.sum(levels <= threshold))


def bulk(levels):
    n = len(levels)
    top, bottom = min(K_TOP, n // 10), min(K_BOTTOM, n // 10)
    return levels[bottom:n - top]


def alpha(levels):
    desc = levels[::-1]
    n = len(desc)
    ranks = np.arange(min(K_TOP, n // 10) + 1, n // 2 + 1)
    slope = np.polyfit(np.log(ranks), np.log(desc[ranks - 1]), 1)[0]
    return -slope - 1


def mean_ratio(b):
    s = np.diff(b)
    a, c = s[:-1], s[1:]
    ok = (a > 0) & (c > 0)
    return float(np.mean(np.minimum(a[ok], c[ok]) / np.maximum(a[ok], c[ok])))


def entropy_normalized(levels):
    p = levels / levels.sum()
    return float(-(p * np.log(p)).sum() / math.log(len(levels)))


def unfold_log_polynomial(b):
    n = len(b)
    degree = max(1, min(DEGREE, n // 4 - 1))
    fit = np.polynomial.Chebyshev.fit(np.log(b), np.arange(n) + 0.5, degree)
    return spacings(fit(np.log(b)))


def spacings(unfolded):
    n = len(unfolded)
    drop = int(DROP * n)
    s = np.diff(unfolded[drop:n - drop])
    return s / s.mean()


def wigner_cdf(s):
    return 1 - np.exp(-np.pi * np.asarray(s) ** 2 / 4)


def kl_wigner(s):
    edges = np.linspace(0, TOP, BINS + 1)
    counts = np.histogram(np.clip(s, 0, None), bins=np.append(edges, np.inf))[0]
    p = counts / counts.sum()
    q = np.diff(wigner_cdf(np.append(edges, np.inf)))
    ok = p > 0
    return float(np.sum(p[ok] * np.log(p[ok] / q[ok])))


def kl_wigner_midpoint(s):
    """The common variant: the surmise's density at each cell's midpoint times the width, no tail cell."""
    edges = np.linspace(0, TOP, BINS + 1)
    counts = np.histogram(np.clip(s, 0, None), bins=edges)[0]
    p = counts / counts.sum()
    mid = (edges[:-1] + edges[1:]) / 2
    q = np.pi / 2 * mid * np.exp(-np.pi * mid ** 2 / 4) * (TOP / BINS)
    ok = p > 0
    return float(np.sum(p[ok] * np.log(p[ok] / q[ok])))


def ks_wigner(s):
    return float(stats.kstest(s, wigner_cdf).statistic)


def goe_draw(n, rng):
    # Dumitriu–Edelman tridiagonal model of GOE(n); its semicircle has radius √(2n).
    diag = rng.standard_normal(n)
    off = np.sqrt(rng.chisquare(np.arange(n - 1, 0, -1)) / 2)
    return eigvalsh_tridiagonal(diag, off, lapack_driver="stev"), math.sqrt(2 * n)


def semicircle_staircase(x, radius, n):
    u = np.clip(x / radius, -1, 1)
    return n * (0.5 + (u * np.sqrt(1 - u * u) + np.arcsin(u)) / np.pi)


def references(n, seed):
    """⟨r̃⟩ and KL(P ‖ Wigner) of GOE (exact semicircle unfolding) and Poisson levels with n levels, same trimming."""
    rng = np.random.default_rng(seed)
    out = {"goe_r": [], "goe_kl": [], "poisson_r": [], "poisson_kl": []}
    for _ in range(DRAWS):
        levels, radius = goe_draw(n, rng)
        b = bulk(levels)
        out["goe_r"].append(mean_ratio(b))
        out["goe_kl"].append(kl_wigner(spacings(semicircle_staircase(b, radius, n))))
        poisson = np.cumsum(rng.exponential(size=n))
        b = bulk(poisson)
        out["poisson_r"].append(mean_ratio(b))
        out["poisson_kl"].append(kl_wigner(spacings(b)))
    return {k: (float(np.mean(v)), float(np.std(v, ddof=1))) for k, v in out.items()}


def peer(kind, data):
    if kind == "idx":
        levels = covariance_levels(read_idx(data))
    elif kind == "npy-samples":
        samples = np.load(data).astype(np.float64)
        levels = covariance_levels(samples.reshape(-1, samples.shape[-1]))
    elif kind == "npy-levels":
        raw = np.sort(np.load(data).astype(np.float64).ravel())
        signed = raw.min() < 0
        levels = raw + 1 - raw.min() if signed else raw  # the shift Spectra applies to signed levels
    else:
        raise SystemExit(f"peer.py: unknown kind {kind!r} (idx | npy-samples | npy-levels)")
    levels, zeros = non_zero(levels)
    b = bulk(levels)
    s = unfold_log_polynomial(b)
    result = {
        "non_zero": len(levels), "zero_modes": zeros, "top": float(levels[-1]), "alpha": alpha(levels),
        "r": mean_ratio(b), "s_norm": entropy_normalized(levels), "kl": kl_wigner(s), "ks": ks_wigner(s),
        "kl_midpoint": kl_wigner_midpoint(s),
    }
    if kind == "npy-levels" and signed:  # a power law and an entropy have no meaning for signed levels
        result["alpha"] = result["s_norm"] = None
    result["refs"] = references(len(levels), seed=1)
    return result


def spectra(report):
    d = json.load(open(report))
    refs = {r["key"]: r for r in d.get("references", [])}
    ratio, kl = refs.get("spacing_ratio.mean", {}), refs.get("spacing_distribution.kl_goe", {})
    # Report schema 2 renamed the P(s) section; schema 1 reports still read.
    spacing = d.get("spacing_distribution") or d["spacing"]
    return {
        "non_zero": d["spectrum"]["non_zero"], "zero_modes": d["spectrum"]["zero_modes"],
        "top": max(d["spectrum"]["eigenvalues"]), "alpha": (d.get("power_law") or {}).get("alpha"), "r": d["spacing_ratio"]["mean"],
        "s_norm": (d.get("entropy") or {}).get("normalized"), "kl": spacing["kl_goe"], "ks": spacing["ks_goe"],
        "refs": {"goe_r": (ratio.get("goe_mean"), ratio.get("goe_spread")), "poisson_r": (ratio.get("poisson_mean"), ratio.get("poisson_spread")),
                 "goe_kl": (kl.get("goe_mean"), kl.get("goe_spread")), "poisson_kl": (kl.get("poisson_mean"), kl.get("poisson_spread"))},
    }


def fmt(v, digits=4):
    if v is None:
        return "—"
    if isinstance(v, (int, np.integer)):
        return str(v)
    return f"{v:.{digits}g}" if abs(v) >= 1e4 or (v != 0 and abs(v) < 1e-3) else f"{v:.{digits}f}"


def ref(pair):
    m, sd = pair
    return "—" if m is None else f"{m:.4f} ± {sd:.4f}"


ROWS = [("non-zero levels (zero modes)", lambda r: f"{r['non_zero']} ({r['zero_modes']})", None),
        ("λ_max", lambda r: fmt(r["top"], 6), "top"),
        ("α (OLS, ranks k_top+1 … n/2)", lambda r: fmt(r["alpha"]), "alpha"),
        ("⟨r̃⟩ (bulk)", lambda r: fmt(r["r"]), "r"),
        ("S / ln n", lambda r: fmt(r["s_norm"]), "s_norm"),
        ("KL(P(s) ‖ Wigner)", lambda r: fmt(r["kl"]), "kl"),
        ("KL, common variant (midpoint density, no tail cell)", lambda r: fmt(r["kl_midpoint"]) if "kl_midpoint" in r else "—", None),
        ("KS(P(s), Wigner)", lambda r: fmt(r["ks"]), "ks"),
        ("GOE reference ⟨r̃⟩", lambda r: ref(r["refs"]["goe_r"]), None),
        ("Poisson reference ⟨r̃⟩", lambda r: ref(r["refs"]["poisson_r"]), None),
        ("GOE reference KL", lambda r: ref(r["refs"]["goe_kl"]), None),
        ("Poisson reference KL", lambda r: ref(r["refs"]["poisson_kl"]), None)]


def main():
    out, cases = sys.argv[1], sys.argv[2:]
    lines = []
    for case in cases:
        name, spec = case.rsplit("=", 1)
        kind, data, report = spec.split(":")
        a, b = spectra(report), peer(kind, data)
        lines += [f"### {name}", "", "| quantity | Spectra | numpy/scipy | relative difference |", "|---|---|---|---|"]
        for label, show, key in ROWS:
            diff = "" if key is None or a[key] is None or b[key] is None else f"{abs(a[key] - b[key]) / max(abs(b[key]), 1e-300):.1e}"
            lines.append(f"| {label} | {show(a)} | {show(b)} | {diff} |")
        lines.append("")
    with open(out, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
