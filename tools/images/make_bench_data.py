#!/usr/bin/python3
"""Makes the two benchmark folders (not committed; written under a scratch directory):
  mnist-png/  the 10 000 MNIST test digits as 8-bit gray PNGs, from the IDX file in the conformance folder
  jpeg32/     10 000 generated 32 x 32 colour JPEGs (quality 90, 4:2:0): smooth random colour fields
Usage: /usr/bin/python3 tools/images/make_bench_data.py OUT_DIR [CONFORMANCE_DIR]
"""
import gzip, os, sys
import numpy as np
from PIL import Image

out = sys.argv[1]
conf = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "conformance")
raw = gzip.open(os.path.join(conf, "datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz")).read()
digits = np.frombuffer(raw, np.uint8, offset=16).reshape(-1, 28, 28)
png = os.path.join(out, "mnist-png")
os.makedirs(png, exist_ok=True)
for i, d in enumerate(digits):
    Image.fromarray(d, mode="L").save(os.path.join(png, f"{i:05d}.png"))

jpg = os.path.join(out, "jpeg32")
os.makedirs(jpg, exist_ok=True)
rng = np.random.default_rng(5)
k = np.fft.fftfreq(32) * 32
amp = np.hypot(k[:, None], k[None, :])
amp[0, 0] = 1
amp = amp ** -1.5
for i in range(10_000):
    f = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((3, 32, 32)), axes=(1, 2)) * amp, axes=(1, 2)))
    f = (f - f.mean()) / (f.std() + 1e-9)
    pixels = np.clip(128 + 45 * f.transpose(1, 2, 0), 0, 255).astype(np.uint8)
    Image.fromarray(pixels, mode="RGB").save(os.path.join(jpg, f"{i:05d}.jpg"), quality=90, subsampling=2)
print("wrote", len(digits), "PNG digits and 10000 JPEGs under", out)
