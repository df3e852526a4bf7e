// Y4M videos of QR codes for Chromium's fake camera (--use-file-for-fake-video-capture), as
// test/helpers/fake-camera.ts writes them for the browser tests (same layout: 4:2:0, the code
// centred, black on white with its quiet zone; null: a blank picture).
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

function luma(w, h, text, scale) {
  const y = Buffer.alloc(w * h, 235);
  if (text === null) return y;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const x0 = Math.floor((w - n * scale) / 2);
  const y0 = Math.floor((h - n * scale) / 2);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (y0 + r * scale + dy) * w + x0 + c * scale;
        y.fill(16, row, row + scale);
      }
    }
  return y;
}

/** Writes `file`: each of `codes` for `framesEach` frames, then `gapFrames` blank ones. */
export function writeQrVideo(
  file,
  codes,
  { width = 640, height = 480, fps = 10, framesEach = 10, gapFrames = 0, scale = 8 } = {},
) {
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  const header = Buffer.from('FRAME\n');
  const blank = luma(width, height, null, scale);
  for (const code of codes) {
    const y = luma(width, height, code, scale);
    for (let i = 0; i < framesEach; i++) parts.push(header, y, chroma);
    for (let i = 0; i < gapFrames; i++) parts.push(header, blank, chroma);
  }
  writeFileSync(file, Buffer.concat(parts));
}
