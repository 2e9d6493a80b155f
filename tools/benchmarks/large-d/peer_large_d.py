"""The work `spectra analyze X.npy --sff-realisations 0 --reference-draws 0` does on the rows, in numpy: read the
8-bit rows, centre them in float64, the covariance X^T X / (M - 1), all its eigenvalues. Prints the seconds of
each stage as JSON on stdout. Usage: peer_large_d.py FILE.npy"""
import json
import sys
import time

import numpy as np

t0 = time.perf_counter()
raw = np.load(sys.argv[1])
m = raw.shape[0]
x = raw.reshape(m, -1).astype(np.float64)
del raw
x -= x.mean(axis=0)
t1 = time.perf_counter()
c = x.T @ x
c /= m - 1
t2 = time.perf_counter()
w = np.linalg.eigvalsh(c)
t3 = time.perf_counter()
print(json.dumps({"read_centre": t1 - t0, "covariance": t2 - t1, "eigenvalues": t3 - t2, "largest": float(w[-1])}))
