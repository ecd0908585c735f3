#!/usr/bin/env bash
# Kills a training run with kill -9 at random moments and resumes it, N times (default 20), and
# checks each time that the resumed run ends with the tensors of model.safetensors and the
# metrics of metrics.json (all but the seconds) of a run never stopped, byte for byte.
#
#   tools/kill-resume.sh [N] [key.path=value ...]
#
# The experiment is examples/mnist.yaml with 6 epochs and batch 16 (about a second an epoch), or
# what the overrides make of it. Needs python3 (standard library only) for the comparison.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="${1:-20}"
shift || true
overrides=(training.epochs=6 training.batch_size=16 "$@")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./dendrite run examples/mnist.yaml "${overrides[@]}" --out "$work/whole" -q >/dev/null
start=$(date +%s%N)
./dendrite run examples/mnist.yaml "${overrides[@]}" --out "$work/timed" -q >/dev/null
total_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "uninterrupted run: ${total_ms} ms; killing at random moments within it"

same() {
  python3 - "$1" "$2" <<'PY'
import json, sys
def tensors(path):
    b = open(path, "rb").read()
    n = int.from_bytes(b[:8], "little")
    header = json.loads(b[8:8 + n])
    header.pop("__metadata__", None)
    return header, b[8 + n:]
def metrics(path):
    m = json.load(open(path))
    for e in m["epochs"]:
        e.pop("seconds", None)
    return m
a, b = sys.argv[1], sys.argv[2]
ok = tensors(a + "/model.safetensors") == tensors(b + "/model.safetensors") \
    and metrics(a + "/metrics.json") == metrics(b + "/metrics.json")
sys.exit(0 if ok else 1)
PY
}

failures=0
for i in $(seq 1 "$rounds"); do
  dir="$work/run-$i"
  delay_ms=$(( RANDOM * total_ms / 32768 ))
  ./dendrite run examples/mnist.yaml "${overrides[@]}" --out "$dir" -q >/dev/null 2>&1 &
  pid=$!
  disown "$pid" 2>/dev/null || true   # no "Killed" line from the shell for the job
  sleep "$(awk "BEGIN { print $delay_ms / 1000 }")"
  # The JVM itself, not only the launcher (killing a shell leaves its child running): every
  # process whose command line names this run's folder.
  if pkill -9 -f -- "--out $dir( |\$)"; then
    while pgrep -f -- "--out $dir( |\$)" >/dev/null; do sleep 0.05; done   # its lock is free
    epochs="$(grep -c '^[0-9]' "$dir/metrics.csv" 2>/dev/null || true)"
    epochs="${epochs:-0}"
    checkpoint=$(ls "$dir/checkpoints" 2>/dev/null | tail -n 1 || true)
    if grep -q '"status" *: *"completed"' "$dir/run.json" 2>/dev/null; then
      # Killed as the JVM exited: everything was saved already.
      how="killed after the run completed"
    elif [ -f "$dir/experiment.resolved.yaml" ]; then
      ./dendrite resume "$dir" -q >/dev/null 2>"$dir.err" || { echo "round $i: resume failed: $(cat "$dir.err")"; failures=$((failures + 1)); continue; }
      how="resumed from ${checkpoint:-the start}"
    else
      ./dendrite run examples/mnist.yaml "${overrides[@]}" --out "$dir" -q >/dev/null 2>"$dir.err"
      how="killed before training began; run again"
    fi
  else
    epochs="$(grep -c '^[0-9]' "$dir/metrics.csv" 2>/dev/null || true)"
    how="finished before the kill"
  fi
  if same "$work/whole" "$dir"; then verdict="identical"; else verdict="DIFFERENT"; failures=$((failures + 1)); fi
  printf 'round %2d: killed after %5d ms, %d epochs done, %-40s %s\n' "$i" "$delay_ms" "$epochs" "$how:" "$verdict"
done
echo "$((rounds - failures)) of $rounds rounds identical to the uninterrupted run"
[ "$failures" -eq 0 ]
