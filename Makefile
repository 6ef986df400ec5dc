# SPDX-License-Identifier: GPL-3.0-or-later
# Marquee: the two commands. `make run` builds and starts the app; `make check`
# builds with AddressSanitizer + UBSan and runs every test.

# Debian packages the build, the tests and the screenshots need.
DEB_PACKAGES = meson ninja-build pkg-config gcc gettext \
	libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev \
	libsoup-3.0-dev libjson-glib-dev libsqlite3-dev libsecret-1-dev \
	libqrencode-dev libcairo2-dev libpango1.0-dev zbar-tools poppler-utils \
	desktop-file-utils appstream xvfb xauth dbus gnome-keyring \
	python3 sqlite3 python3-icalendar python3-vobject nodejs xdotool \
	clang libclang-rt-14-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RUN_DIR := _build/run
CHECK_DIR := _build/check
BENCH_DIR := _build/bench

.PHONY: run check bench deps peers clean

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(RUN_DIR)/build.ninja: | deps
	meson setup $(RUN_DIR) -Dbuildtype=debug

run: deps $(RUN_DIR)/build.ninja
	meson compile -C $(RUN_DIR)
	GSETTINGS_SCHEMA_DIR=$(RUN_DIR)/data $(RUN_DIR)/src/gui/marquee $(ARGS)

$(CHECK_DIR)/build.ninja: | deps
	meson setup $(CHECK_DIR) -Dbuildtype=debug -Dwerror=true \
	  -Db_sanitize=address,undefined -Db_lundef=false

# What the interop tests check against, from npm: the parsers that read our
# exports, and the reference Bluesky PDS on Node 22 (a few minutes the first
# time, then skipped while the lock files are unchanged).
peers: deps
	sh tests/peers/install-peers.sh

check: deps peers $(CHECK_DIR)/build.ninja
	meson compile -C $(CHECK_DIR)
	@status=0; \
	MARQUEE_REQUIRE_PEERS=1 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
	  meson test -C $(CHECK_DIR) --no-rebuild --print-errorlogs --num-processes 2 || status=$$?; \
	/usr/bin/python3 tests/summarize-testlog.py $(CHECK_DIR)/meson-logs/testlog.json; \
	exit $$status

$(BENCH_DIR)/build.ninja: | deps
	meson setup $(BENCH_DIR) -Dbuildtype=release

bench: deps $(BENCH_DIR)/build.ninja
	meson compile -C $(BENCH_DIR)
	xvfb-run -a -s "-screen 0 1280x800x24" meson test -C $(BENCH_DIR) --benchmark --verbose

clean:
	rm -rf _build
