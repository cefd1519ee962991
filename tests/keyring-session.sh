#!/bin/sh
# keyring-session.sh PROGRAM [ARG…]: runs a test program against a real,
# throwaway GNOME Keyring: a private session bus (dbus-run-session), HOME
# and XDG folders in a temporary folder, and a login keyring unlocked with a
# password given on standard input. Everything is removed afterwards; the
# program's exit status is returned. Exits 77 (skip) when a tool is missing.
#
# With RC_TEST_OWN_DISPLAY=1 (the GUI tests), the program also gets an X
# server of its own (Xvfb) when Xvfb is installed: GUI tests run side by
# side, and on one shared display their windows would take the keyboard
# focus from each other, closing popovers and moving focus mid-test.
set -u

for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed (build-aux/dev test installs it)"
    exit 77
  fi
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/restcall-keyring-XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT INT TERM
mkdir -p "$dir/home" "$dir/run"
chmod 700 "$dir/run"

if [ "${RC_TEST_OWN_DISPLAY:-}" = 1 ] && command -v Xvfb >/dev/null 2>&1; then
  # -displayfd: the server picks a free display itself and, once it
  # accepts clients, writes its number: read it from a pipe, which blocks
  # until then (or ends empty if Xvfb dies first). The timeout only guards
  # against a hang.
  mkfifo "$dir/display"
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset -r 3>"$dir/display" >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill "$xvfb" 2>/dev/null; rm -rf "$dir"' EXIT INT TERM
  display=$(timeout 60 head -n 1 "$dir/display")
  if [ -z "$display" ]; then
    echo "Bail out! Xvfb did not start"
    exit 1
  fi
  DISPLAY=":$display"
  export DISPLAY
  unset WAYLAND_DISPLAY
fi

# The bus and the keyring get no display: an unlock prompt (gcr-prompter,
# started through the bus) must fail at once rather than wait on a screen
# nobody watches. The test program gets the display back.
HOME="$dir/home" \
XDG_DATA_HOME="$dir/home/.local/share" \
XDG_CONFIG_HOME="$dir/home/.config" \
XDG_CACHE_HOME="$dir/home/.cache" \
XDG_STATE_HOME="$dir/home/.local/state" \
XDG_RUNTIME_DIR="$dir/run" \
RC_KEYRING_SESSION=1 \
RC_SAVED_DISPLAY="${DISPLAY:-}" \
RC_SAVED_WAYLAND_DISPLAY="${WAYLAND_DISPLAY:-}" \
  env -u DISPLAY -u WAYLAND_DISPLAY dbus-run-session -- sh -c '
    # The daemon is not under test: fatal warnings are for the test only.
    printf "%s" "restcall-test-keyring" |
      env -u G_DEBUG -u G_MESSAGES_DEBUG gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
    [ -n "$RC_SAVED_DISPLAY" ] && export DISPLAY="$RC_SAVED_DISPLAY"
    [ -n "$RC_SAVED_WAYLAND_DISPLAY" ] && export WAYLAND_DISPLAY="$RC_SAVED_WAYLAND_DISPLAY"
    exec "$@"
  ' sh "$@"
status=$?
exit $status
