#!/usr/bin/env bash
# The full default report against an independent numpy + PIL script doing the same work (peer_report.py), side by
# side in one run, on 10 000 generated 32 x 32 JPEGs read gray (10 000 x 1024, CIFAR-10's size), in both OpenBLAS
# environments: OPENBLAS_CORETYPE=Haswell (pinned) and unset. Each side is a fresh process, best of REPEATS, wall
# clock and processor time from GNU time. Prints Markdown tables for docs/performance.md.
# Usage: bash tools/benchmarks/report/bench.sh [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY=/usr/bin/python3
SCRATCH=${SCRATCH:-/tmp/spectra-image-bench}
REPEATS=${1:-3}
CONF=${SPECTRA_CONFORMANCE:-../shared/conformance}
DATA=$SCRATCH/jpeg32
[ -d "$DATA" ] || $PY tools/benchmarks/images/make_bench_data.py "$SCRATCH" "$CONF" >&2
# The tool as it ships: precompiled (ReadyToRun) on linux-x64.
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true src/Spectra.Cli -o "$SCRATCH/cli" -v quiet -nologo >/dev/null
CLI=$SCRATCH/cli/Spectra.Cli
best() { # command... -> "wall cpu"
  local bw="" bc=""
  for _ in $(seq "$REPEATS"); do
    out=$(/usr/bin/time -f "wall %e\ncpu %U %S" "$@" 2>&1 >/dev/null)
    w=$(echo "$out" | awk '$1 == "wall" { print $2 }'); c=$(echo "$out" | awk '$1 == "cpu" { printf "%.2f", $2 + $3 }')
    if [ -z "$bw" ] || awk -v a="$w" -v b="$bw" 'BEGIN { exit !(a < b) }'; then bw=$w; bc=$c; fi
  done
  echo "$bw $bc"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
source tools/benchmarks/openblas-environments.sh
suite() {
  echo "OpenBLAS $("$CLI" info 2>/dev/null | grep -io 'core[^,;)]*' | head -1 || echo 'core not reported')"
  echo
  echo "| workload | Spectra wall (s) | peer wall (s) | Spectra / peer | Spectra CPU (s) | peer CPU (s) |"
  echo "|---|---|---|---|---|---|"
  read -r sw sc <<<"$(best "$CLI" analyze "$DATA" --json "$SCRATCH/report.json" -q)"
  read -r pw pc <<<"$(best "$PY" tools/benchmarks/report/peer_report.py full "$DATA")"
  echo "| full default report | $sw | $pw | $(ratio "$sw" "$pw") | $sc | $pc |"
  read -r sw sc <<<"$(best "$CLI" analyze "$DATA" --sff-realisations 0 --reference-draws 0 --json "$SCRATCH/light.json" -q)"
  read -r pw pc <<<"$(best "$PY" tools/benchmarks/report/peer_report.py light "$DATA")"
  echo "| --sff-realisations 0 --reference-draws 0 | $sw | $pw | $(ratio "$sw" "$pw") | $sc | $pc |"
}
openblas_environments suite
# The report's own stage timings (the last full run): where the time goes.
$PY -c "import json,sys; t=json.load(open(sys.argv[1])).get('timings',{}); print('stage timings (ms):', ', '.join(f'{k} {v}' for k,v in t.items()))" "$SCRATCH/report.json" || true
