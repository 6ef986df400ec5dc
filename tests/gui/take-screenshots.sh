#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes docs/screenshots again from the running app: every page at 1280x800
# and 400x800, light and dark, each on a fresh demo database under Xvfb,
# and, light only, door mode's outcomes and the greeter view at work
# (door-admitted.png, the README's first picture, door-narrow.png, greeters*.png).
#
#   tests/gui/take-screenshots.sh [BUILDDIR] [OUTDIR]
#
# BUILDDIR (default _build/run) must have built tests/gui/take-*screenshots;
# needs xvfb-run, ImageMagick's import and xdotool; optipng, when installed,
# makes the files smaller without changing a pixel. The cairo renderer draws
# as the GL one does and needs no GPU under Xvfb; LANGUAGE=C keeps the words
# in English.
set -eu

build=${1:-_build/run}
out=${2:-docs/screenshots}

export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory
export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1
export LANGUAGE=C LC_ALL=C.UTF-8 GIO_USE_PROXY_RESOLVER=dummy
mkdir -p "$out"
stamp=$(mktemp)

# GNOME's title bars show only a close button; Xvfb has no settings daemon,
# so GTK would add minimise and maximise beside it and narrow the titles.
config=$(mktemp -d)
mkdir -p "$config/gtk-4.0"
printf '[Settings]\ngtk-decoration-layout=:close\n' >"$config/gtk-4.0/settings.ini"
export XDG_CONFIG_HOME="$config"

for program in take-screenshots take-announcement-screenshots take-hashtag-screenshots; do
  if [ ! -x "$build/tests/gui/$program" ]; then
    echo "$build/tests/gui/$program is not built; skipped" >&2
    continue
  fi
  for size in 1280x800 400x800; do
    for scheme in light dark; do
      suffix=
      [ "$size" = 400x800 ] && suffix=narrow
      [ "$scheme" = dark ] && suffix=${suffix:+$suffix-}dark
      xvfb-run -a -s "-screen 0 ${size}x24" \
        "$build/tests/gui/$program" "$out" "$suffix" "$scheme"
    done
  done
done

# One page in Spanish, from the translations the build compiled.
if [ -x "$build/tests/gui/take-screenshots" ]; then
  LANGUAGE=es LC_ALL=es_ES.UTF-8 MARQUEE_LOCALEDIR="$build/po" xvfb-run -a -s "-screen 0 1280x800x24" \
    "$build/tests/gui/take-screenshots" "$out" es light event
fi

if command -v optipng >/dev/null; then
  find "$out" -name '*.png' -newer "$stamp" -exec optipng -quiet -o2 {} +
fi
rm -f "$stamp"
rm -rf "$config"
