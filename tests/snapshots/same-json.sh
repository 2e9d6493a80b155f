#!/usr/bin/env bash
# Writes the JSON of analyze (images, Parquet), baseline and check with one CLI build into a folder, with
# the timings (which vary run to run) removed, so that two builds can be compared with `diff -r`.
#   tests/snapshots/same-json.sh CLI_DLL OUT_DIR      e.g. after `dotnet build -o /tmp/cli src/Spectra.Cli`
set -euo pipefail
cli="$1"; out="$2"; root="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$out"; cd "$out"  # relative file names: the check reports record the baseline path
run() { dotnet "$cli" "$@" -q || [ $? -le 2 ]; }
strip() { python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
def clean(x):
    if isinstance(x,dict): return {k:clean(v) for k,v in x.items() if k not in ("timings","timings_ms")}
    if isinstance(x,list): return [clean(v) for v in x]
    return x
json.dump(clean(d),open(sys.argv[1],"w"),indent=1,sort_keys=True)' "$1"; }
digits="$root/data-samples/digits"; table="$root/data-samples/embeddings/embeddings.parquet"
run analyze "$digits" --json "digits.json"
run analyze "$table" --list-column embedding --label-column label --matrix covariance --seed 2 --json "parquet.json"
run baseline "$digits" --max-samples 400 --seed 5 --replicates 3 --sff-realisations 2 --k-top 4 -o "baseline.json" --json "baseline-report.json"
run check "$digits" --baseline "baseline.json" --json "check.json"
run check "$digits" --baseline "baseline.json" --k-top 6 --json "check-k6.json"
for f in *.json; do strip "$f"; done
