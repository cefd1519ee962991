#!/usr/bin/env bash
# bench/run-call-bench.sh: `restcall call --repeat N --concurrency C` against
# a local protected API, side by side with curl doing the same N requests
# with one token fetched beforehand. Prints wall times, the ratio, the
# token requests the server counted, and peak RSS of each.
#
#   bench/run-call-bench.sh [BUILD_DIR] [N] [C]
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$top/_build}"
n="${2:-1000}"
c="${3:-8}"
restcall="$build/src/restcall"
server_bin="$build/bench/bench-api-server"
for tool in curl /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install curl time python3)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'exec 3>&- 2>/dev/null || true; rm -rf "$work"' EXIT

# The server lives as long as its stdin (fd 3 here) stays open.
mkfifo "$work/in"
"$server_bin" < "$work/in" > "$work/ready" &
exec 3> "$work/in"
for _ in $(seq 1 50); do [ -s "$work/ready" ] && break; sleep 0.1; done
base=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["base_url"])' "$work/ready")

stats() { curl -s "$base/_stats"; }
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
now() { date +%s.%N; }

# curl: one token, then N requests, C at a time, on reused connections.
export BENCH_SECRET=bench-secret
start=$(now)
token=$(curl -s -u bench:bench-secret -d grant_type=client_credentials "$base/token" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
/usr/bin/time -f '%M' -o "$work/curl.rss" \
  curl -s -o /dev/null --parallel --parallel-max "$c" -H "Authorization: Bearer $token" \
  "$base/pets/[1-$n]" 2>/dev/null
curl_time=$(python3 -c "print($(now) - $start)")
before=$(stats)

# restcall: the token cache fetches the token once for all N calls.
start=$(now)
/usr/bin/time -f '%M' -o "$work/restcall.rss" \
  "$restcall" call --auth oauth2-cc --client-id bench --client-secret-env BENCH_SECRET \
  --token-url "$base/token" --repeat "$n" --concurrency "$c" --json "$base/pets/1" > "$work/report.json"
restcall_time=$(python3 -c "print($(now) - $start)")
after=$(stats)

python3 - "$work/report.json" "$before" "$after" "$curl_time" "$restcall_time" \
  "$(cat "$work/curl.rss")" "$(cat "$work/restcall.rss")" "$n" "$c" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
before, after = json.loads(sys.argv[2]), json.loads(sys.argv[3])
curl_t, rc_t = float(sys.argv[4]), float(sys.argv[5])
curl_rss, rc_rss = int(sys.argv[6]), int(sys.argv[7])
n, c = sys.argv[8], sys.argv[9]
print(f"{n} GET requests, concurrency {c}, against a local protected API")
print(f"  curl (1 token fetched first)  {curl_t:7.3f} s   peak RSS {curl_rss/1024:6.1f} MiB")
print(f"  restcall call                 {rc_t:7.3f} s   peak RSS {rc_rss/1024:6.1f} MiB")
print(f"  ratio restcall/curl           {rc_t/curl_t:7.2f}x")
print(f"  token requests seen by the server during restcall: {after['token_requests'] - before['token_requests']}")
print(f"  API requests refused: {after['refused'] - before['refused']}; restcall successes: {report.get('successes')}/{report.get('calls')}")
PY
