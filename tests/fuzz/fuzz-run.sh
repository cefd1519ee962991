#!/usr/bin/env bash
# tests/fuzz/fuzz-run.sh: runs one libFuzzer target over its seeds.
#
#   fuzz-run.sh BINARY NAME WORKDIR [LIBFUZZER_OPTION…]
#
# WORKDIR gets seeds/ (made afresh each time from the repository's fixtures
# and tests/fuzz/seeds/NAME), corpus/ (what libFuzzer finds, kept between
# runs unless FUZZ_FRESH=1) and artifacts/ (crash-*, leak-*, timeout-*,
# oom-*: each input that failed). The dictionary is tests/fuzz/restcall.dict.
# The options go to libFuzzer (-runs=N, -max_total_time=S, -seed=N…); the
# exit status is libFuzzer's: 0 when nothing was found.
set -euo pipefail

[ $# -ge 3 ] || { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2; }
binary="$1" name="$2" work="$3"
shift 3
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$top/tests/data"

if [ "${FUZZ_FRESH:-0}" = 1 ]; then
  rm -rf "$work/corpus" "$work/artifacts"
fi
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"

# Copies FILE into the seeds, with PREFIX (settings lines) before it.
seed() {
  local prefix="$1" file="$2"
  { printf '%b' "$prefix"; cat "$file"; } > "$work/seeds/fixture-$(basename "$file")"
}

if [ -d "$top/tests/fuzz/seeds/$name" ]; then
  cp "$top/tests/fuzz/seeds/$name"/* "$work/seeds/"
fi
# The fixtures the suite reads, as they are, or behind the lines of
# settings that the target reads first (see the target's header).
case "$name" in
  project-file)
    for f in "$data"/*.restcall; do seed '' "$f"; done
    ;;
  openapi)
    while IFS= read -r f; do seed '' "$f"; done < <(find "$data/openapi" -name '*.json' -o -name '*.yaml')
    ;;
  body)
    for f in "$data"/openapi/*.json; do seed 'application/json\n' "$f"; done
    for f in "$data"/openapi/*.yaml; do seed 'application/yaml; charset=utf-8\n' "$f"; done
    seed 'application/octet-stream\n' "$data/tls/cert.pem"
    ;;
esac

# Errors abort, with a stack, and the same allocator GLib uses everywhere.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}"
export G_SLICE=always-malloc
export LC_ALL=C.UTF-8

# An input that takes 30 s is a finding (a hang), not a slow machine.
# libFuzzer exits 77 by default when it finds something, which meson
# reads as "skipped": every finding exits 1, a failure.
exec "$binary" -dict="$top/tests/fuzz/restcall.dict" -artifact_prefix="$work/artifacts/" \
  -print_final_stats=1 -timeout=30 -error_exitcode=1 -timeout_exitcode=1 "$@" "$work/corpus" "$work/seeds"
