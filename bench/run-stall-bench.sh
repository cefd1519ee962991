#!/usr/bin/env bash
# bench/run-stall-bench.sh: the responsiveness and time limits that the
# tests no longer assert (a test proves behaviour, whatever the load of the
# machine), measured and held against their goals:
#
#   bench-gui-stalls   the GUI's main-loop stalls (the Test tab showing a
#                      20 MB body, the import of 2,000 operations, a secret
#                      stored, with and without a keyring) and how soon
#                      Cancel ends a call
#   bench-timings      how soon deadlines and cancels answer, how long
#                      hostile documents take, a store to a locked keyring
#   bench-body         the body formatter's main-loop stall (and its speed)
#
# Each runs under an X server and a throwaway keyring of its own
# (tests/keyring-session.sh). Prints every figure with its goal, then a
# line per program; exits 1 when a goal was missed. Run it on a quiet
# machine: on a loaded one the figures say how loaded it is.
#
#   bench/run-stall-bench.sh [BUILD_DIR] [ROUNDS]
set -uo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$top/_build}"
rounds="${2:-3}"

[ -f "$build/build.ninja" ] || { echo "No build in $build: run build-aux/dev test first" >&2; exit 2; }
ninja -C "$build" bench/bench-gui-stalls bench/bench-timings bench/bench-body src/restcall data/gschemas.compiled \
  >/dev/null || exit 2

# As the GUI tests run (tests/meson.build), each with a display of its own.
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" GTK_A11Y=test GSK_RENDERER=cairo
export GDK_BACKEND=x11 NO_AT_BRIDGE=1 LC_ALL=C.UTF-8 RC_TEST_OWN_DISPLAY=1 RESTCALL_BIN="$build/src/restcall"
session="$top/tests/keyring-session.sh"
status=0
results=()

run() {
  local name="$1"; shift
  echo "== $name"
  "$@"
  local code=$?
  case $code in
    0) results+=("$name: every goal met") ;;
    1) results+=("$name: a goal MISSED"); status=1 ;;
    *) results+=("$name: did not run (exit status $code)"); status=1 ;;
  esac
  echo
}

run "bench-gui-stalls" "$session" "$build/bench/bench-gui-stalls" "$rounds"
run "bench-gui-stalls --no-keyring" "$session" "$build/bench/bench-gui-stalls" --no-keyring "$rounds"
run "bench-timings" "$session" "$build/bench/bench-timings" "$rounds"
run "bench-body" "$build/bench/bench-body" 20 "$rounds"

printf '%s\n' "${results[@]}"
exit $status
