// Benchmark instrumentation, preloaded into the app server (`node --import`) by scripts/bench/run.ts,
// only for the short capture phase before the load runs (never in a real deployment): records every
// statement the app sends through `pg` (text, parameters, prepared-statement name) as one JSON line
// in the file named by BENCH_SQL_CAPTURE, so the benchmark can EXPLAIN exactly what each endpoint runs.
// The file lives in the benchmark's own output folder and holds generated data only.
import { appendFileSync } from 'node:fs';
import pg from 'pg';

const file = process.env.BENCH_SQL_CAPTURE;
if (file) {
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function captureQuery(config, values, callback) {
    try {
      const text = typeof config === 'string' ? config : config && typeof config.text === 'string' ? config.text : null;
      if (text !== null) {
        const params = Array.isArray(values) ? values : config && Array.isArray(config.values) ? config.values : [];
        const name = config && typeof config === 'object' && typeof config.name === 'string' ? config.name : null;
        appendFileSync(file, `${JSON.stringify({ text, values: params, name, at: Date.now() })}\n`);
      }
    } catch {
      // Capturing must never break the request it observes.
    }
    return original.call(this, config, values, callback);
  };
}
