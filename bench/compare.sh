#!/usr/bin/env bash
# Dendrite, PyTorch 2 and Keras 3 on JAX training the same MLP on Fashion-MNIST, side by side in
# one run: 784-256-128-10, ReLU, softmax cross-entropy, Adam 1e-3, batch 64, shuffled, EPOCHS
# epochs, with 1 and with 2 threads, in interleaved rounds (every tool and thread count once per
# round), so that a noisy, shared machine slows all of them alike. Prints a table of seconds per
# epoch (the mean of epochs 2..EPOCHS: epoch 1 includes each tool's warm-up), test accuracy and
# peak RSS, then the ratios the speed issue asks for.
#
#   bench/compare.sh                      (ROUNDS=2 EPOCHS=3 THREADS="1 2" TOOLS="dendrite torch keras")
#   ROUNDS=1 TOOLS="dendrite torch" bench/compare.sh
#
# Python: PyTorch comes from $TORCH_PYTHON, else /work/venv when it has torch, else a venv it
# makes in bench/.venvs/torch (pip install torch numpy); Keras and JAX from a venv it makes in
# bench/.venvs/keras (pip install keras jax jaxlib numpy). JAX takes every core it may run on, so it
# is held to as many as the thread count with taskset (XLA has no thread-count flag that covers
# everything). Dendrite is the built runner (./dendrite builds it when missing); DENDRITE_JAVA_OPTS
# passes on to it. Data: ../shared/data/fashion-mnist beside the repository, or $DATA.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${ROUNDS:-2}"
epochs="${EPOCHS:-3}"
threads_list="${THREADS:-1 2}"
tools="${TOOLS:-dendrite torch keras}"
data="${DATA:-$home/../shared/data/fashion-mnist}"
shared_bench="$(cd "$home/.." && pwd)/shared/bench"
venvs="$home/bench/.venvs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f "$data/train-images-idx3-ubyte.gz" ]; then
  echo "compare: no Fashion-MNIST in $data (set DATA)" >&2
  exit 2
fi

has() { KERAS_BACKEND=jax "$1" -c "import $2" >/dev/null 2>&1; }

venv_with() { # venv_with NAME MODULE PACKAGES...: a python that can import MODULE
  local name="$1" module="$2"
  shift 2
  local py="$venvs/$name/bin/python"
  if [ ! -x "$py" ] || ! has "$py" "$module"; then
    echo "compare: making the $name venv in $venvs/$name (pip install $*)" >&2
    python3 -m venv "$venvs/$name"
    "$venvs/$name/bin/pip" install -q "$@" >&2
  fi
  echo "$py"
}

for tool in $tools; do
  case "$tool" in
    torch)
      if [ -n "${TORCH_PYTHON:-}" ]; then
        torch_py="$TORCH_PYTHON"
      elif [ -x /work/venv/bin/python ] && has /work/venv/bin/python torch; then
        torch_py=/work/venv/bin/python
      else
        torch_py="$(venv_with torch torch torch numpy)"
      fi
      ;;
    keras) keras_py="$(venv_with keras keras keras jax jaxlib numpy)" ;;
    dendrite) "$home/dendrite" --version >/dev/null ;; # builds the runner if needed
    *) echo "compare: unknown tool $tool" >&2; exit 2 ;;
  esac
done

# run TOOL THREADS ROUND: one training run, its output and /usr/bin/time's report in $work.
run() {
  local tool="$1" t="$2" r="$3" out="$work/$1-$2-$3"
  local cores
  cores="$(seq -s, 0 $((t - 1)))"
  case "$tool" in
    dendrite)
      /usr/bin/time -v -o "$out.time" "$home/dendrite" run "$home/bench/fashion-mnist.yaml" \
        --out "$work/run-$t-$r" "training.epochs=$epochs" "training.threads=$t" >"$out.log"
      rm -rf "$work/run-$t-$r"
      ;;
    torch)
      /usr/bin/time -v -o "$out.time" "$torch_py" "$shared_bench/torch_mlp.py" "$data" \
        --threads "$t" --epochs "$epochs" >"$out.log"
      ;;
    keras)
      XLA_FLAGS="--xla_cpu_multi_thread_eigen=$([ "$t" = 1 ] && echo false || echo true)" \
        /usr/bin/time -v -o "$out.time" taskset -c "$cores" "$keras_py" \
        "$shared_bench/keras_mlp.py" "$data" --epochs "$epochs" >"$out.log" 2>"$out.err"
      ;;
  esac
}

