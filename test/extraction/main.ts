/**
 * `npm run score:extraction`: prints the extraction scores on test/fixtures/extraction, per document and pooled.
 * --details: also what each document missed and got wrong. --raise-floors: raises floors.json to today's pooled
 * figures rounded down to two decimals, where those are higher (a floor is never lowered here).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, formatReport, readFloors, repositoryRoot, scoreArticles } from './fixtures';
import { dropsBelow, figuresOf, floorTo2, pool } from './score';

const root = repositoryRoot();
const scored = scoreArticles(root);
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
const drops = dropsBelow(pooled, readFloors(root));
if (drops.length) {
  console.log(`\nbelow the floors of ${FIXTURE_DIR}/floors.json:\n${drops.join('\n')}`);
  process.exitCode = 1;
}
