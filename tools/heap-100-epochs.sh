#!/usr/bin/env bash
# Measures the heap over 100 epochs of a run on the bundled MNIST sample: the live objects after a
# full collection (jcmd GC.class_histogram) once epochs 1, 10, 25, 50, 75 and 100 are written to
# metrics.csv, the slope of a line fitted through them, and the growth from epoch 10 on.
#
#   tools/heap-100-epochs.sh [key.path=value ...]
#
# The experiment is examples/mnist.yaml (a checkpoint every epoch) with 105 epochs, or what the
# overrides make of it, run by ./dendrite (the serial collector, as users run it). Each measure is
# taken while the next epoch trains: the 5 epochs after the 100th keep its measure away from the
# end of the run, where the test set is evaluated and the report drawn. Needs jcmd (the JDK's) and
# python3 (standard library only).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
overrides=(training.epochs=105 "$@")
marks=(1 10 25 50 75 100)

./dendrite run examples/mnist.yaml "${overrides[@]}" --out "$work/run" -q >"$work/out" 2>"$work/err" &
# The JVM itself, not the launcher's shell: the java process whose command line names the folder.
pid=""
for _ in $(seq 1 600); do
  pid="$(pgrep -f -- "io.dendrite.runner.cli.Main run .*--out $work/run" | head -n 1 || true)"
  [ -n "$pid" ] && break
  sleep 0.1
done
[ -n "$pid" ] || { echo "the run did not start: $(cat "$work/err")" >&2; exit 1; }

heap_kb() {
  # The live objects only: the histogram collects the heap first and counts what survives, in one
  # safepoint (a GC.run then GC.heap_info would also count what the run allocated in between).
  jcmd "$1" GC.class_histogram | awk '$1 == "Total" { print int($3 / 1024) }'
}

results=()
start=$(date +%s)
for mark in "${marks[@]}"; do
  while :; do
    done_epochs="$(grep -c '^[0-9]' "$work/run/metrics.csv" 2>/dev/null || true)"
    [ "${done_epochs:-0}" -ge "$mark" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "the run ended before epoch $mark: $(tail -n 3 "$work/err")" >&2; exit 1; }
    sleep 0.05
  done
  kb="$(heap_kb "$pid")" || { echo "could not measure after epoch $mark (the run had ended)" >&2; exit 1; }
  results+=("$mark:$kb")
  printf 'epoch %3d: heap after GC %7d KB   (%4d s)\n' "$mark" "$kb" "$(( $(date +%s) - start ))"
done
wait || true
python3 - "${results[@]}" <<'PY'
import sys
points = [tuple(map(int, a.split(":"))) for a in sys.argv[1:]]
n = len(points)
mx = sum(e for e, _ in points) / n
my = sum(k for _, k in points) / n
slope = sum((e - mx) * (k - my) for e, k in points) / sum((e - mx) ** 2 for e, _ in points)
first, last = points[0][1], points[-1][1]
print(f"slope {slope:+.1f} KB per epoch (least squares); epoch {points[-1][0]} minus epoch "
      f"{points[0][0]}: {last - first:+d} KB")
# After the first epoch (class loading, the JIT's and the first checkpoint's buffers settle).
(e1, k1), (e2, k2) = points[1], points[-1]
print(f"from epoch {e1} to {e2}: {k2 - k1:+d} KB, {(k2 - k1) / (e2 - e1):+.1f} KB per epoch")
PY
