import type { DecodeAnswer, DecodeRequest } from './decoder.worker';
import workerUrl from './decoder.worker.ts?worker&url';

/** The built worker's address (kept for offline use with the page: offlineAssets.ts). */
export const DECODER_WORKER_URL: string = workerUrl;

/** Reads a QR code from the video's current frame; null when there is none. */
export interface Decoder {
  kind: 'native' | 'worker';
  decode(video: HTMLVideoElement): Promise<string | null>;
  close(): void;
}

interface NativeDetector {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>;
}
interface NativeDetectorClass {
  new (opts: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

/**
 * Frames are scaled down to this many pixels on their long side before jsQR reads them: its work
 * grows with the pixels, and a code held up at the door (a phone screen at 20-40 cm) still has
 * 4+ pixels per module at 480 (bench/scanner.mjs, docs/performance.md).
 */
const MAX_SIDE = 480;

async function nativeDecoder(): Promise<Decoder | null> {
  const Detector = (window as unknown as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    if (!(await Detector.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Detector({ formats: ['qr_code'] });
    return {
      kind: 'native',
      decode: async (video) => (await detector.detect(video))[0]?.rawValue ?? null,
      close: () => undefined,
    };
  } catch {
    return null;
  }
}

function workerDecoder(): Decoder {
  // the build makes the worker one classic script; Vite's dev server serves it as a module
  const worker = new Worker(workerUrl, { type: import.meta.env.DEV ? 'module' : 'classic' });
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const waiting = new Map<number, (text: string | null) => void>();
  let next = 0;
  worker.onmessage = (e: MessageEvent<DecodeAnswer>) => {
    waiting.get(e.data.id)?.(e.data.text);
    waiting.delete(e.data.id);
  };
  return {
    kind: 'worker',
    decode(video) {
      const vw = video.videoWidth;
      const vh = video.videoHeight;
      if (!vw || !vh) return Promise.resolve(null);
      const k = Math.min(1, MAX_SIDE / Math.max(vw, vh));
      const width = Math.round(vw * k);
      const height = Math.round(vh * k);
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      ctx.drawImage(video, 0, 0, width, height);
      const { data } = ctx.getImageData(0, 0, width, height);
      const id = ++next;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        const msg: DecodeRequest = { id, width, height, buffer: data.buffer };
        worker.postMessage(msg, [data.buffer]);
      });
    },
    close() {
      worker.terminate();
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    },
  };
}

/** The browser's BarcodeDetector where it reads QR codes (Chrome on Android), else jsQR in a worker. */
export async function makeDecoder(): Promise<Decoder> {
  return (await nativeDecoder()) ?? workerDecoder();
}

/**
 * What the decode loop did, for bench/scanner.mjs (times only: no codes, nothing personal): frames
 * read, how long each read took, and for each code recognised the time since the last frame that
 * had no code (an upper bound of "shown → recognised") and since its own frame was taken (a lower
 * bound). Read in the page as `window.__yvcScanner`.
 */
export interface ScanStats {
  decoder: string;
  frames: number;
  decodeMs: number[];
  recognised: Array<{ sinceEmptyMs: number; sinceFrameMs: number }>;
}

export function newScanStats(decoder: string): ScanStats {
  const stats: ScanStats = { decoder, frames: 0, decodeMs: [], recognised: [] };
  (window as unknown as { __yvcScanner?: ScanStats }).__yvcScanner = stats;
  return stats;
}

/** Keeps the last 500 figures of a list (the loop runs for hours at a door). */
export function keep<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > 500) list.splice(0, list.length - 500);
}