echo "compare: $rounds round(s) of ${tools// /, } with threads ${threads_list// /, }, $epochs epochs" >&2
echo "  $(java -version 2>&1 | head -n 1); $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs" >&2
for r in $(seq 1 "$rounds"); do
  for t in $threads_list; do
    for tool in $tools; do
      echo "  round $r: $tool, $t thread(s)" >&2
      run "$tool" "$t" "$r"
    done
  done
done

# Seconds per epoch (mean of epochs 2.., else epoch 1), test accuracy, peak RSS in MB, per run.
summarize() {
  local tool="$1" t="$2" r="$3" f="$work/$1-$2-$3"
  local secs acc rss
  case "$tool" in
    dendrite)
      secs="$(sed -n 's/^epoch \([0-9]*\)\/[0-9]* .* \([0-9.]*\)s$/\1 \2/p' "$f.log")"
      acc="$(sed -n 's/^test .*accuracy \([0-9.]*\).*/\1/p' "$f.log" | tail -n 1)"
      ;;
    *)
      secs="$(sed -n 's/.*epoch=\([0-9]*\) train_seconds=\([0-9.]*\).*/\1 \2/p' "$f.log")"
      acc="$(sed -n 's/.*test_accuracy=\([0-9.]*\).*/\1/p' "$f.log" | tail -n 1)"
      ;;
  esac
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$f.time")"
  echo "$secs" | awk -v acc="$acc" -v rss="$rss" '
    { n++; if ($1 > 1) { s += $2; m++ } else first = $2 }
    END { printf "%.3f %s %.0f\n", (m ? s / m : first), acc, rss / 1024 }'
}

declare -A best_secs best_acc best_rss
printf '\n| tool | threads | round | s/epoch | test accuracy | peak RSS MB |\n|---|---:|---:|---:|---:|---:|\n'
for t in $threads_list; do
  for tool in $tools; do
    for r in $(seq 1 "$rounds"); do
      read -r secs acc rss < <(summarize "$tool" "$t" "$r")
      printf '| %s | %s | %s | %s | %s | %s |\n' "$tool" "$t" "$r" "$secs" "$acc" "$rss"
      key="$tool/$t"
      # The best round stands for each: the noise of a shared machine only ever slows a run down.
      if [ -z "${best_secs[$key]:-}" ] || awk -v a="$secs" -v b="${best_secs[$key]}" 'BEGIN { exit !(a < b) }'; then
        best_secs[$key]="$secs"
        best_acc[$key]="$acc"
        best_rss[$key]="$rss"
      fi
    done
  done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo
echo "Best round of each (s/epoch); ratios are Dendrite's over the other's (below 1: Dendrite faster)."
for t in $threads_list; do
  line="threads $t:"
  for tool in $tools; do
    line="$line $tool ${best_secs[$tool/$t]} s (acc ${best_acc[$tool/$t]}, ${best_rss[$tool/$t]} MB)"
  done
  echo "$line"
  if [[ " $tools " == *" dendrite "* ]]; then
    for other in torch keras; do
      if [[ " $tools " == *" $other "* ]]; then
        echo "  dendrite / $other seconds per epoch: $(ratio "${best_secs[dendrite/$t]}" "${best_secs[$other/$t]}")"
      fi
    done
  fi
done
set -- $threads_list
if [ $# -ge 2 ]; then
  for tool in $tools; do
    echo "speed-up of $tool from $1 to $2 threads: $(ratio "${best_secs[$tool/$1]}" "${best_secs[$tool/$2]}")x"
  done
fi
