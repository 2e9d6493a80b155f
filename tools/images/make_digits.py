#!/usr/bin/python3
"""Exports the first 500 of scikit-learn's 8x8 handwritten digits (Debian python3-sklearn) as
8-bit gray PNGs in class folders: data-samples/digits/<label>/NNNN.png.

The dataset's pixels are integers 0..16; each is stored as round(v * 255 / 16), so Spectra reads
v / 16 back to within 1/510. Run: /usr/bin/python3 tools/images/make_digits.py
"""
import os, shutil
import numpy as np
from PIL import Image
from sklearn.datasets import load_digits

COUNT = 500
root = os.path.join(os.path.dirname(__file__), "..", "..", "data-samples", "digits")
digits = load_digits()
for label in range(10):
    shutil.rmtree(os.path.join(root, str(label)), ignore_errors=True)
for i in range(COUNT):
    pixels = np.rint(digits.images[i] * 255.0 / 16.0).astype(np.uint8)
    folder = os.path.join(root, str(digits.target[i]))
    os.makedirs(folder, exist_ok=True)
    Image.fromarray(pixels, mode="L").save(os.path.join(folder, f"{i:04d}.png"), optimize=True)
counts = np.bincount(digits.target[:COUNT], minlength=10)
print("wrote", COUNT, "digits; per class:", counts.tolist())
