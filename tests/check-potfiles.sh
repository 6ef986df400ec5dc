#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
set -eu
top=${1:-$(dirname "$0")/..}
cd "$top"
status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | sort)

for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done

for f in $(grep -rlE '(^|[^A-Za-z_])(_|N_|C_|NC_)\(' --include='*.c' src | sort) \
         $(grep -rl 'translatable="yes"' --include='*.ui' src | sort); do
  echo "$listed" | grep -qx "$f" || { echo "$f has translatable strings but is not in po/POTFILES.in"; status=1; }
done

exit $status
