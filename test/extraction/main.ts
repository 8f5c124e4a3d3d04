/**
 * `npm run score:extraction`: prints the extraction scores on test/fixtures/extraction, per document and pooled.
 * --details: also what each document missed and got wrong. --raise-floors: raises floors.json to today's pooled
 * figures rounded down to two decimals, where those are higher (a floor is never lowered here). --dir DIR: scores
 * another labelled set of the same layout (DIR/articles, DIR/labels), e.g. test/fixtures/blind-extraction; no floors.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, formatReport, readFloors, repositoryRoot, scoreArticles } from './fixtures';
import { dropsBelow, figuresOf, floorTo2, pool } from './score';

const root = repositoryRoot();
const dirAt = process.argv.indexOf('--dir');
const otherSet = dirAt >= 0 ? process.argv[dirAt + 1] : undefined;
if (dirAt >= 0 && !otherSet) throw new Error('--dir needs a folder');
const scored = scoreArticles(root, otherSet);
console.log(formatReport(scored, process.argv.includes('--details')));
const pooled = pool(scored.map((s) => s.score));
if (process.argv.includes('--raise-floors')) {
  const floors = readFloors(root) as unknown as Record<string, Record<string, number>>;
  const figures = figuresOf(pooled) as unknown as Record<string, Record<string, number>>;
  for (const [type, metrics] of Object.entries(figures)) {
    for (const [metric, value] of Object.entries(metrics)) {
      floors[type] ??= {};
      floors[type][metric] = Math.max(floors[type][metric] ?? 0, floorTo2(value));
    }
  }
  writeFileSync(join(root, FIXTURE_DIR, 'floors.json'), JSON.stringify(floors, null, 2) + '\n');
  console.log(`\nfloors.json: ${JSON.stringify(floors)}`);
}
const drops = otherSet ? [] : dropsBelow(pooled, readFloors(root));
if (drops.length) {
  console.log(`\nbelow the floors of ${FIXTURE_DIR}/floors.json:\n${drops.join('\n')}`);
  process.exitCode = 1;
}
