#!/usr/bin/env python3
"""Build the wasm package as wasm-pack.toml says: cargo, the pinned wasm-bindgen, wasm-opt,
then copy to every output folder and hold the raw (compiled) size under the budget."""

import gzip
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fail(message: str) -> None:
    print(f"build_wasm: {message}", file=sys.stderr)
    sys.exit(1)


def run(*args: str, env: dict[str, str] | None = None) -> None:
    print("+ " + " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=ROOT, env=env)


def section_sizes(module: bytes) -> dict[int, int]:
    """Bytes per section id of a wasm module (10 is code, 11 is data)."""
    def leb(at: int) -> tuple[int, int]:
        value = shift = 0
        while True:
            byte = module[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, at
    sizes: dict[int, int] = {}
    at = 8  # magic and version
    while at < len(module):
        section = module[at]
        size, at = leb(at + 1)
        sizes[section] = sizes.get(section, 0) + size
        at += size
    return sizes


def main() -> None:
    settings = tomllib.loads((ROOT / "wasm-pack.toml").read_text())
    bindgen = settings["wasm-bindgen"]
    version = bindgen["version"]

    # The CLI, the crate pin and the lockfile must agree, or the glue will not match the wasm.
    cargo_toml = (ROOT / "Cargo.toml").read_text()
    pinned = re.search(r'wasm-bindgen = "=([^"]+)"', cargo_toml)
    if not pinned or pinned.group(1) != version:
        fail(f"Cargo.toml must pin wasm-bindgen = \"={version}\" (wasm-pack.toml)")
    lock = (ROOT / "Cargo.lock").read_text()
    if f'name = "wasm-bindgen"\nversion = "{version}"' not in lock:
        fail(f"Cargo.lock does not hold wasm-bindgen {version}")
    cli = subprocess.run(["wasm-bindgen", "--version"], capture_output=True, text=True)
    if cli.returncode != 0 or cli.stdout.split()[-1] != version:
        fail(f"wasm-bindgen CLI {version} is needed (cargo install wasm-bindgen-cli --version {version})")

    # Panic locations name source files; dependencies' full paths under this machine's cargo
    # home would make the package's bytes (and size) depend on where it was built.
    cargo_home = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))
    env = dict(os.environ)
    env["RUSTFLAGS"] = f"--remap-path-prefix={cargo_home / 'registry/src'}=/deps"
    run("cargo", "build", "--lib", "--profile", "wasm", "--target", "wasm32-unknown-unknown", env=env)
    raw = ROOT / "target/wasm32-unknown-unknown/wasm/masthead.wasm"
    staging = ROOT / "target/wasm-pkg"
    shutil.rmtree(staging, ignore_errors=True)
    run("wasm-bindgen", str(raw), "--out-dir", str(staging), "--target", bindgen["target"],
        "--out-name", bindgen["out-name"])

    wasm = staging / f"{bindgen['out-name']}_bg.wasm"
    wasm_opt = ROOT / "node_modules/.bin/wasm-opt"
    if not wasm_opt.exists():
        fail("wasm-opt not found: run `npm install` (package.json pins binaryen)")
    before = wasm.stat().st_size
    run(str(wasm_opt), *settings["wasm-opt"]["flags"], str(wasm), "-o", str(wasm))
    after = wasm.stat().st_size
    gzipped = len(gzip.compress(wasm.read_bytes(), 9))
    budget = settings["budget"]["max-wasm-code-bytes"]
    sections = section_sizes(wasm.read_bytes())
    code, data = sections.get(10, 0), sections.get(11, 0)
    # The raw module is what a cold click compiles; the gzipped size (a download paid once per
    # install or update) is printed, not gated.
    print(f"wasm size: {before} bytes after wasm-bindgen, {after} after wasm-opt: {code} of code "
          f"(budget {budget}), {data} of data (the outlet tables among them), {gzipped} gzipped")
    if code > budget:
        fail(f"the wasm has {code} bytes of code, over the budget of {budget} in wasm-pack.toml")

    for folder in settings["output"]["folders"]:
        target = ROOT / folder
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(staging, target)
        print(f"wrote {folder}/")


if __name__ == "__main__":
    main()
