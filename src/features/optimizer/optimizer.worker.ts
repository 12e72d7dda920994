/// <reference lib="webworker" />
import { evaluate } from '../../domain/optimizer/evaluate';
import { fromEngine } from '../../domain/optimizer/params';
import { countedReviews, trainingArrays, type CardHistory } from '../../domain/optimizer/trainingItems';
import { openDb } from '../../storage/openDb';
import { readCardHistories } from '../../storage/optimizerLogs';
import { rescheduleCards } from '../../storage/reschedule';
import { ThreadsError, startThreads } from './threadPool';
import type { OptimizerMessage, OptimizerRequest, TrainingStage, TrainingTimings } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: OptimizerMessage) => scope.postMessage(message);
const stage = (stage: TrainingStage) => post({ type: 'stage', stage });

/**
 * The optimizer (fsrs-rs in WebAssembly) with one thread per logical core: the page's main thread
 * has nothing to do meanwhile, and this worker only waits for the pool while it trains.
 */
async function loadEngine() {
  const fsrs = await import('fsrs-browser');
  const wasm = await fsrs.default();
  await startThreads(() => fsrs.initThreadPool(Math.max(1, navigator.hardwareConcurrency || 2)));
  return { fsrs, wasm };
}

async function train(
  engine: ReturnType<typeof loadEngine>,
  histories: CardHistory[],
  current: number[] | null,
  timings: TrainingTimings,
) {
  let t = performance.now();
  // While the WebAssembly compiles and its threads start: the training set and the current score.
  const { ratings, deltaTs, lengths } = trainingArrays(histories);
  const before = evaluate(current ?? undefined, histories);
  timings.evaluateMs = performance.now() - t;
  t = performance.now();
  stage('loading');
  const { fsrs, wasm } = await engine;
  timings.loadWaitMs = performance.now() - t;
  const progress = fsrs.Progress.new();
  post({
    type: 'progress',
    memory: wasm.memory.buffer as unknown as SharedArrayBuffer,
    offset: progress.pointer(),
  });
  t = performance.now();
  stage('training');
  const model = new fsrs.Fsrs();
  const w = fromEngine(model.computeParameters(ratings, deltaTs, lengths, progress, true));
  timings.trainMs = performance.now() - t;
  t = performance.now();
  stage('scoring');
  const fitted = evaluate(w, histories);
  timings.evaluateMs += performance.now() - t;
  return { w, before, fitted, timings };
}

scope.onmessage = async (event: MessageEvent<OptimizerRequest>) => {
  const request = event.data;
  // Training starts loading the optimizer at once, so its download and compilation overlap the read.
  const engine = request.kind === 'train' ? loadEngine() : null;
  engine?.catch(() => undefined);
  const db = openDb(request.dbName);
  try {
    if (request.kind === 'reschedule') {
      const summary = await rescheduleCards(db, request.optionsByDeck, request.now);
      db.close();
      return post({ type: 'rescheduled', ...summary });
    }
    const t = performance.now();
    if (request.kind === 'train') stage('reading');
    const histories = await readCardHistories(db, request.deckId, request.rolloverHour);
    db.close();
    if (request.kind === 'count')
      return post({ type: 'count', reviews: countedReviews(histories), cards: histories.length });
    const timings = { readMs: performance.now() - t, loadWaitMs: 0, trainMs: 0, evaluateMs: 0 };
    post({ type: 'result', ...(await train(engine!, histories, request.current, timings)) });
  } catch (error) {
    db.close();
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'error', message, threads: error instanceof ThreadsError });
  }
};
