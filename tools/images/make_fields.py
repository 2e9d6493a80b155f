#!/usr/bin/python3
"""Generates Gaussian random fields with a power-law power spectrum P(k) ~ |k|^(-BETA) on a periodic
32x32 grid, and writes them as 8-bit gray PNGs: data-samples/fields/NNNN.png.

Each field is white Gaussian noise filtered in Fourier space by |k|^(-BETA/2) (the k = 0 mode set to
zero), scaled to unit variance with the theoretical variance (the same factor for every field, so
amplitudes stay Gaussian across images), and stored as clip(128 + 40 * f). Because the fields are
stationary and periodic, their pixel covariance is circulant: its eigenvalues are the power spectrum
sampled at the 32x32 lattice frequencies, a power law in |k|, with each value repeated by the
symmetries of the lattice.
Run: /usr/bin/python3 tools/images/make_fields.py  (seeded: same files every run)
"""
import os, shutil
import numpy as np
from PIL import Image

N, COUNT, BETA, SEED = 32, 300, 3.0, 20240611
root = os.path.join(os.path.dirname(__file__), "..", "..", "data-samples", "fields")
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root)
k = np.fft.fftfreq(N) * N
kk = np.sqrt(k[:, None] ** 2 + k[None, :] ** 2)
amplitude = np.zeros_like(kk)
amplitude[kk > 0] = kk[kk > 0] ** (-BETA / 2)
# Variance of the filtered field: sum of |amplitude|^2 / N^2 (unitary convention below).
sigma = np.sqrt((amplitude ** 2).sum()) / N
rng = np.random.default_rng(SEED)
for i in range(COUNT):
    noise = rng.standard_normal((N, N))
    field = np.real(np.fft.ifft2(np.fft.fft2(noise) * amplitude)) / sigma
    pixels = np.clip(np.rint(128 + 40 * field), 0, 255).astype(np.uint8)
    Image.fromarray(pixels, mode="L").save(os.path.join(root, f"{i:04d}.png"), optimize=True)
print("wrote", COUNT, f"fields of {N}x{N}, beta={BETA}, seed={SEED}")
