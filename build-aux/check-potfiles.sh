#!/bin/sh
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
set -eu
top="${1:-$(dirname "$0")/..}"
cd "$top"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( {
  grep -rlE '(^|[^A-Za-z0-9_])N?_\(|C_\(|g_dngettext|ngettext' --include='*.c' src || true
  grep -rl 'translatable="yes"' --include='*.ui' src || true
  ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml data/*.mime.xml.in 2>/dev/null || true
} | sort -u)

status=0
for f in $found; do
  echo "$listed" | grep -qx "$f" || { echo "not in po/POTFILES.in: $f"; status=1; }
done
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in names a missing file: $f"; status=1; }
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(echo "$found" | wc -l) files with translatable strings"
exit $status
