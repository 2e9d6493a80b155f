#!/usr/bin/python3
"""Writes tests/Spectra.Tests/Images/Data/pil_png_oracle.tsv: for every 8-bit-or-less PNG among the
conformance folder's real photos and sample images (datasets/kodak, datasets/skimage-data), the SHA-256
of PIL's decode converted to 8-bit RGBA. PIL's PNG decoder is independent of libpng, so this is a
second oracle on files the libpng references do not cover.
Usage: /usr/bin/python3 tools/images/make_png_oracle.py [CONFORMANCE_DIR]
"""
import hashlib, os, sys
import numpy as np
from PIL import Image

conf = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "conformance")
out = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Spectra.Tests", "Images", "Data", "pil_png_oracle.tsv")
rows = []
for folder in ["datasets/kodak", "datasets/skimage-data"]:
    for name in sorted(os.listdir(os.path.join(conf, folder))):
        if not name.endswith(".png"):
            continue
        path = os.path.join(conf, folder, name)
        with open(path, "rb") as f:
            head = f.read(33)
        if head[24] > 8:  # 16-bit: PIL reduces precision, not a fair oracle
            continue
        im = Image.open(path)
        rgba = np.asarray(im.convert("RGBA"))
        rows.append(f"{folder}/{name}\t{rgba.shape[1]}\t{rgba.shape[0]}\t{hashlib.sha256(rgba.tobytes()).hexdigest()}")
with open(out, "w") as f:
    f.write("\n".join(rows) + "\n")
print(len(rows), "files")
