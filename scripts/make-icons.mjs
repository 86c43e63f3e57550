// Draws the app's icons (public/icons/icon-192.png, icon-512.png) without any image library: a sheet of paper
// with lines and a tick on the header's red, every shape inside the central 80 % so that the same file works as
// a "maskable" icon. Run once by hand (node scripts/make-icons.mjs); the PNGs are committed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { join } from "node:path";

const BRAND = [0xa4, 0x26, 0x2c];
const PAPER = [0xff, 0xff, 0xff];
const LINE = [0xb1, 0xb4, 0xb6];
const TICK = [0x00, 0x70, 0x3c];

// Shapes in unit coordinates (0..1), later ones on top.
function colourAt(x, y) {
  const inRect = (x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const nearSegment = (ax, ay, bx, by, width) => {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
  };
  let colour = BRAND;
  if (inRect(0.27, 0.2, 0.73, 0.8)) colour = PAPER;
  for (const top of [0.3, 0.39, 0.48]) if (inRect(0.34, top, 0.66, top + 0.035)) colour = LINE;
  if (nearSegment(0.4, 0.63, 0.48, 0.71, 0.06) || nearSegment(0.48, 0.71, 0.64, 0.55, 0.06)) colour = TICK;
  return colour;
}

function png(size) {
  const samples = 4; // 4×4 supersampling for smooth edges
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
        }
      }
      for (let c = 0; c < 3; c++) row[1 + px * 3 + c] = Math.round(sum[c] / (samples * samples));
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const out = join(import.meta.dirname, "..", "public", "icons");
for (const size of [192, 512]) writeFileSync(join(out, `icon-${size}.png`), png(size));
