import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};

const failing = (lhr, category) =>
  lhr.categories[category].auditRefs
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => ref.id);

/**
 * Lighthouse's default (mobile) settings against the local server, in a fresh Chromium each run
 * (empty storage: a first visit). Scores are medians over `runs`.
 */
export async function runLighthouse(url, chromePath, flags, runs) {
  const reports = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', ...flags],
      logLevel: 'silent',
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      if (!result) throw new Error('lighthouse returned no result');
      if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
      reports.push(result.lhr);
    } finally {
      await chrome.kill();
    }
  }
  const score = (id) => Math.round(median(reports.map((r) => (r.categories[id].score ?? 0) * 100)));
  const audit = (id) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
  const last = reports[reports.length - 1];
  return {
    metrics: {
      lighthouse_performance: score('performance'),
      lighthouse_accessibility: score('accessibility'),
      lighthouse_best_practices: score('best-practices'),
    },
    details: {
      runs,
      url,
      lighthouseVersion: last.lighthouseVersion,
      scores: reports.map((r) =>
        Object.fromEntries(Object.entries(r.categories).map(([k, c]) => [k, c.score])),
      ),
      fcpMs: Math.round(audit('first-contentful-paint')),
      lcpMs: Math.round(audit('largest-contentful-paint')),
      tbtMs: Math.round(audit('total-blocking-time')),
      cls: audit('cumulative-layout-shift'),
      speedIndexMs: Math.round(audit('speed-index')),
      benchmarkIndex: last.environment?.benchmarkIndex,
      failingPerformance: failing(last, 'performance'),
      failingAccessibility: failing(last, 'accessibility'),
      failingBestPractices: failing(last, 'best-practices'),
    },
  };
}
