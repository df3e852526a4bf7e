import { create } from 'qrcode';
import { writeFileSync } from 'node:fs';

/**
 * Video files for Chromium's fake camera (`--use-fake-device-for-media-stream` with
 * `--use-file-for-fake-video-capture=<file>`): a Y4M (YUV 4:2:0) that shows QR codes one after the
 * other, each for `framesEach` frames, black on white with the standard quiet zone, then
 * `gapFrames` of a blank (white) picture. Chromium loops the file and reads it again whenever a
 * page opens the camera, so a test can rewrite it between two openings.
 */
export interface Y4mOptions {
  width?: number;
  height?: number;
  fps?: number;
  framesEach?: number;
  gapFrames?: number;
  /** pixels per QR module */
  scale?: number;
}

function lumaFrame(w: number, h: number, text: string | null, scale: number): Buffer {
  const y = Buffer.alloc(w * h, 235); // white
  if (text === null) return y;
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const side = n * scale;
  const x0 = Math.floor((w - side) / 2);
  const y0 = Math.floor((h - side) / 2);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const row = (y0 + r * scale + dy) * w + x0 + c * scale;
        y.fill(16, row, row + scale); // black
      }
    }
  return y;
}

/** Writes `file`: each of `codes` shown in turn (null: a blank picture). */
export function writeQrVideo(file: string, codes: Array<string | null>, opts: Y4mOptions = {}): void {
  const w = opts.width ?? 640;
  const h = opts.height ?? 480;
  const fps = opts.fps ?? 10;
  const each = opts.framesEach ?? 10;
  const gap = opts.gapFrames ?? 0;
  const scale = opts.scale ?? 8;
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${w} H${h} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  const header = Buffer.from('FRAME\n');
  const blank = lumaFrame(w, h, null, scale);
  for (const code of codes) {
    const luma = lumaFrame(w, h, code, scale);
    for (let i = 0; i < each; i++) parts.push(header, luma, chroma);
    for (let i = 0; i < gap; i++) parts.push(header, blank, chroma);
  }
  writeFileSync(file, Buffer.concat(parts));
}
