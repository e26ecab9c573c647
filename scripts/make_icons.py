#!/usr/bin/env python3
"""Draw the toolbar icons (extension/icons/*.png) with no image library: a dark page with a
masthead bar and lines of text; the tier variants add a coloured dot, shown by Chrome's
declarativeContent before any click on a labeled outlet. Run again after changing a colour."""
import struct, zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / 'extension' / 'icons'
SIZES = [16, 32, 48, 128]
TIERS = {'controlled': (179, 38, 30), 'captured': (180, 83, 9), 'independent': (95, 99, 104)}
PAGE, INK, TEXT = (29, 29, 31), (255, 255, 255), (170, 170, 170)

def inside_rounded(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1

def colour_at(u, v, dot):
    """The colour at (u, v) in the unit square, or None for transparent."""
    if dot and (u - 0.78) ** 2 + (v - 0.78) ** 2 <= 0.22 ** 2:
        ring = (u - 0.78) ** 2 + (v - 0.78) ** 2 > 0.17 ** 2
        return INK if ring else dot
    if not inside_rounded(u, v, 0.04, 0.04, 0.96, 0.96, 0.16):
        return None
    if 0.18 <= u <= 0.82 and 0.18 <= v <= 0.34:
        return INK  # the masthead
    for top in (0.45, 0.58, 0.71):
        if 0.18 <= u <= (0.82 if top < 0.7 else 0.6) and top <= v <= top + 0.06:
            return TEXT
    return PAGE

def draw(size, dot=None, samples=4):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = colour_at((x + (sx + .5) / samples) / size, (y + (sy + .5) / samples) / size, dot)
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = samples * samples
            alpha = acc[3] // n
            cov = max(1, acc[3] // 255)
            row += bytes([acc[0] // cov, acc[1] // cov, acc[2] // cov, alpha]) if alpha else bytes(4)
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')

OUT.mkdir(parents=True, exist_ok=True)
for size in SIZES:
    (OUT / f'icon-{size}.png').write_bytes(draw(size))
    for tier, colour in TIERS.items():
        if size <= 32:
            (OUT / f'{tier}-{size}.png').write_bytes(draw(size, colour))
print('icons written to', OUT)
