import type { Localized } from '../../domain/deck/schema';
import { Markdown } from '../../components/markdown/Markdown';
import type { Clock } from './clock';
import { Countdown } from './Countdown';
import type { MockMessageKey } from './messages';

/** One question on screen, full width, with the clock running: the user answers aloud or types. */
export function MockAsk({
  heading,
  text,
  lang,
  clock,
  limitMs,
  sound,
  recording,
  micUnavailable,
  t,
  onDone,
  onPause,
}: {
  heading: string;
  text: Localized;
  lang: 'en' | 'zh';
  clock: Clock;
  limitMs: number;
  sound: boolean;
  recording: boolean;
  micUnavailable: boolean;
  t: (key: MockMessageKey) => string;
  onDone: () => void;
  onPause: () => void;
}) {
  const paused = clock.pausedAt !== null;
  return (
    <section className="mock-ask" aria-label={heading}>
      <header className="mock-ask-bar">
        <h2>{heading}</h2>
        <Countdown
          clock={clock}
          limitMs={limitMs}
          sound={sound}
          onExpire={onDone}
          labels={{ left: t('mock.left'), almost: t('mock.almost') }}
        />
        {recording && <span className="mock-recording">● {t('mock.recording')}</span>}
      </header>
      {micUnavailable && <p className="hint">{t('mock.micUnavailable')}</p>}
      <div className="mock-question">
        <Markdown text={text[lang]} lang={lang} />
      </div>
      {paused ? (
        <p role="status">{t('mock.paused')}</p>
      ) : (
        <textarea
          className="mock-typed"
          aria-label={t('mock.typeHere')}
          placeholder={t('mock.typeHere')}
          rows={5}
        />
      )}
      <div className="mock-actions">
        <button className="primary" onClick={onDone} disabled={paused}>
          {t('mock.done')} <kbd className="key-hint">Enter</kbd>
        </button>
        <button onClick={onPause}>
          {paused ? t('mock.resumeClock') : t('mock.pause')} <kbd className="key-hint">P</kbd>
        </button>
      </div>
    </section>
  );
}
