/**
 * The QR decoder for browsers without BarcodeDetector (desktop Chromium, Firefox, Safari before 17):
 * jsQR (Apache-2.0, ~45 KB gzip) in a worker, so decoding a frame never stalls the camera's picture
 * or the page. One message in (a greyscale-ready RGBA frame, its buffer transferred), one out.
 */
import jsQR from 'jsqr';

export interface DecodeRequest {
  id: number;
  width: number;
  height: number;
  buffer: ArrayBuffer;
}
export interface DecodeAnswer {
  id: number;
  text: string | null;
}

self.onmessage = (e: MessageEvent<DecodeRequest>) => {
  const { id, width, height, buffer } = e.data;
  let text: string | null = null;
  try {
    // phone screens show dark modules on light: the inverted pass would double the work for nothing
    text =
      jsQR(new Uint8ClampedArray(buffer), width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  } catch {
    text = null;
  }
  const answer: DecodeAnswer = { id, text };
  self.postMessage(answer);
};
