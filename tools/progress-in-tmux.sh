#!/usr/bin/env bash
# Trains examples/mnist.yaml in tmux windows 50 and 120 columns wide and prints what the screen
# showed (tmux capture-pane): mid-epoch, while the progress line is redrawn in place, and at the
# end. At 50 columns the run is stopped with Ctrl-C mid-epoch, to show the "interrupted" line.
#
#   tools/progress-in-tmux.sh            (needs tmux: apt-get install -y tmux)
#
# The screens are printed between "---- <width> columns, <moment> ----" lines; nothing is kept.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v tmux >/dev/null; then
  echo "progress-in-tmux: tmux is not installed (apt-get install -y tmux)" >&2
  exit 2
fi
work="$(mktemp -d)"
sessions=()
cleanup() {
  for s in "${sessions[@]}"; do tmux kill-session -t "$s" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Small batches make epochs long enough to catch one in the middle.
run_args="examples/mnist.yaml training.epochs=3 training.batch_size=16"

screen() { # session width moment
  echo "---- $2 columns, $3 ----"
  tmux capture-pane -p -t "$1" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

wait_for() { # session pattern seconds
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    if tmux capture-pane -p -t "$1" | grep -Eq -- "$2"; then return 0; fi
    sleep 0.2
  done
  echo "progress-in-tmux: '$2' did not show in $3 s" >&2
  return 1
}

for width in 50 120; do
  session="dendrite-progress-$$-$width"
  sessions+=("$session")
  tmux new-session -d -s "$session" -x "$width" -y 14 \
    "cd '$home' && ./dendrite run $run_args --out '$work/run-$width'; echo \"[exit \$?]\"; sleep 300"
  # The progress line of the second epoch, with its rate and time left: mid-epoch.
  wait_for "$session" '^epoch 2/3 .*ex/s' 180
  screen "$session" "$width" "mid-epoch"
  if [ "$width" = 50 ]; then
    tmux send-keys -t "$session" C-c
    wait_for "$session" '^\[exit ' 60
    screen "$session" "$width" "after Ctrl-C"
  else
    wait_for "$session" '^\[exit ' 300
    screen "$session" "$width" "at the end"
  fi
done
