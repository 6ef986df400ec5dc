#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the Flatpak manifest parses and agrees with the meson build.

usage: check-manifest.py MANIFEST APP_ID COMMAND DESKTOP_FILE
"""

import configparser
import json
import sys

# What the app uses: the network (announcements), a display and the GPU.
# Files go through the portal, so no --filesystem at all.
ALLOWED_FINISH_ARGS = {
    "--share=network",
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}
MIN_GNOME_RUNTIME = 47


def fail(message):
    print(f"not ok: {message}")
    sys.exit(1)


def main():
    manifest_path, app_id, command, desktop_path = sys.argv[1:5]

    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)

    if manifest.get("id", manifest.get("app-id")) != app_id:
        fail(f"manifest id {manifest.get('id')!r} is not meson's app id {app_id!r}")
    if manifest.get("command") != command:
        fail(f"manifest command {manifest.get('command')!r} is not the executable {command!r}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        fail("the app builds on the GNOME runtime and SDK")
    try:
        version = int(manifest.get("runtime-version", ""))
    except ValueError:
        fail(f"runtime-version {manifest.get('runtime-version')!r} is not a stable GNOME release")
    if version < MIN_GNOME_RUNTIME:
        fail(f"GNOME runtime {version} is older than {MIN_GNOME_RUNTIME}")

    extra = set(manifest.get("finish-args", [])) - ALLOWED_FINISH_ARGS
    if extra:
        fail(f"finish-args grant more than the app uses: {sorted(extra)}")

    modules = manifest.get("modules", [])
    names = [m.get("name") if isinstance(m, dict) else m for m in modules]
    if not names or names[-1] != "marquee":
        fail("the last module builds marquee itself")
    if modules[-1].get("buildsystem") != "meson":
        fail("marquee builds with meson")
    if "libqrencode" not in names:
        fail("libqrencode is not in the GNOME runtime and must be built")
    for module in modules:
        for source in module.get("sources", []):
            if source.get("type") in ("archive", "file") and "sha256" not in source:
                fail(f"{module.get('name')}: downloaded sources need a sha256")

    desktop = configparser.ConfigParser(interpolation=None)
    if not desktop.read(desktop_path, encoding="utf-8") or "Desktop Entry" not in desktop:
        fail(f"{desktop_path} is missing or has no [Desktop Entry]: build it first")
    entry = desktop["Desktop Entry"]
    if entry.get("Exec", "").split()[0] != command:
        fail(f"the desktop file runs {entry.get('Exec')!r}, not {command!r}")
    if entry.get("Icon") != app_id:
        fail(f"the desktop file's icon {entry.get('Icon')!r} is not the app id")

    print("ok: manifest matches the build")


if __name__ == "__main__":
    main()
