// Writes the 81x81 tab bar icons (WeChat wants PNG/JPG files of at most 40 KB; 81x81 is its recommended size).
// Run: node scripts/make-tab-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const OUT = new URL('../src/assets/tab/', import.meta.url)

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(inside, [r, g, b]) {
  const rows = []
  const sub = 4 // supersampling for smooth edges
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4)
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < sub; sy++)
        for (let sx = 0; sx < sub; sx++) if (inside(x + (sx + 0.5) / sub, y + (sy + 0.5) / sub)) hits++
      row.set([r, g, b, Math.round((255 * hits) / (sub * sub))], 1 + x * 4)
    }
    rows.push(row)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1

const shapes = {
  // a house: roof triangle over a body with a door cut out
  home: (x, y) =>
    (y >= 12 && y <= 40 && Math.abs(x - 40.5) <= (y - 12) * 1.2) ||
    (inRect(x, y, 18, 38, 63, 70) && !inRect(x, y, 34, 50, 47, 70)),
  // a speech bubble with a tail
  consult: (x, y) =>
    (inRect(x, y, 10, 14, 71, 56) && !(inRect(x, y, 22, 27, 59, 31) || inRect(x, y, 22, 38, 50, 42))) ||
    (y >= 56 && y <= 70 && x >= 22 && x <= 22 + (70 - y) * 1.2),
  // four tiles
  services: (x, y) =>
    inRect(x, y, 12, 12, 37, 37) || inRect(x, y, 44, 12, 69, 37) ||
    inRect(x, y, 12, 44, 37, 69) || inRect(x, y, 44, 44, 69, 69),
  // a person: head and shoulders
  mine: (x, y) => inCircle(x, y, 40.5, 26, 14) || (y >= 46 && y <= 70 && inCircle(x, y, 40.5, 72, 28)),
}

mkdirSync(OUT, { recursive: true })
for (const [name, inside] of Object.entries(shapes)) {
  writeFileSync(new URL(`${name}.png`, OUT), png(inside, [0x99, 0x99, 0x99]))
  writeFileSync(new URL(`${name}-active.png`, OUT), png(inside, [0xc8, 0x10, 0x2e]))
}
