#!/usr/bin/python3
"""Writes the small NPY/NPZ/BMP/PGM test inputs of tests/Spectra.Tests/Images/Data with numpy and PIL.

Every array value follows a closed formula, so tests recompute it without reading numpy's output:
  v(m, y, x, c) = (m * 1000 + y * 100 + x * 10 + c) for the integer types (taken modulo 256 for uint8),
  and that value / 8 - 3 for the float types.
Run: /usr/bin/python3 tools/images/make_test_arrays.py
"""
import hashlib, os
import numpy as np
from PIL import Image

out = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Spectra.Tests", "Images", "Data")
os.makedirs(out, exist_ok=True)

def formula(shape):
    m, h, w, c = shape
    M, Y, X, C = np.meshgrid(np.arange(m), np.arange(h), np.arange(w), np.arange(c), indexing="ij")
    return M * 1000 + Y * 100 + X * 10 + C

stack = formula((3, 4, 5, 1))[..., 0]          # 3 × 4 × 5
rgb = formula((2, 4, 5, 3))                     # 2 × 4 × 5 × 3
np.save(f"{out}/stack_u8.npy", (stack % 256).astype(np.uint8))
np.save(f"{out}/stack_u16_fortran.npy", np.asfortranarray(stack.astype(np.uint16)))
np.save(f"{out}/stack_u16_be.npy", stack.astype(">u2"))
np.save(f"{out}/stack_f32.npy", (stack / 8 - 3).astype(np.float32))
np.save(f"{out}/stack_f64_fortran.npy", np.asfortranarray(stack / 8 - 3))
np.save(f"{out}/stack_i32.npy", stack.astype(np.int32))
np.save(f"{out}/rgb_stack_u16.npy", rgb.astype(np.uint16))
np.save(f"{out}/single_hwc_u8.npy", (formula((1, 6, 5, 3))[0] % 256).astype(np.uint8))  # 6 × 5 × 3: one RGB image
np.save(f"{out}/single_hw_f64.npy", stack[1] / 8 - 3)                  # 4 × 5: one image
np.savez(f"{out}/pair.npz", b=(stack % 256).astype(np.uint8), a=(stack[:2] % 256).astype(np.uint8))

# BMPs written by PIL; their expected pixels are the PIL decode, stored as SHA-256 of the RGB bytes.
rng = np.random.default_rng(7)
img = rng.integers(0, 256, size=(7, 9, 3), dtype=np.uint8)
Image.fromarray(img).save(f"{out}/rgb24.bmp")
Image.fromarray(img).convert("P", palette=Image.ADAPTIVE, colors=16).save(f"{out}/pal8.bmp")
Image.fromarray(img[..., 0]).convert("1").save(f"{out}/mono1.bmp")
for name in ["rgb24.bmp", "pal8.bmp", "mono1.bmp"]:
    rgbbytes = np.asarray(Image.open(f"{out}/{name}").convert("RGB")).tobytes()
    print(name, hashlib.sha256(rgbbytes).hexdigest())
