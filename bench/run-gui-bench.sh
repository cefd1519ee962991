#!/usr/bin/env bash
# bench/run-gui-bench.sh: the window under big documents, big projects and
# big responses (issue 15), measured on the real `restcall` driven with real
# input, each scenario ROUNDS times in fresh processes (medians):
#
#   start-up to the first frame, against a minimal libadwaita window
#   GitHub's 13 MB description imported, then Add: the longest stall
#   the 73 MB dereferenced one imported: the longest stall, and peak RSS
#     against json-glib's parse-only floor (bench-openapi parse)
#   a project of its 1,223 methods opened from the command line: the
#     longest stall
#   a 20 MB JSON response on the first Test: how soon the shown text is in
#     the view, the longest stall, peak RSS; on Test pressed again: the
#     longest stall, peak RSS, and the RSS held afterwards
#
# bench/gui-bench.py drives the app as tests/e2e does (tests/e2e/harness.py),
# with bench/stall-probe.c preloaded; the whole run gets an X server, a
# session bus and a throwaway keyring of its own (tests/keyring-session.sh).
# The documents come from npm (@octokit/openapi, fetched into bench/.cache
# as bench/run-openapi-bench.sh does). Prints every figure beside its goal
# and floor; exits 1 when a goal was missed, 2 when something did not run.
# Run it on a quiet machine: on a loaded one the figures say how loaded it
# is. RC_GUI_BENCH_ONLY=startup,add,deref,open,response runs some only;
# RC_GUI_BENCH_PERF=PREFIX samples each process with `perf record` into
# PREFIX-NAME-ID and prints its longest stalls as `perf report --time` ranges.
#
#   bench/run-gui-bench.sh [BUILD_DIR] [ROUNDS]
set -uo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$top/_build}"
rounds="${2:-3}"
version=23.0.2
cache="$top/bench/.cache/octokit"
docs="$cache/node_modules/@octokit/openapi/generated"

for tool in npm ninja python3 xdotool xwininfo Xvfb; do
  command -v "$tool" >/dev/null || { echo "needs $tool (build-aux/dev test installs the test tools)" >&2; exit 2; }
done
[ -f "$build/build.ninja" ] || { echo "No build in $build: run build-aux/dev test first" >&2; exit 2; }
ninja -C "$build" src/restcall data/gschemas.compiled bench/libstall-probe.so \
  bench/bench-minimal-window bench/bench-api-server bench/bench-openapi >/dev/null || exit 2

if [ "$(cat "$cache/.version" 2>/dev/null)" != "$version" ]; then
  echo "Fetching @octokit/openapi@$version into $cache …"
  npm install --prefix "$cache" --no-save --no-audit --no-fund "@octokit/openapi@$version" >/dev/null || exit 2
  echo "$version" > "$cache/.version"
fi

echo "$(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $build ($(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"][0])'))"
echo "\$ $0 $build $rounds"

# As the end-to-end tests run (tests/meson.build).
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" NO_AT_BRIDGE=1 LC_ALL=C.UTF-8
export RC_TEST_OWN_DISPLAY=1 RESTCALL_BIN="$build/src/restcall" PYTHONDONTWRITEBYTECODE=1
unset G_DEBUG GTK_A11Y
exec "$top/tests/keyring-session.sh" /usr/bin/python3 "$top/bench/gui-bench.py" "$build" "$rounds" "$docs"
