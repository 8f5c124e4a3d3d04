import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMemo } from '../../src/core/checking/check';
import { parseMemo } from '../../src/core/memo/memo';
import { article, extractFile, ROOT } from './fixtures';

interface LabelledClaim {
  id: string;
  claim: string;
  label: 'conflict' | 'supported' | 'unverifiable';
}

/** Our own labelled claims on our own articles (the shape of the evaluation sets): a guard against regressions. */
const SETS: [string, string][] = [['wire-report.jsonl', 'wire-report.txt'], ['interview.jsonl', 'interview.txt'], ['op-ed.jsonl', 'op-ed.md'], ['economy-brief.jsonl', 'economy-brief.md'], ['science-report.jsonl', 'science-report.txt'], ['politics-report.jsonl', 'politics-report.txt']];
const MIN_RECALL = 0.85;
const MIN_PRECISION = 0.95;

describe('labelled claims on our own articles', () => {
  for (const [claimsFile, articleFile] of SETS) {
    it(`${claimsFile}: recall >= ${MIN_RECALL}, precision >= ${MIN_PRECISION}`, () => {
      const claims: LabelledClaim[] = readFileSync(join(ROOT, 'test', 'fixtures', 'claims', claimsFile), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
      const memo = claims.map((c) => c.claim).join('\n\n') + '\n';
      const parsed = parseMemo(memo);
      const flagged = new Set(checkMemo(parsed, [extractFile(article(articleFile))]).filter((f) => f.code.startsWith('conflict/')).map((f) => parsed.lines.positionAt(f.span.start).line / 2));
      const conflicts = claims.filter((c) => c.label === 'conflict');
      const caught = conflicts.filter((c) => flagged.has(claims.indexOf(c)));
      const falseAlarms = claims.filter((c, i) => c.label !== 'conflict' && flagged.has(i));
      const recall = caught.length / conflicts.length;
      const precision = caught.length / Math.max(1, caught.length + falseAlarms.length);
      assert.ok(recall >= MIN_RECALL, `recall ${recall.toFixed(2)}; missed ${conflicts.filter((c) => !caught.includes(c)).map((c) => c.id).join(' ')}`);
      assert.ok(precision >= MIN_PRECISION, `precision ${precision.toFixed(2)}; false alarms ${falseAlarms.map((c) => c.id).join(' ')}`);
    });
  }
});
