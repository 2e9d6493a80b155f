#!/usr/bin/python3
"""An independent numpy + PIL script doing the work of Spectra's default report on an image folder, for the
side-by-side benchmark in bench.sh (Debian python3-pil + python3-numpy):
  full    decode (gray, [0, 1]), centre, covariance X'X/M and all its eigenvalues; 8 spectral-form-factor
          realisations, each the covariance spectrum of a random half of the rows; 10 GOE and 10 Poisson
          spectra of the same size for the finite-size references; the spacing ratio and the SFF of each
  light   the same without the realisations and the reference draws (Spectra's --sff-realisations 0
          --reference-draws 0)
Prints "key value" lines: seconds, cpu_s, top_eigenvalue, mean_ratio.
"""
import os, resource, sys, time
import numpy as np
from PIL import Image

mode, path = sys.argv[1], sys.argv[2]
REALISATIONS, DRAWS, K_TOP, K_BOTTOM, DEGREE = 8, 10, 10, 10, 9
t0 = time.perf_counter()
rng = np.random.default_rng(0)
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs)
first = np.asarray(Image.open(files[0]).convert("L"))
x = np.empty((len(files), first.size), dtype=np.float64)
for i, f in enumerate(files):
    x[i] = np.asarray(Image.open(f).convert("L"), dtype=np.float64).ravel()
x /= 255.0


def covariance_spectrum(rows):
    c = rows - rows.mean(axis=0)
    return np.linalg.eigvalsh(c.T @ c / rows.shape[0])


def bulk(levels):
    nz = np.sort(levels[levels > 1e-12 * levels.max()])
    return nz[K_BOTTOM:len(nz) - K_TOP]


def unfold(levels):
    """A degree-9 polynomial in ln(lambda) fitted to the counting function."""
    ln = np.log(levels)
    t = (ln - ln.mean()) / ln.std()
    p = np.polynomial.Polynomial.fit(t, np.arange(1, len(levels) + 1), DEGREE)
    return p(t)


def mean_ratio(levels):
    s = np.diff(levels)
    a, b = s[:-1], s[1:]
    return np.mean(np.minimum(a, b) / np.maximum(a, b))


TAUS = np.linspace(0.02, 3, 150)


def form_factor(unfolded):
    n = len(unfolded)
    phase = np.exp(2j * np.pi * np.outer(TAUS, unfolded))
    return np.abs(phase.sum(axis=1)) ** 2 / n


levels = covariance_spectrum(x)
b = bulk(levels)
u = unfold(b)
ratio = mean_ratio(b)
sff = [form_factor(u)]
if mode == "full":
    for _ in range(REALISATIONS):
        half = rng.choice(x.shape[0], x.shape[0] // 2, replace=False)
        sff.append(form_factor(unfold(bulk(covariance_spectrum(x[half])))))
    n = len(b)
    for _ in range(DRAWS):
        a = rng.standard_normal((n, n))
        goe = np.linalg.eigvalsh((a + a.T) / 2)
        mean_ratio(goe)
        r = np.sqrt(2 * n)  # the semicircle's radius for off-diagonal variance 1/2
        xs = np.clip(goe / r, -1, 1)
        form_factor(n * (0.5 + (xs * np.sqrt(1 - xs ** 2) + np.arcsin(xs)) / np.pi))
        poisson = np.cumsum(rng.exponential(size=n))
        mean_ratio(poisson)
        form_factor(poisson)
seconds = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_SELF)
print(f"seconds {seconds:.3f}")
print(f"cpu_s {ru.ru_utime + ru.ru_stime:.3f}")
print(f"top_eigenvalue {levels[-1]:.6g}")
print(f"mean_ratio {ratio:.4f}")
