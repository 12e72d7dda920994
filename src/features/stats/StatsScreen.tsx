import { Link, useParams } from 'react-router';
import { useDb } from '../../components/DbContext';
import { requestStats } from '../../components/stats/statsClient';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { statsMessages } from './messages';
import { weightsFor } from '../../domain/optimizer/params';
import { retentionFor, roleSettings, dailyNewPerDay } from '../../domain/settings/settings';
import { getDeck, listDecks } from '../../storage/decks';
import { useAppStore } from '../../state/appStore';
import { ActivityPanel } from './ActivityPanel';
import { InterviewPanel } from './InterviewPanel';
import { MockTrendPanel } from './MockTrendPanel';
import { ReadinessPanel } from './ReadinessPanel';
import { RetentionPanel } from './RetentionPanel';
import { RolesReadiness } from './RolesReadiness';
import { SchedulePanel } from './SchedulePanel';
import { TopicsPanel } from './TopicsPanel';

/** Statistics for one role (`/roles/:roleId/stats`) or for everything (`/stats`). */
export default function StatsScreen() {
  const { roleId = null } = useParams();
  const db = useDb();
  const { t, lang } = useFeatureT(statsMessages);
  const settings = useAppStore((s) => s.settings);
  const fsrsParams = useAppStore((s) => s.fsrsParams);
  // Readiness overall and by role need the card states alone: they show while the rest is computed.
  const summary = useAsync(async () => {
    const [deck, top] = await Promise.all([
      roleId ? getDeck(db, roleId) : Promise.resolve(undefined),
      requestStats(db, { kind: 'summary', deckId: roleId, now: Date.now() }),
    ]);
    return { deck, top };
  }, [db, roleId, settings]);
  // The roles table's titles, read beside the summary rather than once it has arrived.
  const decks = useAsync(() => (roleId ? Promise.resolve([]) : listDecks(db)), [db, roleId]);
  const data = useAsync(async () => {
    const now = Date.now();
    const role = roleId ? roleSettings(settings, roleId) : null;
    const interview =
      roleId && role?.interviewDate
        ? {
            date: role.interviewDate,
            desiredRetention: retentionFor(settings, roleId),
            // Today's "study more" is not a plan for the days to the interview.
            newPerDay: dailyNewPerDay(role, now, settings.rolloverHour),
            w: weightsFor(fsrsParams, roleId) ?? null,
          }
        : null;
    const [deck, report] = await Promise.all([
      roleId ? getDeck(db, roleId) : Promise.resolve(undefined),
      requestStats(db, {
        kind: 'report',
        deckId: roleId,
        now,
        rolloverHour: settings.rolloverHour,
        interview,
      }),
    ]);
    return { deck, report };
  }, [db, roleId, settings, fsrsParams]);

  if (data.status === 'error') return <p role="alert">{data.error}</p>;
  const first =
    data.status === 'done'
      ? { deck: data.value.deck, top: data.value.report }
      : summary.status === 'done'
        ? summary.value
        : null;
  if (!first) {
    if (summary.status === 'error') return <p role="alert">{summary.error}</p>;
    return <p role="status">{t('stats.loading')}</p>;
  }
  const { deck, top } = first;
  const report = data.status === 'done' ? data.value.report : null;
  if (roleId && !deck) return <p role="alert">{t('role.notFound', { id: roleId })}</p>;
  const desired = roleId ? retentionFor(settings, roleId) : settings.desiredRetention;
  return (
    <div className="stats">
      <h1>{deck ? t('stats.roleTitle', { role: deck.title[lang] }) : t('stats.title')}</h1>
      {deck && <Link to={`/roles/${deck.id}`}>{t('common.back')}</Link>}
      <ReadinessPanel readiness={top.readiness} />
      <MockTrendPanel deckId={deck?.id ?? null} />
      {!deck && decks.status === 'done' && (
        <RolesReadiness roles={top.roles} now={top.now} decks={decks.value} />
      )}
      {report ? (
        <>
          {deck && <InterviewPanel deckId={deck.id} projection={report.projection} />}
          {deck && <TopicsPanel deckId={deck.id} rows={report.topics} topics={deck.topics} />}
          <RetentionPanel retention={report.history.trueRetention} desired={desired} />
          <ActivityPanel history={report.history} />
          <SchedulePanel report={report} />
        </>
      ) : (
        <p role="status">{t('stats.loading')}</p>
      )}
    </div>
  );
}
