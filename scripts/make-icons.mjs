// Draws the web app's icons (a ballot box with a ticked ballot, white on the theme's blue) into
// apps/web/public/icons/. Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs
// are committed. pngjs comes with qrcode (a dependency of the API), so nothing new is installed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const { PNG } = createRequire(import.meta.url)('pngjs');
const OUT = join(import.meta.dirname, '..', 'apps', 'web', 'public', 'icons');
const BLUE = [0x1c, 0x4e, 0x80];
const WHITE = [0xff, 0xff, 0xff];

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
function segment(ax, ay, bx, by, width) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
  };
}
function roundedSquare(radius) {
  return (x, y) => {
    const cx = Math.min(Math.max(x, radius), 1 - radius);
    const cy = Math.min(Math.max(y, radius), 1 - radius);
    return Math.hypot(x - cx, y - cy) <= radius;
  };
}

// the drawing, in a unit square; later layers paint over earlier ones
const LAYERS = [
  { colour: WHITE, shape: rect(0.2, 0.52, 0.8, 0.82) }, // the box
  { colour: BLUE, shape: rect(0.3, 0.52, 0.7, 0.56) }, // its slot
  { colour: WHITE, shape: rect(0.36, 0.18, 0.64, 0.54) }, // the ballot, going in
  { colour: BLUE, shape: segment(0.415, 0.36, 0.475, 0.43, 0.05) }, // the tick
  { colour: BLUE, shape: segment(0.475, 0.43, 0.59, 0.27, 0.05) },
];

/** `size` px; `maskable`: full-bleed background, drawing in the safe zone; else a rounded tile. */
function draw(size, { maskable }) {
  const png = new PNG({ width: size, height: size });
  const tile = maskable ? () => true : roundedSquare(0.18);
  const scale = maskable ? 0.72 : 1; // the maskable safe zone is the central 80% circle
  const SS = 4; // 4x4 samples a pixel: smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (!tile(x, y)) continue;
          const ux = (x - 0.5) / scale + 0.5;
          const uy = (y - 0.5) / scale + 0.5;
          let colour = BLUE;
          for (const layer of LAYERS) if (layer.shape(ux, uy)) colour = layer.colour;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  return PNG.sync.write(png, { deflateLevel: 9 });
}

mkdirSync(OUT, { recursive: true });
const files = {
  'icon-192.png': draw(192, { maskable: false }),
  'icon-512.png': draw(512, { maskable: false }),
  'maskable-512.png': draw(512, { maskable: true }),
  'apple-touch-icon.png': draw(180, { maskable: true }),
};
for (const [name, data] of Object.entries(files)) {
  writeFileSync(join(OUT, name), data);
  console.log(`${name}: ${data.length} bytes`);
}
