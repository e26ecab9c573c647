#!/usr/bin/env node
// Build the wasm package as wasm-pack.toml says: cargo, the pinned wasm-bindgen, wasm-opt, then
// copy to every output folder and hold the code section under the budget.
//   node scripts/build-wasm.mjs            build
//   node scripts/build-wasm.mjs --version  print the pinned wasm-bindgen version (for ./x)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse as parseToml } from 'smol-toml';
import { ROOT } from './paths.mjs';

const settings = parseToml(fs.readFileSync(path.join(ROOT, 'wasm-pack.toml'), 'utf8'));
const bindgen = settings['wasm-bindgen'];

function fail(message) {
  console.error(`build-wasm: ${message}`);
  process.exit(1);
}

function run(command, args, env = process.env) {
  console.log(`+ ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { cwd: ROOT, env, stdio: 'inherit' });
}

/** Bytes per section id of a wasm module (10 is code, 11 is data). */
function sectionSizes(module) {
  const leb = (at) => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = module[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return [value, at];
    }
  };
  const sizes = {};
  let at = 8; // magic and version
  while (at < module.length) {
    const section = module[at];
    const [size, next] = leb(at + 1);
    sizes[section] = (sizes[section] ?? 0) + size;
    at = next + size;
  }
  return sizes;
}

function main() {
  const version = bindgen.version;
  // The CLI, the crate pin and the lockfile must agree, or the glue will not match the wasm.
  const cargoToml = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8');
  if (cargoToml.match(/wasm-bindgen = "=([^"]+)"/)?.[1] !== version) fail(`Cargo.toml must pin wasm-bindgen = "=${version}" (wasm-pack.toml)`);
  const lock = fs.readFileSync(path.join(ROOT, 'Cargo.lock'), 'utf8');
  if (!lock.includes(`name = "wasm-bindgen"\nversion = "${version}"`)) fail(`Cargo.lock does not hold wasm-bindgen ${version}`);
  let cli = '';
  try {
    cli = execFileSync('wasm-bindgen', ['--version']).toString().trim().split(/\s+/).pop();
  } catch {
    // Not installed: said below.
  }
  if (cli !== version) fail(`wasm-bindgen CLI ${version} is needed (cargo install wasm-bindgen-cli --version ${version})`);

  // Panic locations name source files; dependencies' full paths under this machine's cargo home
  // would make the package's bytes (and size) depend on where it was built.
  const cargoHome = process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo');
  // SIMD128 (Chrome 91, Firefox 89; the manifests ask for later): memchr's and the compiler's
  // vector loops. Measured as the Cargo.toml comment on [profile.wasm] says: 0.95 of the time
  // without it, for 2.5 KB less code.
  const rustflags = [`--remap-path-prefix=${path.join(cargoHome, 'registry/src')}=/deps`, '-C', 'target-feature=+simd128'];
  const env = { ...process.env, RUSTFLAGS: rustflags.join(' ') };
  run('cargo', ['build', '--lib', '--profile', 'wasm', '--target', 'wasm32-unknown-unknown'], env);
  const raw = path.join(ROOT, 'target/wasm32-unknown-unknown/wasm/masthead.wasm');
  const staging = path.join(ROOT, 'target/wasm-pkg');
  fs.rmSync(staging, { recursive: true, force: true });
  run('wasm-bindgen', [raw, '--out-dir', staging, '--target', bindgen.target, '--out-name', bindgen['out-name']]);

  const wasm = path.join(staging, `${bindgen['out-name']}_bg.wasm`);
  const wasmOpt = path.join(ROOT, 'node_modules/.bin/wasm-opt');
  if (!fs.existsSync(wasmOpt)) fail('wasm-opt not found: run `npm ci` (package.json pins binaryen)');
  const before = fs.statSync(wasm).size;
  run(wasmOpt, [...settings['wasm-opt'].flags, wasm, '-o', wasm]);
  const bytes = fs.readFileSync(wasm);
  const gzipped = zlib.gzipSync(bytes, { level: 9 }).length;
  const budget = settings.budget['max-wasm-code-bytes'];
  const sections = sectionSizes(bytes);
  const [code, data] = [sections[10] ?? 0, sections[11] ?? 0];
  // The raw module is what a cold click compiles; the gzipped size (a download paid once per
  // install or update) is printed, not gated.
  console.log(`wasm size: ${before} bytes after wasm-bindgen, ${bytes.length} after wasm-opt: ${code} of code `
    + `(budget ${budget}), ${data} of data (the outlet tables among them), ${gzipped} gzipped`);
  if (code > budget) fail(`the wasm has ${code} bytes of code, over the budget of ${budget} in wasm-pack.toml`);

  for (const folder of settings.output.folders) {
    const target = path.join(ROOT, folder);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(staging, target, { recursive: true });
    console.log(`wrote ${folder}/`);
  }
}

if (process.argv[2] === '--version') console.log(bindgen.version);
else main();
