/**
 * What a Chromium trace of one statistics opening shows: when the screen's code was requested and
 * arrived, when the statistics worker started, was compiled, ran and opened its database, each
 * IndexedDB request the backend ran long, the messages between page and worker, the page's
 * paints, and (from V8's sampling profiler) where the worker's and the page's JavaScript spent
 * its time. Times are ms from the navigation (the `probe:open` mark).
 */
const ms = (us) => (us / 1000).toFixed(1).padStart(7);
const file = (url = '') => url.split('/').pop();

function threadNames(events) {
  const names = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  return names;
}

/** Self time (ms) per function from V8's sampling profiler, per thread name, within [from, to]. */
export function cpuProfile(events, from, to) {
  const names = threadNames(events);
  const profiles = new Map();
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.id}`;
    let p = profiles.get(key);
    if (!p) profiles.set(key, (p = { thread: null, start: 0, nodes: new Map(), samples: [], deltas: [] }));
    if (e.name === 'Profile') {
      p.thread = names.get(`${e.pid}:${e.tid}`) ?? String(e.tid);
      p.start = e.args.data.startTime;
      continue;
    }
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
    p.samples.push(...(data.cpuProfile?.samples ?? []));
    p.deltas.push(...(data.timeDeltas ?? []));
  }
  const byThread = {};
  for (const p of profiles.values()) {
    let t = p.start;
    const self = (byThread[p.thread] ??= new Map());
    p.samples.forEach((id, i) => {
      const dt = p.deltas[i + 1] ?? 0;
      t += p.deltas[i] ?? 0;
      if (t < from || t > to) return;
      const f = p.nodes.get(id)?.callFrame;
      const name = f ? `${f.functionName || '(anonymous)'} ${file(f.url)}:${f.lineNumber + 1}` : '?';
      self.set(name, (self.get(name) ?? 0) + dt / 1000);
    });
  }
  return byThread;
}

export function timeline(events, result, { top = 12 } = {}) {
  const names = threadNames(events);
  const thread = (e) => names.get(`${e.pid}:${e.tid}`) ?? '';
  const from = events.find((e) => e.name === 'probe:open')?.ts ?? 0;
  const to = from + result.ms * 1000;
  const lines = [];
  const at = (e, text) => lines.push([e.ts, `${ms(e.ts - from)}  ${text}`]);
  const requests = new Map();
  for (const e of events) {
    const d = e.args?.data ?? {};
    if (e.ts < from || e.ts > to + 50_000) continue;
    const where = thread(e).startsWith('DedicatedWorker')
      ? 'worker'
      : thread(e) === 'CrRendererMain'
        ? 'page'
        : null;
    if (e.name === 'ResourceSendRequest') requests.set(d.requestId, file(d.url));
    else if (e.name === 'ResourceFinish' && requests.has(d.requestId))
      at(e, `page    ${requests.get(d.requestId)} arrived`);
    else if (e.name === 'TracingSessionIdForWorker') at(e, `worker  started (${file(d.url)})`);
    else if (where === 'worker' && ['v8.compileModule', 'v8.evaluateModule'].includes(e.name))
      at(e, `worker  ${e.name.slice(3)} ${ms(e.dur)} ms`);
    else if (where && e.name === 'HandlePostMessage') at(e, `${where.padEnd(7)} message in`);
    else if (where && e.name === 'IDBTransaction::onComplete' && e.dur > 5000)
      at(e, `${where.padEnd(7)} transaction complete, handlers ${ms(e.dur)} ms`);
    else if (e.name === 'Database::GetAllOperation' || e.name === 'Database::GetOperation') {
      if (e.dur > 5000) at(e, `idb     ${e.name.slice(10)} ${ms(e.dur)} ms (backend)`);
    } else if (where === 'page' && e.name === 'Paint' && e.ph === 'X') at(e, 'page    paint');
  }
  lines.sort((a, b) => a[0] - b[0]);
  // Consecutive paints collapse into one line.
  const out = lines
    .map(([, text]) => text)
    .filter((text, i, all) => !(text.endsWith('paint') && all[i + 1]?.endsWith('paint')));
  const busy = {};
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && e.ts >= from && e.ts <= to) {
      const t = thread(e).startsWith('DedicatedWorker')
        ? 'worker'
        : thread(e) === 'CrRendererMain'
          ? 'page'
          : null;
      if (t) busy[t] = (busy[t] ?? 0) + e.dur / 1000;
    }
  out.push(
    `busy: page ${Math.round(busy.page ?? 0)} ms, worker ${Math.round(busy.worker ?? 0)} ms of ${Math.round(result.ms)}`,
  );
  for (const [name, self] of Object.entries(cpuProfile(events, from, to))) {
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    if (total < 5) continue;
    const heaviest = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
    out.push(`${name}: ${Math.round(total)} ms sampled; heaviest (self ms):`);
    for (const [fn, t] of heaviest) out.push(`  ${t.toFixed(1).padStart(6)}  ${fn}`);
  }
  return out.join('\n');
}

// node bench/probes/traceTimeline.mjs trace.json ms: the timeline of a trace statsFirst.mjs wrote.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const events = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  console.log(timeline(events, { ms: Number(process.argv[3] ?? 1000) }));
}
