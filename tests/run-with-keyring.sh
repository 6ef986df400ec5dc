#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command against a gnome-keyring-daemon of its own: a private D-Bus
# session, keyrings and runtime folder in a temporary folder, the login
# keyring unlocked with a test password. The daemon ends with its session
# bus; the folder is removed afterwards. The user's own keyring is never
# touched. MARQUEE_TEST_KEYRINGS names the folder the keyring files are in.
set -u

dir=$(mktemp -d "${TMPDIR:-/tmp}/marquee-keyring.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT INT TERM
mkdir -m 700 "$dir/run" "$dir/data"

XDG_RUNTIME_DIR="$dir/run" XDG_DATA_HOME="$dir/data" \
MARQUEE_TEST_KEYRINGS="$dir/data/keyrings" \
  dbus-run-session -- sh -c '
    printf %s marquee-test-password |
      gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
    exec "$@"' sh "$@"
status=$?
exit $status
