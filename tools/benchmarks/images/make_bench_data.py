#!/usr/bin/python3
"""Makes the benchmark folders (not committed; written under a scratch directory):
  mnist-png/  the 10 000 MNIST test digits as 8-bit gray PNGs, from the IDX file in the conformance folder
  jpeg32/     10 000 generated 32 x 32 colour JPEGs (quality 90, 4:2:0): smooth random colour fields
  mnist-pgm/, mnist-bmp/, mnist-npy/  the same digits as binary PGM (P5), 8-bit gray BMP and NumPy files,
              for the decode rate of the other codecs
Usage: /usr/bin/python3 tools/benchmarks/images/make_bench_data.py OUT_DIR [CONFORMANCE_DIR]
Folders that exist already are left as they are.
"""
import gzip, os, sys
import numpy as np
from PIL import Image

out = sys.argv[1]
conf = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "shared", "conformance")
raw = gzip.open(os.path.join(conf, "datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz")).read()
digits = np.frombuffer(raw, np.uint8, offset=16).reshape(-1, 28, 28)

def folder(name):
    """The folder to write, or None when it is there already."""
    path = os.path.join(out, name)
    if os.path.isdir(path):
        return None
    os.makedirs(path + ".tmp", exist_ok=True)
    return path


def done(path):
    os.rename(path + ".tmp", path)


for name, ext in (("mnist-png", "png"), ("mnist-pgm", "pgm"), ("mnist-bmp", "bmp")):
    path = folder(name)
    if path:
        for i, d in enumerate(digits):
            Image.fromarray(d, mode="L").save(os.path.join(path + ".tmp", f"{i:05d}.{ext}"))
        done(path)
path = folder("mnist-npy")
if path:
    for i, d in enumerate(digits):
        np.save(os.path.join(path + ".tmp", f"{i:05d}.npy"), d)
    done(path)

jpg = folder("jpeg32")
rng = np.random.default_rng(5)
k = np.fft.fftfreq(32) * 32
amp = np.hypot(k[:, None], k[None, :])
amp[0, 0] = 1
amp = amp ** -1.5
for i in range(10_000 if jpg else 0):
    f = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((3, 32, 32)), axes=(1, 2)) * amp, axes=(1, 2)))
    f = (f - f.mean()) / (f.std() + 1e-9)
    pixels = np.clip(128 + 45 * f.transpose(1, 2, 0), 0, 255).astype(np.uint8)
    Image.fromarray(pixels, mode="RGB").save(os.path.join(jpg + ".tmp", f"{i:05d}.jpg"), quality=90, subsampling=2)
if jpg:
    done(jpg)
print("benchmark folders ready under", out)
