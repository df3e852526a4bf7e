import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

export type CameraStatus = 'starting' | 'on' | 'denied' | 'missing' | 'failed';

interface TorchCapabilities extends MediaTrackCapabilities {
  torch?: boolean;
}

/**
 * The rear camera, streaming into `video` for as long as the page is open. `torch` is null where
 * the camera has no torch (or the browser cannot switch it: then the page shows no button).
 * `restart` opens the camera again (after a refusal was lifted, or to pick up a new device).
 */
export function useCamera(video: RefObject<HTMLVideoElement | null>) {
  const [status, setStatus] = useState<CameraStatus>('starting');
  const [torch, setTorchState] = useState<boolean | null>(null);
  const [attempt, setAttempt] = useState(0);
  const track = useRef<MediaStreamTrack | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let live = true;
    setStatus('starting');
    void (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setStatus('missing');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          audio: false,
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
        });
      } catch (err) {
        const name = (err as DOMException)?.name;
        if (!live) return;
        setStatus(
          name === 'NotAllowedError' || name === 'SecurityError'
            ? 'denied'
            : name === 'NotFoundError' || name === 'OverconstrainedError'
              ? 'missing'
              : 'failed',
        );
        return;
      }
      if (!live) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      const [t] = stream.getVideoTracks();
      track.current = t ?? null;
      const caps = (t?.getCapabilities?.() ?? {}) as TorchCapabilities;
      setTorchState(caps.torch ? false : null);
      const el = video.current;
      if (!el) return;
      el.srcObject = stream;
      try {
        await el.play();
        if (live) setStatus('on');
      } catch {
        if (live) setStatus('failed');
      }
    })();
    return () => {
      live = false;
      stream?.getTracks().forEach((t) => t.stop());
      track.current = null;
      if (video.current) video.current.srcObject = null;
    };
  }, [video, attempt]);

  const setTorch = useCallback(async (on: boolean) => {
    const t = track.current;
    if (!t) return;
    try {
      await t.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      setTorchState(on);
    } catch {
      setTorchState(null); // the browser said no after all: no button
    }
  }, []);

  const restart = useCallback(() => setAttempt((a) => a + 1), []);

  return { status, torch, setTorch, restart };
}
