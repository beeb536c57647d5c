import { readLatestResults, writeResults } from './report/results-files.js';

/** `npm run bench:render`: rewrites `bench/results/latest.md` from `latest.json` and `bench/analysis.md`. */
writeResults(readLatestResults());
process.stdout.write('Rendered bench/results/latest.md from latest.json\n');
