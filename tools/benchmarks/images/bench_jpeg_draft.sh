#!/usr/bin/env bash
# Reduced-scale JPEG decode (issue 19, goal 4), Spectra and PIL side by side in one run: N ImageNet-like photos
# (500 x 375 colour JPEGs, quality 90, make_photos.py) read into 64 x 64 gray and RGB rows. Spectra with and
# without --jpeg-draft (Spectra.Benchmarks.Images resize), PIL with and without Image.draft then a box resize
# (bench_jpeg_draft.py). Each is a fresh process, best of REPEATS by wall clock; CPU is user + system.
# Runs in both OpenBLAS environments (OPENBLAS_CORETYPE=Haswell, then unset) as the project's benchmarks do;
# nothing here calls BLAS, so the two tables should agree.
# Then where Spectra's draft decode spends its time, one thread (jpeg-stages).
# Usage: bash tools/benchmarks/images/bench_jpeg_draft.sh [REPEATS] [N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=/usr/bin/python3
SCRATCH=${SCRATCH:-/tmp/spectra-jpeg-draft}
REPEATS=${1:-3}
N=${2:-2000}
DATA=$SCRATCH/photos500
$PY tools/benchmarks/images/make_photos.py "$DATA" "$N" >&2
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true tools/benchmarks/images/Spectra.Benchmarks.Images -o "$SCRATCH/bin" -v quiet -nologo >/dev/null
  B=$SCRATCH/bin/Spectra.Benchmarks.Images
else
  dotnet build -c Release tools/benchmarks/images/Spectra.Benchmarks.Images -v quiet -nologo >/dev/null
  B=tools/benchmarks/images/Spectra.Benchmarks.Images/bin/Release/net10.0/Spectra.Benchmarks.Images
fi
best() { # command... -> "wall cpu"
  local bw="" bc out w
  for _ in $(seq "$REPEATS"); do
    out=$(/usr/bin/time -f "wall %e\ncpu %U %S" "$@" 2>&1 >/dev/null)
    w=$(echo "$out" | awk '$1 == "wall" { print $2 }')
    if [ -z "$bw" ] || awk -v a="$w" -v b="$bw" 'BEGIN { exit !(a < b) }'; then
      bw=$w; bc=$(echo "$out" | awk '$1 == "cpu" { printf "%.2f", $2 + $3 }')
    fi
  done
  echo "$bw $bc"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
source tools/benchmarks/openblas-environments.sh
suite() {
echo "$N files of 500 x 375 -> 64 x 64"
echo
echo "| colour | Spectra draft wall (s) | Spectra full wall (s) | PIL draft wall (s) | PIL full wall (s) | Spectra draft / PIL draft | Spectra full / PIL full | Spectra draft CPU (s) | Spectra full CPU (s) | PIL draft CPU (s) | PIL full CPU (s) | Spectra draft / PIL draft, CPU |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for color in gray rgb; do
  read -r sd sdc <<<"$(best "$B" resize "$DATA" 64x64 "$color" draft)"
  read -r sf sfc <<<"$(best "$B" resize "$DATA" 64x64 "$color")"
  read -r pd pdc <<<"$(best "$PY" tools/benchmarks/images/bench_jpeg_draft.py "$DATA" 64x64 "$color" draft)"
  read -r pf pfc <<<"$(best "$PY" tools/benchmarks/images/bench_jpeg_draft.py "$DATA" 64x64 "$color")"
  echo "| $color | $sd | $sf | $pd | $pf | $(ratio "$sd" "$pd") | $(ratio "$sf" "$pf") | $sdc | $sfc | $pdc | $pfc | $(ratio "$sdc" "$pdc") |"
done
}
openblas_environments suite
echo "Where Spectra's time goes (one thread, 400 files in memory, ms per image; 1/8 is the entropy decoding's floor):"
mkdir -p "$SCRATCH/first400"
# An array, not `ls | head`: under pipefail the pipe's early close would end the script.
files=("$DATA"/*.jpg)
for f in "${files[@]:0:400}"; do ln -sf "$f" "$SCRATCH/first400/"; done
"$B" jpeg-stages "$SCRATCH/first400" 64x64 rgb "$REPEATS" | sed 's/^/    /'
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
