#!/usr/bin/env bash
# Foundation benchmarks, side by side with numpy in one run and one environment (same OpenBLAS,
# same OPENBLAS_* variables as the machine sets). Prints a Markdown table for docs/performance.md.
# Usage: bash tools/benchmarks/linear-algebra/run.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=/usr/bin/python3
dotnet build -c Release tools/benchmarks/linear-algebra/Spectra.Benchmarks.LinearAlgebra -v quiet -nologo >/dev/null
B=tools/benchmarks/linear-algebra/Spectra.Benchmarks.LinearAlgebra/bin/Release/net10.0/Spectra.Benchmarks.LinearAlgebra
val() { awk -v k="$1" '$1 == k { print $2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "| measurement | Spectra | numpy | Spectra / numpy |"
echo "|---|---|---|---|"
sizes="2000 4000"; [ "${1:-}" = "--quick" ] && sizes="2000"
for n in $sizes; do
  s=$($B eigvalsh "$n" | val seconds); p=$($PY tools/benchmarks/linear-algebra/linalg.py eigvalsh "$n" | val seconds)
  echo "| all eigenvalues, n = $n (s, best of 3) | $s | $p | $(ratio "$s" "$p") |"
done
s=$($B covariance 20000 1024 | val seconds); p=$($PY tools/benchmarks/linear-algebra/linalg.py covariance 20000 1024 | val seconds)
echo "| covariance 20 000 × 1024 float32 rows (s, best of 3) | $s | $p | $(ratio "$s" "$p") (throughput $(ratio "$p" "$s")×) |"
s=$($B pipeline 10000 784 | val seconds); p=$($PY tools/benchmarks/linear-algebra/linalg.py pipeline 10000 784 | val seconds)
echo "| rows in memory → covariance spectrum, 10 000 × 784 (s, best of 3; validation, centring, rank-k update, dsyevd) | $s | $p | $(ratio "$s" "$p") |"
ms=$($B eigvalsh 2000 managed | val seconds)
echo "| managed fallback: all eigenvalues, n = 2000 (s) | $ms | — |  |"
mc=$($B covariance 20000 1024 managed | val seconds)
echo "| managed fallback: covariance 20 000 × 1024 (s) | $mc | — |  |"
echo
echo "Streaming covariance, 200 000 × 1024 rows in chunks of 1024 (never held whole):"
echo '```'
$B streaming 200000 1024 1024
echo '```'
