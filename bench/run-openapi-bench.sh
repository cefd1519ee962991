#!/usr/bin/env bash
# bench/run-openapi-bench.sh: the OpenAPI import against the parse-only
# floor, on GitHub's REST API description (npm package @octokit/openapi,
# fetched into bench/.cache, not committed): api.github.com.json (13 MB) and
# api.github.com.deref.json (73 MB, every $ref expanded).
#
#   bench/run-openapi-bench.sh [BUILD_DIR] [ROUNDS]
#
# For each document, in one run: the median of ROUNDS rounds of
#   parse   g_file_get_contents() + json_parser_load_from_data(): the floor
#   import  what `restcall import DOC --json` does: rc_document_parse() and
#           the RcOpenApi analysis (rc_open_api_new_from_bytes()), then
#           rc_open_api_to_json() serialized to text
# each mode in a fresh process (bench/bench-openapi.c), with the ratio
# import/parse (goal: at most 1.3) and peak RSS (getrusage ru_maxrss). Then,
# as a cross-check, one `restcall import DOC --json` and one parse-only run
# under /usr/bin/time for wall time and peak RSS of single processes.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$top/_build-bench}"
rounds="${2:-5}"
version=23.0.2
cache="$top/bench/.cache/octokit"
docs="$cache/node_modules/@octokit/openapi/generated"

for tool in npm meson ninja /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install npm meson ninja-build time)" >&2; exit 1; }
done

if [ "$(cat "$cache/.version" 2>/dev/null)" != "$version" ]; then
  echo "Fetching @octokit/openapi@$version into $cache …"
  npm install --prefix "$cache" --no-save --no-audit --no-fund "@octokit/openapi@$version" >/dev/null
  echo "$version" > "$cache/.version"
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Dbuildtype=debugoptimized
fi
ninja -C "$build" bench/bench-openapi src/restcall >/dev/null
bench="$build/bench/bench-openapi"

echo "$(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "build: $build ($(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"][0])'))"
echo "\$ $bench compare $rounds $docs/api.github.com.json $docs/api.github.com.deref.json"
"$bench" compare "$rounds" "$docs/api.github.com.json" "$docs/api.github.com.deref.json"

echo
echo "Single runs under /usr/bin/time (seconds, peak RSS):"
for doc in "$docs/api.github.com.json" "$docs/api.github.com.deref.json"; do
  name=$(basename "$doc")
  /usr/bin/time -f "  $name parse-only:           %es %MkB" "$bench" parse "$doc" 1 >/dev/null
  /usr/bin/time -f "  $name restcall import --json: %es %MkB" "$build/src/restcall" import "$doc" --json >/dev/null
done
