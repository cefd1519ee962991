#!/bin/sh
# check-man.sh: renders doc/restcall.1 as man does and fails on any warning;
# and checks that it lists every exit status `restcall --help` lists, with
# the same failure code. Skips (exit 77) when groff is missing.
#
# Usage: check-man.sh MAN_PAGE RESTCALL_BINARY
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

page=$1
restcall=$2

if ! command -v groff >/dev/null 2>&1; then
  echo "SKIP: groff is not installed (build-aux/dev test installs groff-base), so $page was not rendered"
  exit 77
fi

# groff exits 0 on warnings: any output on stderr fails.
warnings=$(groff -man -ww -z "$page" 2>&1 >/dev/null)
if [ -n "$warnings" ]; then
  echo "groff -man -ww warns about $page:"
  echo "$warnings"
  exit 1
fi

# Each “  N  code  meaning” line of the help, as “.BR N " (code)"” in the page.
status=0
statuses=$(LC_ALL=C.UTF-8 "$restcall" --help | sed -n 's/^ *\([0-9][0-9]*\)  \([a-z0-9-]*\)  .*/\1 \2/p')
if [ -z "$statuses" ]; then
  echo "restcall --help lists no exit statuses"
  exit 1
fi
echo "$statuses" | while read -r number code; do
  # A hyphen in a page is written \-.
  escaped=$(echo "$code" | sed 's/-/\\-/g')
  if ! grep -qxF ".BR $number \" ($escaped)\"" "$page"; then
    echo "$page does not document exit status $number ($code)"
    exit 1
  fi
done || status=1

[ $status -eq 0 ] && echo "$page renders without warnings and documents $(echo "$statuses" | wc -l) exit statuses"
exit $status
