import { useCallback, useEffect, useRef, useState } from 'react';

export type MicStatus = 'off' | 'ready' | 'unavailable';

/**
 * Records each answer with the microphone when asked: the recordings stay in this tab's memory
 * (object URLs) and are gone when the interview screen closes. Without a microphone, or when
 * permission is refused, nothing is recorded and the interview works the same.
 */
export function useRecorder(enabled: boolean) {
  const supported =
    typeof navigator !== 'undefined' &&
    !!navigator.mediaDevices?.getUserMedia &&
    typeof MediaRecorder !== 'undefined';
  const [granted, setGranted] = useState<boolean | null>(null);
  const status: MicStatus = !enabled
    ? 'off'
    : !supported || granted === false
      ? 'unavailable'
      : granted
        ? 'ready'
        : 'off';
  const stream = useRef<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const urls = useRef<string[]>([]);

  useEffect(() => {
    if (!enabled || !supported) return;
    let live = true;
    const made = urls.current;
    navigator.mediaDevices.getUserMedia({ audio: true }).then(
      (s) => (live ? ((stream.current = s), setGranted(true)) : s.getTracks().forEach((t) => t.stop())),
      () => live && setGranted(false),
    );
    return () => {
      live = false;
      stream.current?.getTracks().forEach((t) => t.stop());
      stream.current = null;
      made.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [enabled, supported]);

  const start = useCallback(() => {
    if (!stream.current || recorder.current) return;
    recorder.current = new MediaRecorder(stream.current);
    recorder.current.start();
  }, []);

  /** Stops the recording under way and gives its URL (null when nothing was recorded). */
  const stop = useCallback(
    () =>
      new Promise<string | null>((resolve) => {
        const r = recorder.current;
        recorder.current = null;
        if (!r) return resolve(null);
        const chunks: Blob[] = [];
        r.ondataavailable = (e) => chunks.push(e.data);
        r.onstop = () => {
          const url = URL.createObjectURL(new Blob(chunks, { type: r.mimeType }));
          urls.current.push(url);
          resolve(url);
        };
        r.stop();
      }),
    [],
  );

  return { status, start, stop };
}
