import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { type BenchResults } from './bench-results.js';
import { renderMarkdown } from './markdown-report.js';

const resultsDir = join(projectRoot, 'bench', 'results');
const analysisFile = join(projectRoot, 'bench', 'analysis.md');

/** Writes `latest.json` and `latest.md`, the latter with `bench/analysis.md` appended. */
export function writeResults(results: BenchResults): void {
  mkdirSync(resultsDir, { recursive: true });
  const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : '';
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, 'latest.md'), renderMarkdown(results, analysis));
}

/** Reads the last run's `latest.json`, e.g. to render `latest.md` again after editing the analysis. */
export function readLatestResults(): BenchResults {
  return JSON.parse(readFileSync(join(resultsDir, 'latest.json'), 'utf8')) as BenchResults;
}
