"""Draws the app icons (PNG, no dependencies). Run: python3 scripts/make-icons.py"""
import struct, zlib

BG, CARD, BACK, DOT = (31, 58, 138), (255, 255, 255), (147, 197, 253), (250, 204, 21)

def inside_round_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def pixel(x, y, n, maskable):
    u, v = x / n, y / n
    if maskable:  # keep the motif in the central safe zone
        u, v = (u - 0.5) / 0.7 + 0.5, (v - 0.5) / 0.7 + 0.5
    elif not inside_round_rect(x / n, y / n, 0, 0, 1, 1, 0.18):
        return (0, 0, 0, 0)
    if inside_round_rect(u, v, 0.18, 0.36, 0.70, 0.80, 0.05):
        if (u - 0.44) ** 2 + (v - 0.58) ** 2 <= 0.09 ** 2:
            return DOT + (255,)
        return CARD + (255,)
    if inside_round_rect(u, v, 0.30, 0.20, 0.82, 0.62, 0.05):
        return BACK + (255,)
    return BG + (255,)

def png(n, maskable, path):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, n, maskable)) for x in range(n)) for y in range(n))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)

png(192, False, "public/icon-192.png")
png(512, False, "public/icon-512.png")
png(512, True, "public/icon-512-maskable.png")
