#!/usr/bin/env python3
"""Assemble the unpacked extensions dist/chrome/ and dist/firefox/ and their .zip packages:
the base manifest merged with each browser's overlay, the scripts of extension/src/, and the
wasm package that scripts/build_wasm.py wrote to extension/pkg/."""

import json
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "extension"
DIST = ROOT / "dist"
BROWSERS = ("chrome", "firefox")
PKG_FILES = ("masthead.js", "masthead_bg.wasm")


def merge(base: dict, overlay: dict) -> dict:
    merged = dict(base)
    for key, value in overlay.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        elif isinstance(value, list) and isinstance(merged.get(key), list):
            # An overlay adds to a list (a browser-only permission), keeping the base's order.
            merged[key] = merged[key] + [item for item in value if item not in merged[key]]
        else:
            merged[key] = value
    return merged


def main() -> None:
    pkg = EXTENSION / "pkg"
    missing = [name for name in PKG_FILES if not (pkg / name).exists()]
    if missing:
        sys.exit(f"build_extension: {', '.join(missing)} missing in extension/pkg: run scripts/build_wasm.py first")
    base = json.loads((EXTENSION / "manifest.base.json").read_text())
    for browser in BROWSERS:
        overlay = json.loads((EXTENSION / f"manifest.{browser}.json").read_text())
        target = DIST / browser
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(EXTENSION / "src", target)
        shutil.copytree(EXTENSION / "icons", target / "icons")
        shutil.copytree(EXTENSION / "_locales", target / "_locales")
        if browser != "chrome":
            # Chrome's service worker needs an offscreen document for the clipboard; Firefox's
            # event page writes it itself.
            for name in ("offscreen.html", "offscreen.js"):
                (target / name).unlink()
        (target / "pkg").mkdir()
        for name in PKG_FILES:
            shutil.copy2(pkg / name, target / "pkg" / name)
        (target / "manifest.json").write_text(json.dumps(merge(base, overlay), indent=2) + "\n")
        package = DIST / f"masthead-{browser}.zip"
        with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(target.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(target))
        size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
        print(f"wrote dist/{browser}/ ({size} bytes unpacked) and {package.relative_to(ROOT)} ({package.stat().st_size} bytes)")


def copy_reader_to_www() -> None:
    """www/ shows the same reader view as the extension: the same file."""
    shutil.copy2(EXTENSION / "src" / "reader.js", ROOT / "www" / "reader.js")
    shutil.copy2(EXTENSION / "_locales" / "en" / "messages.json", ROOT / "www" / "messages.json")
    print("wrote www/reader.js and www/messages.json")


if __name__ == "__main__":
    main()
    copy_reader_to_www()
