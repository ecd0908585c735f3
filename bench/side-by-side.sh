#!/usr/bin/env bash
# Dendrite and PyTorch training the same MLP on Fashion-MNIST, one after the other, so that both
# are measured on the same machine in one run. Prints each tool's own per-epoch lines.
#
#   bench/side-by-side.sh [EPOCHS] [THREADS]          (defaults: 3 epochs, 1 thread)
#
# Needs the data in ../shared/data/fashion-mnist (see bench/fashion-mnist.yaml) and, for the
# PyTorch half, `apt-get install -y python3-torch`.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
epochs="${1:-3}"
threads="${2:-1}"
data="$home/../shared/data/fashion-mnist"

echo "== dendrite ($(java -version 2>&1 | head -n 1)), threads=$threads"
out="$(mktemp -d)"
"$home/dendrite" run "$home/bench/fashion-mnist.yaml" --out "$out/run" \
  "training.epochs=$epochs" "training.threads=$threads" | grep -E '^(epoch|test)'
rm -rf "$out"

if [ -n "${JAVA25_HOME:-}" ]; then
  echo "== dendrite on $("$JAVA25_HOME/bin/java" -version 2>&1 | head -n 1), threads=$threads"
  out="$(mktemp -d)"
  JAVA_HOME="$JAVA25_HOME" "$home/dendrite" run "$home/bench/fashion-mnist.yaml" --out "$out/run" \
    "training.epochs=$epochs" "training.threads=$threads" | grep -E '^(epoch|test)'
  rm -rf "$out"
fi

echo "== pytorch, threads=$threads"
/usr/bin/python3 "$home/../shared/bench/torch_mlp.py" "$data" --threads "$threads" --epochs "$epochs"
