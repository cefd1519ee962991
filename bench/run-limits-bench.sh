#!/usr/bin/env bash
# bench/run-limits-bench.sh: what hostile servers and documents cost restcall,
# in peak memory and time (issue 11, "Bounded memory and time"): bodies of
# 1 GiB, endless and gzip bombs, a 1 GiB token response, a document
# download dripping a byte a second, $refs into /dev/zero and /dev/stdin,
# and a 175 KB document with a chain of 5,000 $refs used by 1,000 paths.
# Each run is guarded by `timeout` and a 3 GiB address-space limit, so a
# build without the limits ends too; the table says how it ended.
#
#   bench/run-limits-bench.sh [BUILD_DIR] [RESTCALL]
#
# RESTCALL defaults to BUILD_DIR/src/restcall; give another build's binary
# to compare (the server is always BUILD_DIR's).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$top/_build}"
restcall="${2:-$build/src/restcall}"
server_bin="$build/bench/bench-api-server"
for tool in /usr/bin/time python3 timeout awk; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install time python3 coreutils gawk)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null || true; rm -rf "$work"' EXIT

# The server lives as long as its stdin (fd 3 here) stays open.
mkfifo "$work/in"
"$server_bin" < "$work/in" > "$work/ready" &
exec 3> "$work/in"
for _ in $(seq 1 50); do [ -s "$work/ready" ] && break; sleep 0.1; done
base=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["base_url"])' "$work/ready")

# The documents.
mkdir "$work/doc"
for target in /dev/zero /dev/stdin; do
  cat > "$work/doc/$(basename "$target").yaml" <<EOF
openapi: 3.0.0
info: {title: Refs, version: '1'}
paths:
  /x:
    get:
      parameters: [{\$ref: '$target#/P'}]
      responses: {}
EOF
done
python3 - "$work/doc/chain.json" <<'PY'
import json, sys
doc = {"openapi": "3.0.3", "info": {"title": "Chain", "version": "1"}}
for i in range(5000):
    doc[f"x-{i}"] = {"$ref": f"#/x-{i + 1}"}
doc["x-5000"] = {"get": {"responses": {}}}
doc["paths"] = {f"/p{i}": {"$ref": "#/x-0"} for i in range(1000)}
json.dump(doc, open(sys.argv[1], "w"), separators=(",", ":"))
PY

# Newer builds bound the whole download with --timeout; older ones have no
# such option and run until `timeout` kills them.
import_timeout=()
if "$restcall" import --help 2>/dev/null | grep -q -- '--timeout'; then
  import_timeout=(--timeout 5)
fi

export BENCH_SECRET=bench-secret
printf '%-34s %-8s %8s %8s %9s  %s\n' "case" "exit" "wall s" "cpu s" "peak MiB" "what restcall said"
run() {
  local name="$1" limit="$2"
  shift 2
  local status=0
  ( ulimit -v $((3 * 1024 * 1024))
    exec /usr/bin/time -f '%e %U %S %M' -o "$work/time" timeout -s KILL "$limit" "$@" \
      > /dev/null 2> "$work/err" ) || status=$?
  local said
  said=$(grep -v '^Command' "$work/err" | tail -n 1 | cut -c 1-110 || true)
  [ "$status" = 137 ] && said="(killed after ${limit} s) $said"
  read -r wall user sys rss < <(grep -E '^[0-9.]+ ' "$work/time" | tail -n 1)
  printf '%-34s %-8s %8s %8.2f %9d  %s\n' "$name" "$status" "$wall" "$(awk "BEGIN { print $user + $sys }")" \
    "$((rss / 1024))" "$said"
}

run "call: 1 GiB body"                120 "$restcall" call --timeout 60 "$base/huge"
run "call: endless chunked, --timeout 20" 60 "$restcall" call --timeout 20 "$base/endless"
run "call: gzip bomb (2 GiB decoded)" 120 "$restcall" call --timeout 60 "$base/gzip-bomb"
run "token: 1 GiB response, --timeout 20" 120 "$restcall" call --timeout 20 --client-id bench \
  --client-secret-env BENCH_SECRET --token-url "$base/token-huge" "$base/pets/1"
run "import: drip, 1 byte/s"          30 "$restcall" import "${import_timeout[@]}" "$base/drip"
run "import: \$ref /dev/zero"         60 "$restcall" import "$work/doc/zero.yaml"
# Standard input: a pipe whose writer (this script) never writes.
mkfifo "$work/never"
exec 4<> "$work/never"
run "import: \$ref /dev/stdin"        10 "$restcall" import "$work/doc/stdin.yaml" <&4
run "import: chain 5,000 x 1,000"     300 "$restcall" import --json "$work/doc/chain.json"
