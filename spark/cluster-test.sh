#!/usr/bin/env bash
# Runs Dendrite on a real Spark standalone cluster on this machine: a master and two workers on
# 127.0.0.1, started from the Maven jars (no Spark download), then a sweep, a distributed
# training, and a distributed training whose worker is killed with SIGKILL in the middle, then
# resumed from its last checkpoint on the same cluster. Stops
# what it started, by process id, whatever happens.
#
#   spark/cluster-test.sh            # builds spark/target/ first if needed (spark/dendrite-spark)
#
# SPARK_HOME is a temporary folder holding only jars/ (Spark's jars from spark/target/lib): that
# is all a worker needs to launch executor JVMs. Dendrite's own jars reach the executors as
# spark.jars, as they would on any cluster.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="$(dirname "$here")"
cd "$home"
"$here/dendrite-spark" --version >/dev/null   # builds the distribution when it is stale

work="$(mktemp -d "${TMPDIR:-/tmp}/dendrite-cluster.XXXXXX")"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  echo "cluster: stopped master and workers (${pids[*]}); logs in $work"
}
trap cleanup EXIT

export SPARK_HOME="$work/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$SPARK_HOME/jars"
for jar in "$here"/target/lib/*.jar; do
  case "$(basename "$jar")" in
    dendrite-*) ;;                          # Dendrite's own jars go to executors as spark.jars
    *) ln -s "$jar" "$SPARK_HOME/jars/" ;;
  esac
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port="$(free_port)"
master="spark://127.0.0.1:$port"
cp="$SPARK_HOME/jars/*"

java -cp "$cp" -Xmx512m org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$(free_port)" >"$work/master.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  mkdir -p "$work/worker-$i"
  SPARK_WORKER_DIR="$work/worker-$i" java -cp "$cp" -Xmx256m org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores 1 --memory 1500m --webui-port "$(free_port)" \
    --work-dir "$work/worker-$i" "$master" >"$work/worker-$i.log" 2>&1 &
  pids+=($!)
done
echo "cluster: master $master (pid ${pids[0]}), workers pids ${pids[1]} ${pids[2]}"

for _ in $(seq 1 120); do
  registered="$(grep -c 'Registering worker' "$work/master.log" || true)"
  [ "$registered" -ge 2 ] && break
  sleep 0.5
done
if [ "$registered" -lt 2 ]; then
  echo "cluster: the workers did not register with the master; see $work" >&2
  exit 1
fi
echo "cluster: 2 workers registered"

echo
echo "== sweep on the cluster"
start=$(date +%s)
"$here/dendrite-spark" sweep examples/mnist-sweep.yaml --engine spark --master "$master" \
  --out "$work/sweep" training.epochs=1 2> >(grep -v '^WARN' >&2)
echo "(sweep took $(( $(date +%s) - start )) s)"

echo
echo "== distributed training on the cluster (2 workers, sync_every 1)"
start=$(date +%s)
"$here/dendrite-spark" run examples/mnist-distributed.yaml --out "$work/distributed" \
  "training.distributed.master=$master" 2> >(grep -v '^WARN' >&2)
echo "(distributed training took $(( $(date +%s) - start )) s)"

echo
echo "== distributed training with a worker's executor killed (SIGKILL) in the middle"
"$here/dendrite-spark" run examples/mnist-distributed.yaml --out "$work/killed" \
  "training.distributed.master=$master" training.epochs=6 >"$work/killed.out" 2>"$work/killed.err" &
run=$!
# After the first epoch's checkpoint, so that resume has one to continue from (a loaded machine
# can take a minute to get there).
for _ in $(seq 1 2400); do
  [ -f "$work/killed/checkpoints/epoch-0001.safetensors" ] && break
  sleep 0.25
done
victim="$(pgrep -f "CoarseGrainedExecutorBackend.*--worker-url.*" | tail -n 1 || true)"
echo "killing executor pid $victim ($(ps -o args= -p "$victim" | grep -o -- '--executor-id [0-9]*'))"
kill -9 "$victim"
set +e
wait "$run"
code=$?
set -e
grep -v '^WARN' "$work/killed.out" | tail -n 3
grep -v '^WARN' "$work/killed.err" | grep -v '^spark:' || true
echo "(exit code $code)"
[ "$code" -ne 0 ]

echo
echo "== resume the killed run on the cluster (from its newest checkpoint)"
ls "$work/killed/checkpoints" || true
start=$(date +%s)
"$here/dendrite-spark" resume "$work/killed" 2> >(grep -v '^WARN' >&2) | grep -v '^WARN' | tail -n 4
echo "(resume took $(( $(date +%s) - start )) s)"
grep -o '"status" *: *"[a-z]*"' "$work/killed/run.json"
