#!/usr/bin/env bash
# Large d end to end: 20 000 rows of 64 x 64 gray (d = 4096) and 64 x 64 RGB (d = 12 288) 8-bit images in one NPY
# stack each, `spectra analyze FILE --sff-realisations 0 --reference-draws 0` against peer_large_d.py (numpy doing
# the same work), in both OpenBLAS environments, one fresh process each. Prints wall time, peak resident memory
# and its ratio to the d x d floor (8 d^2 bytes: one covariance), and the stage timings of both sides.
# Usage: bash tools/benchmarks/large-d/bench.sh [M]
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=/usr/bin/python3
M=${1:-20000}
SCRATCH=${SCRATCH:-/tmp/spectra-large-d}
$PY tools/benchmarks/large-d/make_data.py "$SCRATCH" "$M"
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true src/Spectra.Cli -o "$SCRATCH/cli" -v quiet -nologo >/dev/null
CLI=$SCRATCH/cli/Spectra.Cli
run() { # label command... -> "wall peak_mb"
  /usr/bin/time -f "wall %e\npeak %M" -o "$SCRATCH/time.txt" "$@" > "$SCRATCH/out.txt"
  echo "$(awk '$1 == "wall" { print $2 }' "$SCRATCH/time.txt") $(awk '$1 == "peak" { printf "%.0f", $2 / 1024 }' "$SCRATCH/time.txt")"
}
source tools/benchmarks/openblas-environments.sh
suite() {
  echo "| input | d | Spectra wall (s) | numpy wall (s) | Spectra / numpy | Spectra peak (MB) | numpy peak (MB) | floor 8d² (MB) | Spectra peak / floor | Spectra stages (ms) | numpy stages (s) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for name in gray rgb; do
    f=$SCRATCH/$name-$M.npy
    d=$([ $name = gray ] && echo 4096 || echo 12288)
    color=$([ $name = gray ] && echo gray || echo rgb) # images are read gray unless told
    read -r sw sp <<<"$(run "$CLI" analyze "$f" --color "$color" --sff-realisations 0 --reference-draws 0 --json "$SCRATCH/$name.json" -q)"
    features=$($PY -c "import json,sys; print(json.load(open(sys.argv[1]))['matrix']['features'])" "$SCRATCH/$name.json")
    [ "$features" = "$d" ] || { echo "Spectra read $features features from $f, not $d" >&2; exit 1; }
    stages=$($PY -c "import json,sys; t=json.load(open(sys.argv[1]))['timings']; print(', '.join(f'{k} {round(v)}' for k,v in t.items() if k in ('read_ms','accumulate_ms','solve_ms')))" "$SCRATCH/$name.json")
    read -r pw pp <<<"$(run "$PY" tools/benchmarks/large-d/peer_large_d.py "$f")"
    peer=$($PY -c "import json,sys; t=json.load(open(sys.argv[1])); print(', '.join(f'{k} {v:.2f}' for k,v in t.items() if k != 'largest'))" "$SCRATCH/out.txt")
    floor=$(awk -v d="$d" 'BEGIN { printf "%.0f", 8 * d * d / 1048576 }')
    echo "| $name $M × $d | $d | $sw | $pw | $(awk -v a="$sw" -v b="$pw" 'BEGIN { printf "%.2f", a / b }') | $sp | $pp | $floor | $(awk -v a="$sp" -v b="$floor" 'BEGIN { printf "%.2f", a / b }') | $stages | $peer |"
  done
}
openblas_environments suite
