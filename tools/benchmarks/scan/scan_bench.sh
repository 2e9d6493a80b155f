#!/bin/sh
# Side by side: `spectra scan` and the numpy peer (peer_scan.py) on the same IDX file, same grid.
# Usage: tools/benchmarks/scan/scan_bench.sh [IDX file] (default: the MNIST test images of the conformance set)
set -e
root=$(cd "$(dirname "$0")/../../.." && pwd)
data=${1:-$root/../shared/conformance/datasets/mnist-t10k/t10k-images-idx3-ubyte.gz}
dotnet build -c Release "$root/src/Spectra.Cli" -v q -nologo >/dev/null
tool="$root/src/Spectra.Cli/bin/Release/net10.0/Spectra.Cli"
ms() { start=$(date +%s%N); "$@" >/dev/null; echo $(( ($(date +%s%N) - start) / 1000000 )); }
for env in pinned unset; do
 if [ "$env" = pinned ]; then export OPENBLAS_CORETYPE=Haswell; else unset OPENBLAS_CORETYPE; fi
 echo "OpenBLAS $env (OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset})"
 for i in 1 2; do
  decode=$(ms "$tool" scan "$data" -q --subsets 1 --min-ratio 0.125 --max-ratio 0.125)
  scan=$(ms "$tool" scan "$data" -q)
  echo "spectra process_with_decode_only_ms=$decode full_scan_ms=$scan"
  /usr/bin/python3 "$root/tools/benchmarks/scan/peer_scan.py" "$data"
 done
done
