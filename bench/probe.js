// Injected into every app page before its own scripts (context.addInitScript): records the long
// tasks, when the first card is painted, and each rating keypress -> next card painted.
(() => {
  const bench = { firstCard: null, reviews: [], dom: [], keys: [], longtasks: [] };
  window.__bench = bench;
  // "Painted": the frame after the DOM change, then a task after that frame's rendering.
  const afterPaint = (fn) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => fn(performance.now());
      channel.port2.postMessage(null);
    });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  let pending = null;
  let firstSeen = false;
  const current = () => document.querySelector('article.card[data-card-id]');
  addEventListener(
    'keydown',
    (e) => {
      if (!['1', '2', '3', '4'].includes(e.key)) return;
      pending = { t: e.timeStamp, id: current()?.getAttribute('data-card-id') ?? null };
      bench.keys.push(e.timeStamp);
    },
    true,
  );
  new MutationObserver(() => {
    const card = current();
    if (!card) return;
    if (!firstSeen) {
      firstSeen = true;
      afterPaint((t) => (bench.firstCard = t));
    }
    if (pending && card.getAttribute('data-card-id') !== pending.id) {
      const p = pending;
      pending = null;
      bench.dom.push(performance.now() - p.t);
      afterPaint((t) => bench.reviews.push(t - p.t));
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-card-id'],
  });
})();
