#!/usr/bin/env bash
# Foundation benchmarks, side by side with numpy in one run (same OpenBLAS for both), in two
# environments one after the other: OpenBLAS pinned to its AVX2 kernels (OPENBLAS_CORETYPE=Haswell,
# as some machines set it) and OpenBLAS choosing its own kernels for the processor (the variable unset).
# Prints Markdown tables for docs/performance.md, each headed by its environment and the machine's load.
# Usage: bash tools/benchmarks/linear-algebra/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=/usr/bin/python3
dotnet build -c Release tools/benchmarks/linear-algebra/Spectra.Benchmarks.LinearAlgebra -v quiet -nologo >/dev/null
B=tools/benchmarks/linear-algebra/Spectra.Benchmarks.LinearAlgebra/bin/Release/net10.0/Spectra.Benchmarks.LinearAlgebra
val() { awk -v k="$1" '$1 == k { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
quick=0; [ "${1:-}" = "--quick" ] && quick=1
corename() {
  $PY -c 'import ctypes; l = ctypes.CDLL("libopenblas.so.0"); l.openblas_get_corename.restype = ctypes.c_char_p; print(l.openblas_get_corename().decode())'
}

# One environment's table; the caller sets or unsets OPENBLAS_CORETYPE.
suite() {
  echo "### $1"
  echo
  echo "OpenBLAS core: $(corename); $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| measurement | Spectra | numpy | Spectra / numpy |"
  echo "|---|---|---|---|"
  sizes="2000 4000"; [ $quick = 1 ] && sizes="2000"
  for n in $sizes; do
    s=$($B eigvalsh "$n" | val seconds); p=$($PY tools/benchmarks/linear-algebra/linalg.py eigvalsh "$n" | val seconds)
    echo "| all eigenvalues, n = $n (s, best of 3) | $s | $p | $(ratio "$s" "$p") |"
  done
  so=$($B covariance 20000 1024); po=$($PY tools/benchmarks/linear-algebra/linalg.py covariance 20000 1024)
  s=$(val seconds <<<"$so"); p=$(val seconds <<<"$po"); sc=$(val cpu_seconds <<<"$so"); pc=$(val cpu_seconds <<<"$po")
  echo "| covariance 20 000 × 1024 float32 rows (s, best of 3; rank-k update: $(val rank_k_update <<<"$so")) | $s | $p | $(ratio "$s" "$p") (throughput $(ratio "$p" "$s")×) |"
  echo "| the same, processor time over all threads (s) | $sc | $pc | $(ratio "$sc" "$pc") |"
  s=$($B pipeline 10000 784 | val seconds); p=$($PY tools/benchmarks/linear-algebra/linalg.py pipeline 10000 784 | val seconds)
  echo "| rows in memory → covariance spectrum, 10 000 × 784 (s, best of 3; validation, centring, rank-k update, dsyevd) | $s | $p | $(ratio "$s" "$p") |"
  if [ $quick = 0 ]; then
    ms=$($B eigvalsh 2000 managed | val seconds)
    echo "| managed fallback: all eigenvalues, n = 2000 (s) | $ms | — |  |"
    mc=$($B covariance 20000 1024 managed | val seconds)
    echo "| managed fallback: covariance 20 000 × 1024 (s) | $mc | — |  |"
  fi
  echo
  # Streaming: rows made chunk by chunk and never held whole (the pipeline's chunk at d = 1024 is 4096
  # rows), against numpy's X.T @ X on the same number of rows held in memory.
  pr=$($PY tools/benchmarks/linear-algebra/linalg.py in-memory-rate 200000 1024 | val gflop_per_s)
  echo
  echo "| streaming 200 000 × 1024, chunk rows | Spectra accumulation (GFLOP/s, 2·M·d²) | numpy, the same chunks each centred (GFLOP/s) | numpy in-memory X.T @ X (GFLOP/s) | Spectra / numpy chunked | Spectra / numpy in memory | Spectra growth (MB) |"
  echo "|---|---|---|---|---|---|---|"
  for chunk in 1024 4096 8192; do
    so=$($B streaming 200000 1024 "$chunk")
    sr=$(val accumulate_gflop_per_s <<<"$so")
    cr=$($PY tools/benchmarks/linear-algebra/linalg.py chunked-rate 200000 1024 "$chunk" | val gflop_per_s)
    echo "| $chunk | $sr | $cr | $pr | $(ratio "$sr" "$cr") | $(ratio "$sr" "$pr") | $(val growth_mb <<<"$so") |"
  done
  echo
  # Exact 8-bit accumulation (goal 6): random bytes held whole, integer sums, against numpy's float64 X.T @ X
  # on as many rows (what numpy would do with the same 8-bit data).
  echo "| exact 8-bit accumulation, 20 000 rows | Spectra integer update (GFLOP/s, 2·M·d²) | kernel | numpy float64 X.T @ X (GFLOP/s) | Spectra / numpy | the sums split in chunks of 777 rows identical |"
  echo "|---|---|---|---|---|---|"
  for d in 1024 4096; do
    so=$($B bytes 20000 "$d")
    pr=$($PY tools/benchmarks/linear-algebra/linalg.py in-memory-rate 20000 "$d" | val gflop_per_s)
    sr=$(val gflop_per_s <<<"$so")
    echo "| d = $d | $sr | $(val kernel <<<"$so") | $pr | $(ratio "$sr" "$pr") | $(val split_identical <<<"$so") |"
  done
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
}

(export OPENBLAS_CORETYPE=Haswell; suite "OPENBLAS_CORETYPE=Haswell (OpenBLAS pinned to its AVX2 kernels)")
(unset OPENBLAS_CORETYPE; suite "OPENBLAS_CORETYPE unset (OpenBLAS's own choice for this processor)")
