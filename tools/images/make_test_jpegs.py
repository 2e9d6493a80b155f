#!/usr/bin/python3
"""Writes small JPEGs (PIL / libjpeg) into tests/Spectra.Tests/Images/Data and prints the SHA-256 of
PIL's own decode of each (RGB or L bytes), the oracle the JPEG tests compare against.
The picture is synthetic (smooth gradients plus seeded noise), at odd sizes so that edge blocks,
partial MCUs and chroma edges are exercised.
Run: /usr/bin/python3 tools/images/make_test_jpegs.py
"""
import hashlib, os, subprocess
import numpy as np
from PIL import Image

out = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Spectra.Tests", "Images", "Data")
rng = np.random.default_rng(11)
h, w = 21, 35
y, x = np.mgrid[0:h, 0:w]
base = np.stack([128 + 100 * np.sin(x / 5.0), 128 + 90 * np.cos(y / 4.0), 128 + 60 * np.sin((x + y) / 7.0)], axis=-1)
img = np.clip(base + rng.normal(0, 12, base.shape), 0, 255).astype(np.uint8)
rgb = Image.fromarray(img)
variants = {
    "small_gray.jpg": (rgb.convert("L"), dict(quality=80)),
    "small_420.jpg": (rgb, dict(quality=75, subsampling=2)),
    "small_422_progressive.jpg": (rgb, dict(quality=85, subsampling=1, progressive=True)),
    "small_444_restart.jpg": (rgb, dict(quality=90, subsampling=0)),
    "small_420_progressive_restart.jpg": (rgb, dict(quality=70, subsampling=2)),
}
# Restart markers are added losslessly by libjpeg-turbo's jpegtran (Debian libjpeg-turbo-progs).
restart = {"small_444_restart.jpg": ["-restart", "3B"], "small_420_progressive_restart.jpg": ["-progressive", "-restart", "1"]}
for name, (im, opts) in variants.items():
    im.save(f"{out}/{name}", **opts)
    if name in restart:
        subprocess.run(["jpegtran", *restart[name], "-outfile", f"{out}/{name}", f"{out}/{name}"], check=True)
    dec = Image.open(f"{out}/{name}")
    dec = dec.convert("L" if dec.mode == "L" else "RGB")
    print(name, dec.mode, hashlib.sha256(np.asarray(dec).tobytes()).hexdigest())

# Sampling layouts PIL cannot write (4:4:0 = 1x2, 4:1:1 = 4x1) and an odd-sized optimised progressive
# 4:2:0, written by libjpeg-turbo's cjpeg; oracle: SHA-256 of djpeg's default decode (fancy upsampling).
y, x = np.mgrid[0:37, 0:45]
rng = np.random.default_rng(3)
base = np.stack([128 + 100 * np.sin(x / 4.0), 128 + 90 * np.cos(y / 3.0), 128 + 60 * np.sin((x + y) / 5.0)], -1)
Image.fromarray(np.clip(base + rng.normal(0, 15, base.shape), 0, 255).astype(np.uint8)).save("/tmp/spectra_src.ppm")
for name, args in {"small_440.jpg": ["-sample", "1x2"], "small_411.jpg": ["-sample", "4x1"],
                   "small_420_odd.jpg": ["-sample", "2x2", "-progressive", "-optimize"]}.items():
    subprocess.run(["cjpeg", "-quality", "85", *args, "-outfile", f"{out}/{name}", "/tmp/spectra_src.ppm"], check=True)
    ppm = subprocess.run(["djpeg", "-pnm", f"{out}/{name}"], check=True, capture_output=True).stdout
    print(name, "RGB", hashlib.sha256(ppm[len(b"P6\n45 37\n255\n"):]).hexdigest())

# An Adobe CMYK JPEG (PIL stores the inverted CMYK convention with an APP14 marker): solid C=0, M=128, Y=255, K=64.
Image.new("CMYK", (16, 16), (0, 128, 255, 64)).save(f"{out}/cmyk_solid.jpg", quality=95)
