import { Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Modules of light margin around the code: the QR standard's quiet zone (scanners need it). */
const QUIET_ZONE = 4;

interface Matrix {
  size: number;
  path: string;
}

/**
 * The code's dark modules as one SVG path (a run of dark modules in a row is one rectangle).
 * `qrcode` (already the API's dependency) is loaded only when a QR is drawn, so it stays out of the
 * first load; the service worker precaches its chunk, so it draws offline too.
 */
async function encode(text: string): Promise<Matrix> {
  const { create } = await import('qrcode');
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let path = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!modules.get(y, x)) continue;
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return { size: n + 2 * QUIET_ZONE, path };
}

/**
 * A QR code drawn large, black on white with its quiet zone, as crisp vector shapes (sharp at any
 * screen density): what the scanner at the door reads from the phone's screen.
 */
export function QrCode({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  const [matrix, setMatrix] = useState<{ value: string; m: Matrix } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    encode(value).then(
      (m) => live && setMatrix({ value, m }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [value]);
  if (failed) return null;
  if (!matrix || matrix.value !== value) return <Loader aria-label={t('app.loading')} />;
  const { size, path } = matrix.m;
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid={testId}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      style={{ display: 'block', width: '100%', maxWidth: 340, height: 'auto', background: '#fff' }}
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
