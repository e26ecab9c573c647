#!/usr/bin/env node
// Draw the toolbar icons (extension/icons/*.png) with no image library: a dark page with a
// masthead bar and lines of text; the tier variants add a coloured dot, shown by Chrome's
// declarativeContent before any click on a labeled outlet. Run again after changing a colour.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from './paths.mjs';

const OUT = path.join(ROOT, 'extension', 'icons');
const SIZES = [16, 32, 48, 128];
const TIERS = { controlled: [179, 38, 30], captured: [180, 83, 9], independent: [95, 99, 104] };
const [PAGE, INK, TEXT] = [[29, 29, 31], [255, 255, 255], [170, 170, 170]];

function insideRounded(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x0 <= x && x <= x1 && y0 <= y && y <= y1;
}

/** The colour at (u, v) in the unit square, or null for transparent. */
function colourAt(u, v, dot) {
  if (dot && (u - 0.78) ** 2 + (v - 0.78) ** 2 <= 0.22 ** 2) {
    const ring = (u - 0.78) ** 2 + (v - 0.78) ** 2 > 0.17 ** 2;
    return ring ? INK : dot;
  }
  if (!insideRounded(u, v, 0.04, 0.04, 0.96, 0.96, 0.16)) return null;
  if (u >= 0.18 && u <= 0.82 && v >= 0.18 && v <= 0.34) return INK; // the masthead
  for (const top of [0.45, 0.58, 0.71]) {
    if (u >= 0.18 && u <= (top < 0.7 ? 0.82 : 0.6) && v >= top && v <= top + 0.06) return TEXT;
  }
  return PAGE;
}

function chunk(kind, data) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(kind, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([head, body, crc]);
}

function draw(size, dot = null, samples = 4) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, dot);
          if (c) {
            acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255;
          }
        }
      }
      const alpha = Math.floor(acc[3] / (samples * samples));
      const coverage = Math.max(1, Math.floor(acc[3] / 255));
      row.push(...(alpha ? [Math.floor(acc[0] / coverage), Math.floor(acc[1] / coverage), Math.floor(acc[2] / coverage), alpha] : [0, 0, 0, 0]));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  fs.writeFileSync(path.join(OUT, `icon-${size}.png`), draw(size));
  if (size <= 32) for (const [tier, colour] of Object.entries(TIERS)) fs.writeFileSync(path.join(OUT, `${tier}-${size}.png`), draw(size, colour));
}
console.log('icons written to', OUT);
