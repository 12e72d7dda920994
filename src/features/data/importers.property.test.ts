import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  anyBytes,
  cleanTextDeckFile,
  editedJson,
  mutatedJson,
  textDeckFile,
} from '../../../tests/fixtures/data/mutations';
import { builtinFiles, deck, fingerprint, seeded, T0 } from '../../../tests/fixtures/data/seed';
import { backupToString } from '../../domain/backup/format';
import { syncDecks } from '../../storage/deckSync';
import { collectAll } from '../../storage/backup/collect';
import type { AppDb } from '../../storage/db';
import { importDeck } from '../../storage/importExport/deckImport';
import { countWrites, freshDb } from '../../storage/testing';
import { handleJob, parseBackupFile } from './worker/jobs';
import { openRestoreSession } from './worker/restoreSession';
import { isStudied } from '../../domain/stats/recall';

const polluted = () => ({}) as { polluted?: unknown };
const asFile = (content: string | Uint8Array) => new Blob([content as BlobPart]);
const noProgress = () => {};

afterEach(() => {
  expect(polluted().polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

/** The app's path for a deck file: parse (in the worker), then import only what was accepted. */
async function importDeckFile(db: AppDb, content: string | Uint8Array, fileName: string) {
  const parsed = await handleJob(
    { kind: 'parseDeck', file: asFile(content), fileName, name: null, lang: 'en' },
    null,
    noProgress,
  );
  if (parsed.kind !== 'parseDeck') throw new Error('wrong job');
  if (parsed.result.ok) await importDeck(db, parsed.result.deck, { enable: true, now: T0 });
  return parsed.result;
}

/** The app's path for a backup: check it whole (in the worker), then restore only if accepted. */
async function restoreFile(db: AppDb, content: string | Uint8Array, mode: 'replace' | 'merge') {
  const session = openRestoreSession(asFile(content), db);
  const check = await session.check;
  if (check.ok) await session.apply(mode, noProgress);
  return check;
}

const deckJson = JSON.stringify(deck('rag', ['chunking', 'rerank', 'hybrid-search'], 'RAG'));

describe('every importer takes a file whole or refuses it, writing nothing', () => {
  it('deck files: JSON, CSV, TSV, Anki text or any bytes', async () => {
    const target = freshDb();
    await syncDecks(target, builtinFiles());
    const before = await fingerprint(target);
    const writes = await countWrites(target);
    const input = fc.oneof(
      fc.tuple(mutatedJson(deckJson), fc.constant('deck.json')),
      fc.tuple(editedJson(deckJson), fc.constant('deck.json')),
      fc.tuple(textDeckFile, fc.constantFrom('deck.csv', 'deck.tsv', 'deck.txt')),
      fc.tuple(cleanTextDeckFile, fc.constantFrom('deck.csv', 'deck.tsv', 'deck.txt')),
      fc.tuple(anyBytes, fc.constantFrom('deck.json', 'deck.csv', 'deck.apkg')),
    );
    await fc.assert(
      fc.asyncProperty(input, async ([content, fileName]) => {
        const countBefore = writes.count;
        const result = await importDeckFile(target, content, fileName);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          expect(writes.count).toBe(countBefore);
          return;
        }
        const { deck: accepted } = result;
        const stored = await target.cards.where('deckId').equals(accepted.id).sortBy('position');
        const live = stored.filter((c) => !c.retired);
        expect(live.map((c) => [c.id, c.question, c.answer, c.tags])).toEqual(
          accepted.cards.map((c) => [c.id, c.question, c.answer, c.tags]),
        );
        expect(await target.states.where('deckId').equals(accepted.id).count()).toBe(stored.length);
        await target.transaction('rw', [target.decks, target.cards, target.states], async () => {
          await target.cards.where('deckId').equals(accepted.id).delete();
          await target.states.where('deckId').equals(accepted.id).delete();
          await target.decks.delete(accepted.id);
        });
      }),
      { numRuns: 250 },
    );
    const after = await fingerprint(target);
    expect([after.decks, after.cards, after.states, after.logs]).toEqual([
      before.decks,
      before.cards,
      before.states,
      before.logs,
    ]);
  }, 120_000);

  it('backups: any damage to a real backup, or any bytes', async () => {
    const source = await seeded(freshDb());
    const text = backupToString(await collectAll(source, T0));
    const target = await seeded(freshDb());
    const before = await fingerprint(target);
    const writes = await countWrites(target);
    const input = fc.oneof(
      { weight: 4, arbitrary: mutatedJson(text) },
      { weight: 3, arbitrary: editedJson(text) },
      { weight: 1, arbitrary: anyBytes },
    );
    await fc.assert(
      fc.asyncProperty(
        input,
        fc.constantFrom('replace' as const, 'merge' as const),
        async (content, mode) => {
          const result = await restoreFile(freshDb(), content, mode).catch((error: unknown) => {
            throw new Error(`uncaught: ${String(error)}`);
          });
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            const again = await restoreFile(target, content, mode);
            expect(again.ok).toBe(false);
            expect(writes.count).toBe(0);
            return;
          }
          const into = freshDb();
          await syncDecks(into, builtinFiles());
          expect((await restoreFile(into, content, 'replace')).ok).toBe(true);
          const parsed = await parseBackupFile(asFile(content));
          if (!parsed.ok) throw new Error('accepted once, refused now');
          const { logs, states, decks } = parsed.value;
          expect(await into.logs.count()).toBe(logs.length);
          expect(result.preview.contents).toMatchObject({
            logs: logs.length,
            // Cards with progress: the studied ones.
            states: states.filter(isStudied).length,
            decks: decks.length,
          });
          const stored = new Map((await into.states.toArray()).map((s) => [s.cardId, s]));
          for (const s of states) expect(stored.get(s.cardId)?.lastReview).toBe(s.lastReview);
          for (const d of decks)
            expect(await into.cards.where('deckId').equals(d.deck.id).count()).toBe(d.cards.length);
        },
      ),
      { numRuns: 200 },
    );
    expect(await fingerprint(target)).toEqual(before);
  }, 120_000);
});
