#!/usr/bin/python3
"""The Python side of the image benchmark (Debian python3-pil + python3-numpy): the same work as
Spectra.Benchmarks.Images. Files are listed recursively in sorted order and decoded with PIL (NumPy files with numpy.load).
  decode PATH     decode, gray (PIL's "L" = BT.601 luma), scale to [0, 1] into one float64 matrix
  spectrum PATH   the same, then centre, covariance X'X/M, and all eigenvalues (numpy.linalg.eigvalsh)
Prints the same "key value" lines as the Spectra side.
"""
import os, resource, sys, time
import numpy as np
from PIL import Image

mode, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
files = sorted(os.path.relpath(os.path.join(d, f), path) for d, _, fs in os.walk(path) for f in fs)


def gray(f):
    """One image as gray levels: NumPy files with numpy, everything else with PIL."""
    full = os.path.join(path, f)
    return np.load(full) if f.endswith(".npy") else np.asarray(Image.open(full).convert("L"))


first = gray(files[0])
x = np.empty((len(files), first.size), dtype=np.float64)
for i, f in enumerate(files):
    x[i] = np.asarray(gray(f), dtype=np.float64).ravel()
x /= 255.0
top = None
if mode == "spectrum":
    x -= x.mean(axis=0)
    c = x.T @ x / x.shape[0]
    top = np.linalg.eigvalsh(c)[-1]
seconds = time.perf_counter() - t0
print(f"seconds {seconds:.3f}")
print(f"images {len(files)}")
print(f"images_per_s {len(files) / seconds:.0f}")
ru = resource.getrusage(resource.RUSAGE_SELF)
print(f"cpu_s {ru.ru_utime + ru.ru_stime:.3f}")
print(f"peak_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
if top is not None:
    print(f"top_eigenvalue {top!r}")
