#!/usr/bin/python3
"""The PIL side of the reduced-scale JPEG benchmark (bench_jpeg_draft.sh): every JPEG of a folder (sorted)
decoded by PIL (Debian python3-pil, libjpeg-turbo), converted to gray ("L") or RGB, resized with a box
filter to W x H and stored, scaled to [0, 1], in one float64 matrix: the rows Spectra's
`--resize WxH --color C` gives. With "draft", Image.draft(mode, (W, H)) first lets libjpeg decode at the
largest 1/2, 1/4 or 1/8 scale still covering W x H.
Usage: bench_jpeg_draft.py PATH WxH gray|rgb [draft]   Prints "key value" lines as the Spectra side does.
"""
import os, resource, sys, time
import numpy as np
from PIL import Image

path, size, color = sys.argv[1], tuple(int(v) for v in sys.argv[2].split("x")), sys.argv[3]
draft = len(sys.argv) > 4 and sys.argv[4] == "draft"
mode = "L" if color == "gray" else "RGB"
t0 = time.perf_counter()
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs)
x = np.empty((len(files), size[0] * size[1] * (1 if mode == "L" else 3)), dtype=np.float64)
for i, f in enumerate(files):
    with Image.open(f) as im:
        if draft:
            im.draft(mode, size)
        x[i] = np.asarray(im.convert(mode).resize(size, Image.BOX), dtype=np.float64).ravel()
x /= 255.0
seconds = time.perf_counter() - t0
print(f"seconds {seconds:.3f}")
print(f"images {len(files)}")
print(f"images_per_s {len(files) / seconds:.0f}")
ru = resource.getrusage(resource.RUSAGE_SELF)
print(f"cpu_s {ru.ru_utime + ru.ru_stime:.3f}")
print(f"peak_mb {ru.ru_maxrss / 1024:.0f}")
