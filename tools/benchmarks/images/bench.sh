#!/usr/bin/env bash
# Image-loader benchmark, Spectra and Python (Debian python3-pil + python3-numpy) side by side in one run.
# Makes the data (10 000 MNIST digits as PNG, PGM, BMP and NPY from the IDX file; 10 000 generated 32 x 32
# JPEGs) under $SCRATCH (default /tmp/spectra-image-bench), then times each side end to end as a fresh
# process: the spectrum of the PNG and JPEG folders, and the decode of every folder (a rate per codec).
# Prints a Markdown table for docs/performance.md. Usage: bash tools/benchmarks/images/bench.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=/usr/bin/python3
SCRATCH=${SCRATCH:-/tmp/spectra-image-bench}
REPEATS=${1:-3}
CONF=${SPECTRA_CONFORMANCE:-../shared/conformance}
SETS="mnist-png jpeg32 mnist-pgm mnist-bmp mnist-npy"
for set in $SETS; do [ -d "$SCRATCH/$set" ] || { $PY tools/benchmarks/images/make_bench_data.py "$SCRATCH" "$CONF" >&2; break; }; done
# Built as the spectra tool ships: precompiled (ReadyToRun) on linux-x64, compiled as it runs elsewhere.
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true tools/benchmarks/images/Spectra.Benchmarks.Images -o "$SCRATCH/bin" -v quiet -nologo >/dev/null
  B=$SCRATCH/bin/Spectra.Benchmarks.Images
else
  dotnet build -c Release tools/benchmarks/images/Spectra.Benchmarks.Images -v quiet -nologo >/dev/null
  B=tools/benchmarks/images/Spectra.Benchmarks.Images/bin/Release/net10.0/Spectra.Benchmarks.Images
fi
val() { awk -v k="$1" '$1 == k { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# Best of REPEATS. Seconds and peak memory are the whole process's (GNU time: wall clock, maximum RSS),
# so runtime start-up and Python's imports count; images/s is the program's own decode rate.
best() { # side mode path -> "seconds peak_mb images_per_s top cpu_seconds"
  local side=$1 mode=$2 path=$3 bs="" out
  for _ in $(seq "$REPEATS"); do
    if [ "$side" = spectra ]; then out=$(/usr/bin/time -f "wall %e\ncpu %U %S\nrss_kb %M" "$B" "$mode" "$path" 2>&1)
    else out=$(/usr/bin/time -f "wall %e\ncpu %U %S\nrss_kb %M" "$PY" tools/benchmarks/images/bench_images.py "$mode" "$path" 2>&1); fi
    s=$(echo "$out" | val wall)
    if [ -z "$bs" ] || awk -v a="$s" -v b="$bs" 'BEGIN { exit !(a < b) }'; then
      bs=$s; bm=$(echo "$out" | val rss_kb | awk '{ printf "%.0f", $1 / 1024 }'); br=$(echo "$out" | val images_per_s); bt=$(echo "$out" | val top_eigenvalue)
      bc=$(echo "$out" | awk '$1 == "cpu" { printf "%.2f", $2 + $3 }')
    fi
  done
  echo "$bs $bm $br ${bt:--} $bc"
}
source tools/benchmarks/openblas-environments.sh
# The spectrum rows call BLAS, the decode rows do not; Python's numpy runs in the same environment.
suite() {
echo "| workload | Spectra (s) | Python (s) | Spectra / Python | Spectra CPU (s) | Python CPU (s) | Spectra images/s | Python images/s | Spectra peak MB | Python peak MB | top eigenvalue (Spectra / Python) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for mode in spectrum decode; do
  sets="mnist-png jpeg32"; [ "$mode" = decode ] && sets=$SETS
  for set in $sets; do
    read -r s sm sr st sc <<<"$(best spectra "$mode" "$SCRATCH/$set")"
    read -r p pm pr pt pc <<<"$(best python "$mode" "$SCRATCH/$set")"
    echo "| $mode, $set (10 000 files) | $s | $p | $(ratio "$s" "$p") | $sc | $pc | $sr | $pr | $sm | $pm | $st / $pt |"
  done
done
read -r s sm sr st sc <<<"$(best spectra decode "$CONF/datasets/mnist-t10k/t10k-images-idx3-ubyte.gz")"
echo "| decode, MNIST IDX (.gz, one file) | $s | — | — | $sc | — | $sr | — | $sm | — | — |"
}
openblas_environments suite
