import { useDb } from '../../components/DbContext';
import { useAsync } from '../../components/useAsync';
import { useFeatureT } from '../../components/useT';
import { dataMessages } from './messages';
import { roleOrder } from '../../domain/roles';
import { listDecks } from '../../storage/decks';
import { BackupSection } from './BackupSection';
import { DeckExportSection } from './DeckExportSection';
import { DeckImportSection } from './DeckImportSection';
import { HistoryExportSection } from './HistoryExportSection';
import { RestoreSection } from './RestoreSection';
import { SnapshotSection } from './SnapshotSection';
import './data.css';

const rank = (id: string) => {
  const i = (roleOrder as readonly string[]).indexOf(id);
  return i === -1 ? roleOrder.length : i;
};

/** Your data, yours to take: backup and restore, review history export, deck import and export. */
export default function DataScreen() {
  const db = useDb();
  const { t } = useFeatureT(dataMessages);
  const decks = useAsync(
    async () => (await listDecks(db)).sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id)),
    [db],
  );
  const list = decks.status === 'done' ? decks.value : [];
  return (
    <div className="data">
      <h1>{t('data.title')}</h1>
      <p>{t('data.intro')}</p>
      <BackupSection />
      <RestoreSection />
      <SnapshotSection />
      <HistoryExportSection decks={list} />
      <DeckImportSection />
      <DeckExportSection decks={list} />
    </div>
  );
}
