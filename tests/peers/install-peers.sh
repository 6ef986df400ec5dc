#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the parsers the interop tests check Marquee's exports with, none
# of them written here: ical.js (iCalendar) and the csv-spectrum corpus,
# from the npm registry into ~/.cache/marquee-test-peers. Python's
# icalendar, vobject and csv come from Debian (see DEB_PACKAGES in the
# Makefile). Idempotent: a second run with the same versions does nothing.
set -eu

dir="${MARQUEE_PEERS_DIR:-$HOME/.cache/marquee-test-peers}"
want="ical.js@2.2.1 csv-spectrum@2.0.0"
stamp="$dir/.installed"

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

# Debian's nodejs comes without npm; other Node.js builds bring their own
# (and conflict with Debian's npm package), so it is only added when absent.
if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm
fi

mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || printf '{ "name": "marquee-test-peers", "private": true }\n' > package.json
# shellcheck disable=SC2086 # the list is word-split on purpose
npm install --no-audit --no-fund --save-exact $want
echo "$want" > "$stamp"
