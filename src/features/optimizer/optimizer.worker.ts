/// <reference lib="webworker" />
import { evaluate } from '../../domain/optimizer/evaluate';
import { countedReviews, trainingArrays } from '../../domain/optimizer/trainingItems';
import { openDb } from '../../storage/db';
import { readCardHistories } from '../../storage/optimizerLogs';
import { rescheduleCards } from '../../storage/reschedule';
import type { OptimizerMessage, OptimizerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: OptimizerMessage) => scope.postMessage(message);

async function train(histories: Awaited<ReturnType<typeof readCardHistories>>, current: number[] | null) {
  // The optimizer (fsrs-rs in WebAssembly, with threads) loads only when asked to train.
  const fsrs = await import('fsrs-browser');
  const wasm = await fsrs.default();
  await fsrs.initThreadPool(Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
  const { ratings, deltaTs, lengths } = trainingArrays(histories);
  const progress = fsrs.Progress.new();
  post({
    type: 'progress',
    memory: wasm.memory.buffer as unknown as SharedArrayBuffer,
    offset: progress.pointer(),
  });
  const model = new fsrs.Fsrs();
  const w = Array.from(model.computeParameters(ratings, deltaTs, lengths, progress, true));
  return { w, before: evaluate(current ?? undefined, histories), fitted: evaluate(w, histories) };
}

scope.onmessage = async (event: MessageEvent<OptimizerRequest>) => {
  const request = event.data;
  const db = openDb(request.dbName);
  try {
    if (request.kind === 'reschedule') {
      const summary = await rescheduleCards(db, request.optionsByDeck, request.now);
      db.close();
      return post({ type: 'rescheduled', ...summary });
    }
    const histories = await readCardHistories(db, request.deckId, request.rolloverHour);
    db.close();
    if (request.kind === 'count')
      return post({ type: 'count', reviews: countedReviews(histories), cards: histories.length });
    post({ type: 'result', ...(await train(histories, request.current)) });
  } catch (error) {
    db.close();
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
