#!/usr/bin/env bash
# Sharded runs on the local one-node cluster against the single-machine run (docs/performance.md).
#   bash tools/slurm/bench.sh [WORK_DIR]
# For the MNIST IDX (d = 784) and a generated folder of 10 000 64 × 64 PGM images (d = 4096, and d = 1024
# with --resize 32x32): 1, 2 and 4 shards through `spectra slurm --submit`, timed from submission to the
# merge job's COMPLETED; each shard's CPU time and file size from the same accumulate command run under
# /usr/bin/time; the merge alone, timed; and `spectra analyze` on one machine.
# Run it once with OPENBLAS_CORETYPE unset and once with OPENBLAS_CORETYPE=Haswell exported; the first line says which.
# Needs root, the Slurm packages (see cluster.sh), /usr/bin/python3 with numpy and a built solution.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d /tmp/spectra-slurm-bench.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
dll="$root/src/Spectra.Cli/bin/Release/net10.0/Spectra.Cli.dll"
[ -f "$dll" ] || dotnet build "$root/src/Spectra.Cli" -c Release -v q >/dev/null
spectra=(dotnet "$dll")
mnist=${SPECTRA_MNIST:-$root/../shared/conformance/datasets/mnist-t10k/t10k-images-idx3-ubyte.gz}
[ -f "$mnist" ] || { echo "error: MNIST IDX not found at $mnist (set SPECTRA_MNIST)" >&2; exit 3; }

images="$work/images-64"
if [ ! -f "$images/.complete" ]; then
  # Smooth random fields (Gaussian-filtered noise), 8-bit binary PGM, so the spectrum has structure.
  /usr/bin/python3 - "$images" <<'PY'
import os, sys
import numpy as np
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(20261204)
k = np.fft.fftfreq(64)
filt = np.exp(-(k[:, None] ** 2 + k[None, :] ** 2) / (2 * 0.08 ** 2))
for i in range(10000):
    f = np.real(np.fft.ifft2(np.fft.fft2(rng.standard_normal((64, 64))) * filt))
    img = np.clip(128 + 40 * f / f.std(), 0, 255).astype(np.uint8)
    with open(os.path.join(out, f"img-{i:05d}.pgm"), "wb") as fh:
        fh.write(b"P5\n64 64\n255\n" + img.tobytes())
open(os.path.join(out, ".complete"), "w").close()
PY
fi

cluster="$work/cluster"
eval "$(SPECTRA_SLURM_PORT=${SPECTRA_SLURM_PORT:-17817} bash "$root/tools/slurm/cluster.sh" start "$cluster")"
trap 'bash "$root/tools/slurm/cluster.sh" stop "$cluster"' EXIT

wait_job() {
  while :; do
    state=$(scontrol show job "$1" | grep -o 'JobState=[A-Z_]*' | sort -u | tr '\n' ' ')
    case "$state" in *PENDING*|*RUNNING*|*CONFIGURING*|*COMPLETING*) sleep 0.2 ;; *) echo "$state"; return ;; esac
  done
}

now() { date +%s.%N; }
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| input | d | shards | Slurm wall (s) | task CPU, total (s) | shard file (MB) | merge (s) | merge peak (MB) | single machine wall (s) |"
echo "|---|---|---|---|---|---|---|---|---|"
run_case() {
  local name=$1 input=$2 d=$3; shift 3
  local t0 t1 single
  t0=$(now); "${spectra[@]}" --quiet analyze "$input" --seed 1 "$@" --json "$work/single-$name.json"; t1=$(now)
  single=$(echo "$t1 - $t0" | bc)
  for n in 1 2 4; do
    local dir="$work/run-$name-$n"
    rm -rf "$dir"
    t0=$(now)
    out=$("${spectra[@]}" slurm "$input" --shards "$n" --cpus-per-task $((2 / (n > 1 ? 2 : 1))) --seed 1 "$@" -o "$dir" --submit)
    merge_id=$(sed -n 's/^merge job: \([0-9]*\).*/\1/p' <<<"$out")
    state=$(wait_job "$merge_id")
    t1=$(now)
    [ "$state" = "JobState=COMPLETED " ] || { echo "error: merge job $merge_id ended $state; see $dir/logs" >&2; exit 1; }
    wall=$(echo "$t1 - $t0" | bc)
    # CPU per task: the same accumulate command outside Slurm, one at a time.
    cpu=0
    for i in $(seq 1 "$n"); do
      /usr/bin/time -f '%U %S' -o "$work/time" "${spectra[@]}" --quiet accumulate "$input" --shard "$i/$n" -o "$work/probe.spacc" --seed 1 "$@"
      cpu=$(echo "$cpu + $(awk '{print $1 + $2}' "$work/time")" | bc)
    done
    size=$(stat -c %s "$dir/shard-1.spacc")
    /usr/bin/time -f '%e %M' -o "$work/time" "${spectra[@]}" --quiet merge "$dir"/shard-*.spacc -o "$work/probe-merged.spacc"
    read -r merge_s merge_kb < "$work/time"
    printf '| %s | %s | %s | %.1f | %.1f | %.1f | %.2f | %.0f | %.1f |\n' "$name" "$d" "$n" "$wall" "$cpu" "$(echo "$size / 1000000" | bc -l)" "$merge_s" "$(echo "$merge_kb / 1024" | bc -l)" "$single"
  done
}
run_case mnist "$mnist" 784
run_case images-32 "$images" 1024 --resize 32x32
run_case images-64 "$images" 4096
