import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { type BenchResults } from './bench-results.js';
import { renderMarkdown } from './markdown-report.js';

const resultsDir = join(projectRoot, 'bench', 'results');
const analysisFile = join(projectRoot, 'bench', 'analysis.md');

/**
 * Writes `<name>.json` and `<name>.md`, the latter with `bench/analysis.md` appended. A whole run is
 * `latest`; a run of some phases (`--only`) is named for them, so it never replaces a whole run's figures.
 */
export function writeResults(results: BenchResults, name = 'latest'): void {
  mkdirSync(resultsDir, { recursive: true });
  const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : '';
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, `${name}.md`), renderMarkdown(results, analysis));
}

/** Reads the last run's `latest.json`, e.g. to render `latest.md` again after editing the analysis. */
export function readLatestResults(): BenchResults {
  return JSON.parse(readFileSync(join(resultsDir, 'latest.json'), 'utf8')) as BenchResults;
}
