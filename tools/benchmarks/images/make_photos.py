#!/usr/bin/python3
"""Makes ImageNet-like photos for the reduced-scale JPEG benchmark (bench_jpeg_draft.sh; not committed):
N colour JPEGs of 500 x 375, quality 90, 4:2:0 (PIL's default), written by PIL. Each is a smooth random
colour field (1/f^1.6 spectrum, so most energy sits at low frequencies as in photographs) with a few
hard-edged rectangles and a diagonal edge, so blocks carry real high-frequency terms too.
Usage: /usr/bin/python3 tools/benchmarks/images/make_photos.py OUT_DIR [N]   (a folder that exists is left as it is)
"""
import os, sys
import numpy as np
from PIL import Image

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
if os.path.isdir(out):
    sys.exit(0)
tmp = out + ".tmp"
os.makedirs(tmp, exist_ok=True)
h, w = 375, 500
rng = np.random.default_rng(19)
ky = np.fft.fftfreq(h)[:, None] * h
kx = np.fft.rfftfreq(w)[None, :] * w
amp = np.hypot(ky, kx)
amp[0, 0] = 1
amp = amp ** -1.6
yy, xx = np.mgrid[0:h, 0:w]
for i in range(n):
    noise = rng.standard_normal((3, h, w)).astype(np.float32)
    f = np.fft.irfft2(np.fft.rfft2(noise, axes=(1, 2)) * amp, s=(h, w), axes=(1, 2))
    f = (f - f.mean()) / (f.std() + 1e-9)
    px = 128 + 50 * f.transpose(1, 2, 0)
    for _ in range(4):
        x0, y0 = rng.integers(0, w - 40), rng.integers(0, h - 40)
        px[y0:y0 + rng.integers(10, 120), x0:x0 + rng.integers(10, 120)] = rng.integers(0, 256, 3)
    a, b = rng.uniform(-1, 1, 2)
    px[(a * (xx - w / 2) + b * (yy - h / 2)) > 0] *= 0.7
    Image.fromarray(np.clip(px, 0, 255).astype(np.uint8), "RGB").save(os.path.join(tmp, f"{i:05d}.jpg"), quality=90)
os.rename(tmp, out)
print(n, "photos ready in", out)
