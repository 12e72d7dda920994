import { useEffect, useRef, useState } from 'react';
import { WARNING_MS } from '../../domain/mock/mockInterview';
import { elapsed, type Clock } from './clock';

/** A tone for the 30-second cue; silent where audio is unavailable. */
function beep() {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.15);
    tone.onended = () => void audio.close();
  } catch {
    // No audio: the colour change is the cue.
  }
}

const mmss = (ms: number) => {
  const s = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The time left on a question, ticking while the clock runs: it turns to a warning 30 seconds
 * before the end (with a tone if asked), and calls `onExpire` once when time is up.
 */
export function Countdown({
  clock,
  limitMs,
  sound,
  onExpire,
  labels,
}: {
  clock: Clock;
  limitMs: number;
  sound: boolean;
  onExpire: () => void;
  labels: { left: string; almost: string };
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (clock.pausedAt !== null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [clock]);
  const left = limitMs - elapsed(clock, now);
  const warning = left <= WARNING_MS;
  const cued = useRef(false);
  const expired = useRef(false);
  useEffect(() => {
    cued.current = false;
    expired.current = false;
  }, [clock.start]);
  useEffect(() => {
    if (warning && !cued.current && left > 0) {
      cued.current = true;
      if (sound) beep();
    }
    if (left <= 0 && !expired.current) {
      expired.current = true;
      onExpire();
    }
  }, [warning, left, sound, onExpire]);
  return (
    <div className={`countdown${warning ? ' countdown-warning' : ''}`} role="timer" aria-label={labels.left}>
      <span className="countdown-time">{mmss(left)}</span>
      <span className="visually-hidden" aria-live="polite">
        {warning && left > 0 ? labels.almost : ''}
      </span>
    </div>
  );
}
