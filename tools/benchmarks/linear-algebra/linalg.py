"""numpy side of the foundation benchmarks (run by run.sh with Debian's /usr/bin/python3)."""
import sys
import time

import numpy as np


def best_of(fn, repeats):
    return best_of_with_cpu(fn, repeats)[0]


def best_of_with_cpu(fn, repeats):
    """Best wall time and best processor time (all threads) of `repeats` calls."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best, best_cpu


def main():
    kind = sys.argv[1]
    rng = np.random.default_rng(1)
    if kind == "eigvalsh":
        n = int(sys.argv[2])
        a = rng.random((n, n)) - 0.5
        a = np.tril(a) + np.tril(a, -1).T
        np.linalg.eigvalsh(a[:64, :64])
        print(f"seconds {best_of(lambda: np.linalg.eigvalsh(a), 3):.4f}")
    elif kind == "covariance":
        m, d = int(sys.argv[2]), int(sys.argv[3])
        x = rng.random((m, d), dtype=np.float32)

        def cov():
            xd = x.astype(np.float64)
            xc = xd - xd.mean(axis=0)
            return xc.T @ xc / m

        t, cpu = best_of_with_cpu(cov, 3)
        print(f"seconds {t:.4f}")
        print(f"cpu_seconds {cpu:.4f}")
        print(f"rows_per_second {m / t:.0f}")
    elif kind == "pipeline":
        m, d = int(sys.argv[2]), int(sys.argv[3])
        x = rng.random((m, d))

        def run():
            if not np.isfinite(x).all():
                raise SystemExit("non-finite input")
            xc = x - x.mean(axis=0)
            return np.linalg.eigvalsh(xc.T @ xc / m)

        print(f"seconds {best_of(run, 3):.4f}")
    elif kind == "in-memory-rate":
        # X.T @ X over rows held whole: the rate streaming accumulation is held against (2·M·d² flops).
        m, d = int(sys.argv[2]), int(sys.argv[3])
        x = rng.random((m, d))
        t = best_of(lambda: x.T @ x, 3)
        print(f"seconds {t:.4f}")
        print(f"gflop_per_s {2.0 * m * d * d / t / 1e9:.1f}")
    elif kind == "chunked-rate":
        # The same rows a chunk at a time, each chunk centred on its own mean before its X.T @ X, as a
        # streaming accumulator must (2·M·d² flops counted, as above).
        m, d, chunk = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
        x = rng.random((m, d))

        def run():
            acc = np.zeros((d, d))
            for s in range(0, m, chunk):
                b = x[s:s + chunk]
                b = b - b.mean(axis=0)
                acc += b.T @ b
            return acc

        t = best_of(run, 3)
        print(f"seconds {t:.4f}")
        print(f"gflop_per_s {2.0 * m * d * d / t / 1e9:.1f}")
    else:
        raise SystemExit("usage: linalg.py eigvalsh N | covariance M D | pipeline M D | in-memory-rate M D | chunked-rate M D CHUNK")


if __name__ == "__main__":
    main()
