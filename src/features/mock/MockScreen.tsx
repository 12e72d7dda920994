import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { currentIndex } from '../../domain/mock/mockInterview';
import { roleSettings } from '../../domain/settings/settings';
import { listDecks } from '../../storage/decks';
import { deleteMock, listMocks, unfinishedMock } from '../../storage/mocks';
import { useAppStore } from '../../state/appStore';
import { FollowUpGradeView, MockGrade } from './MockGrade';
import { MockAsk } from './MockAsk';
import { MockReport } from './MockReport';
import { MockSetup, type SetupOptions } from './MockSetup';
import { mockMessages, type MockMessageKey } from './messages';
import { useMockKeys } from './useMockKeys';
import { useMockSession } from './useMockSession';
import { useRecorder } from './useRecorder';
import { useUpdateSettings } from '../../components/useSettingsActions';
import './mock.css';

/** Mock interview: set up, one timed question at a time, graded on key points, then the report. */
export default function MockScreen() {
  const { roleId } = useParams();
  const db = useDb();
  const { t, lang } = useFeatureT(mockMessages);
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useUpdateSettings();
  const mock = useMockSession(db, settings);
  const { session } = mock;
  const [options, setOptions] = useState<Pick<SetupOptions, 'sound' | 'record'>>({
    sound: true,
    record: false,
  });
  const [problem, setProblem] = useState<MockMessageKey | null>(null);
  const [recordings, setRecordings] = useState<Map<number, string>>(new Map());
  const recorder = useRecorder(options.record && session !== null && session.phase !== 'report');
  const data = useAsync(
    () => Promise.all([listDecks(db), unfinishedMock(db), listMocks(db)]),
    [db, session?.mock.finishedAt],
  );

  const start = async (choice: SetupOptions) => {
    setOptions({ sound: choice.sound, record: choice.record });
    if (choice.countAsReviews !== settings.countMockAsReviews)
      await updateSettings((s) => ({ ...s, countMockAsReviews: choice.countAsReviews }));
    const result = await mock.begin(choice, Date.now());
    setProblem(result === 'noCards' ? 'mock.noCards' : null);
  };

  const asking = session?.phase === 'question' || session?.phase === 'followUp';
  const index = session ? currentIndex(session.mock) : 0;
  useEffect(() => {
    if (asking && recorder.status === 'ready') recorder.start();
  }, [asking, index, recorder]);
  const done = useCallback(() => {
    mock.doneAnswering(Date.now());
    if (session?.phase === 'question')
      void recorder.stop().then((url) => url && setRecordings((r) => new Map(r).set(index, url)));
  }, [mock, recorder, session?.phase, index]);

  const question = session ? session.mock.questions[index] : undefined;
  const card = question ? session?.cards.get(question.cardId) : undefined;
  const followUp = card?.followUps?.[0];
  const isLast = session ? index === session.mock.questions.length - 1 : false;

  useMockKeys({
    phase: session?.phase ?? null,
    done,
    pause: () => mock.togglePause(Date.now()),
    tick: mock.toggleTick,
    next: () => mock.next(Date.now()),
    gradeFollowUp: (g) => mock.gradeFollowUp(g, Date.now()),
    toggleAnswer: () =>
      document.querySelector<HTMLDetailsElement>('.mock-grade details.model-answer')?.toggleAttribute('open'),
  });

  if (data.status !== 'done') return <p>{t('common.loading')}</p>;
  const [decks, unfinished, mocks] = data.value;

  if (!session) {
    const preselected = roleId
      ? [roleId]
      : decks.filter((d) => roleSettings(settings, d.id).enabled).map((d) => d.id);
    return (
      <div className="mock">
        <h1>{t('mock.title')}</h1>
        {unfinished && (
          <div className="banner" role="status">
            <p>{t('mock.resume', { done: unfinished.answers.length, total: unfinished.questions.length })}</p>
            <button className="primary" onClick={() => void mock.resume(unfinished, Date.now())}>
              {t('mock.resumeButton')}
            </button>{' '}
            <button
              onClick={() =>
                void deleteMock(db, unfinished.id).then(() => useAppStore.getState().dataChanged())
              }
            >
              {t('mock.discard')}
            </button>
          </div>
        )}
        <MockSetup
          decks={decks}
          preselected={preselected}
          countAsReviews={settings.countMockAsReviews}
          lang={lang}
          t={t}
          onStart={(c) => void start(c)}
          problem={problem}
        />
      </div>
    );
  }

  return (
    <div className="mock mock-running">
      <h1 className="visually-hidden">{t('mock.title')}</h1>
      {session.error && (
        <div role="alert" className="banner banner-error">
          {t('mock.saveFailed', { reason: session.error })}
        </div>
      )}
      {session.phase === 'report' ? (
        <MockReport
          mock={session.mock}
          previous={mocks.filter((m) => m.id !== session.mock.id)}
          cards={session.cards}
          decks={decks}
          lang={lang}
          t={t}
          onAgain={() => mock.setSession(null)}
        />
      ) : !card || !question ? (
        <p>{t('common.loading')}</p>
      ) : session.phase === 'question' || (session.phase === 'followUp' && followUp) ? (
        <MockAsk
          key={`${index}-${session.phase}`}
          heading={
            session.phase === 'question'
              ? t('mock.question', { n: index + 1, total: session.mock.questions.length })
              : t('mock.followUpTitle')
          }
          text={session.phase === 'question' ? card.question : followUp!}
          lang={lang}
          clock={session.clock}
          limitMs={question.limitMs}
          sound={options.sound}
          recording={recorder.status === 'ready'}
          micUnavailable={options.record && recorder.status === 'unavailable'}
          t={t}
          onDone={done}
          onPause={() => mock.togglePause(Date.now())}
        />
      ) : session.phase === 'grade' ? (
        <MockGrade
          card={card}
          ticked={session.ticked}
          both={settings.showBothLanguages}
          lang={lang}
          recordingUrl={recordings.get(index) ?? null}
          isLast={isLast}
          t={t}
          onToggle={mock.toggleTick}
          onNext={() => mock.next(Date.now())}
          onFollowUp={followUp ? () => mock.askFollowUp(Date.now()) : null}
        />
      ) : (
        <FollowUpGradeView t={t} onGrade={(g) => mock.gradeFollowUp(g, Date.now())} />
      )}
      {session.phase !== 'report' && <p className="hint key-hint">{t('mock.keys')}</p>}
    </div>
  );
}
