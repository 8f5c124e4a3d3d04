/**
 * Long memos (issue 9): what a limit keeps from being checked is said in a finding of its own; a long paragraph is
 * checked in pieces; a long memo is parsed in chunks; and a check in the editor runs in slices it can abandon.
 */
import * as assert from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { main } from '../../src/cli/main';
import { checkMemo, checkMemoSliced, parseAndCheckSliced } from '../../src/core/checking/check';
import { LIMIT_LONG_LINE, LIMIT_LONG_RUN, MAX_BLOCK_CHARS, MAX_BLOCK_TOKENS, MAX_LINE_CHARS, parseMemo, tokenEstimate } from '../../src/core/memo/memo';
import { LineIndex } from '../../src/core/text/offsets';
import { extractFile, SAMPLE_PATH } from './fixtures';

const sample = () => [extractFile(SAMPLE_PATH)];
const CLAIM = 'About 3,500 American troops remain in Iraq, officials said.';

describe('limits of a memo check', function () {
  this.timeout(60000);

  it('a line of 1.5 MB without a space is not checked, and a limit finding (not a conflict) says so', () => {
    const memo = `${CLAIM}\n\n${'-'.repeat(1_500_000)}a\n\nNote. ${'='.repeat(5000)} ${CLAIM}\n`;
    const findings = checkMemo(parseMemo(memo), sample());
    const limits = findings.filter((f) => f.code === LIMIT_LONG_RUN);
    assert.deepStrictEqual(limits.map((f) => [f.message, f.severity]), [
      ['line 3 is 1.5 MB without a space: not checked (limit 1,000 characters)', 'information'],
      ['line 5 has a run of 5,000 characters without a space: not checked (limit 1,000 characters)', 'information'],
    ]);
    assert.strictEqual(limits[0].span.end - limits[0].span.start, 1_500_001);
    // The claims around the runs are checked as ever.
    assert.strictEqual(findings.filter((f) => f.code === 'conflict/number').length, 2);
    // memo-check-disable silences a limit finding like any other.
    const disabled = checkMemo(parseMemo(`<!-- memo-check-disable-next-line -->\n${'#'.repeat(3000)} x\n`), sample());
    assert.deepStrictEqual(disabled, []);
  });

  it('a line longer than MAX_LINE_CHARS is not checked, and a limit finding says so', () => {
    const line = Array.from({ length: Math.ceil((MAX_LINE_CHARS + 1) / (CLAIM.length + 1)) }, () => CLAIM).join(' ');
    const findings = checkMemo(parseMemo(`${CLAIM}\n\n${line}\n\n${CLAIM}\n`), sample());
    assert.deepStrictEqual(findings.filter((f) => f.code.startsWith('limit/')).map((f) => [f.code, f.message]), [
      [LIMIT_LONG_LINE, `line 3 is ${(line.length / 1e6).toFixed(1)} MB long: not checked (limit 2.0 MB a line)`],
    ]);
    assert.strictEqual(findings.filter((f) => f.code === 'conflict/number').length, 2, 'the lines around it are checked');
  });

  it('the line index built in steps is the index built at once', () => {
    const text = 'a\r\nb\rc\n\nd'.repeat(300_000);
    const steps = LineIndex.building(text);
    let step = steps.next();
    let count = 0;
    while (!step.done) {
      count++;
      step = steps.next();
    }
    assert.ok(count > 1);
    const whole = new LineIndex(text);
    assert.strictEqual(step.value.lineCount, whole.lineCount);
    for (let line = 0; line < whole.lineCount; line += 997) assert.strictEqual(step.value.offsetAt({ line, character: 0 }), whole.offsetAt({ line, character: 0 }));
  });

  it('memo-check: a limit finding alone exits 0 (it is not a conflict) and is in the JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memo-check-limit-'));
    writeFileSync(join(dir, 'memo.md'), `Intro.\n\n${'a-'.repeat(20_000)}\n`);
    let out = '';
    const code = await main(['--format', 'json', 'memo.md'], { out: (t) => { out += t; }, err: () => undefined, cwd: dir });
    assert.strictEqual(code, 0);
    const diagnostics = JSON.parse(out).files[0].diagnostics;
    assert.deepStrictEqual(diagnostics.map((d: { code: string; range: { start: { line: number } } }) => [d.code, d.range.start.line]), [[LIMIT_LONG_RUN, 2]]);
  });

  it('a base64 blob or a data URL is no prose: no finding, no limit', () => {
    const blob = `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk'.repeat(200)}=`;
    assert.deepStrictEqual(checkMemo(parseMemo(`${blob}\n\nLogo: data:image/png;base64,${blob}\n`), sample()), []);
  });

  it('a paragraph of 100 claims on one line is checked in pieces, each claim as on its own', () => {
    const line = Array.from({ length: 100 }, () => CLAIM).join(' ');
    assert.ok(line.length > MAX_BLOCK_CHARS || tokenEstimate(line) > MAX_BLOCK_TOKENS);
    const memo = parseMemo(`${line}\n`);
    assert.ok(memo.blocks.length > 1);
    for (const b of memo.blocks) {
      assert.ok(b.prose.length <= MAX_BLOCK_CHARS && tokenEstimate(b.prose) <= MAX_BLOCK_TOKENS);
      // Cut between sentences: each piece starts a claim.
      assert.ok(b.prose.startsWith('About'), b.prose.slice(0, 20));
    }
    const numbers = checkMemo(memo, sample()).filter((f) => f.code === 'conflict/number');
    assert.strictEqual(numbers.length, 100);
    assert.deepStrictEqual(new Set(numbers.map((f) => line.slice(f.span.start, f.span.end))), new Set(['3,500']));
  });

  it('pieces are cut outside quotes, even where a quote holds sentence ends', () => {
    const unit = '\u201cWe stay. We will not leave. Never,\u201d said Anna Berg. ';
    const memo = parseMemo(`${unit.repeat(400)}\n`);
    assert.ok(memo.blocks.length > 1);
    for (const b of memo.blocks) {
      assert.strictEqual(b.prose.split('\u201c').length, b.prose.split('\u201d').length, b.prose.slice(0, 40));
      assert.ok(b.prose.startsWith('\u201cWe stay.'), b.prose.slice(0, 20));
    }
  });

  it('a long memo is parsed in chunks into the blocks a parse of the whole finds', () => {
    const parts: string[] = [];
    for (let i = 0; parts.join('').length < 600_000; i++) {
      parts.push(`## Section ${i}\n\n${CLAIM} ${i}\n\n- item ${i}\n\n  continued item ${i}\n\n`);
      // Long enough that chunks would often be cut inside them, were fences and comments not followed.
      if (i % 7 === 0) parts.push(`\`\`\`\ncode\n\n${'Still code at the margin\n\n'.repeat(400)}\`\`\`\n\n`);
      if (i % 11 === 0) parts.push(`<!--\n\n${'A comment at the margin\n\n'.repeat(400)}-->\n\n`);
      if (i % 13 === 0) parts.push('| a | b |\n| --- | --- |\n| 1 | 2 |\n\n> quoted\n\nlazy\nparagraph\n\n    indented code\n\n');
    }
    const text = parts.join('');
    const markdown = new MarkdownIt({ html: true, linkify: false });
    let inTable = 0;
    const expected: number[] = [];
    for (const token of markdown.parse(text, {})) {
      if (token.type === 'table_open') inTable++;
      if (token.type === 'table_close') inTable--;
      if ((token.type === 'paragraph_open' || token.type === 'heading_open' || (inTable > 0 && token.type === 'tr_open')) && token.map) expected.push(token.map[0]);
    }
    const memo = parseMemo(text);
    const found = memo.blocks.map((b) => memo.lines.positionAt(b.start).line);
    // Table rows whose cells mask to nothing ("| --- |") are no block: compare the lines found with the whole parse's.
    assert.ok(found.length > 100);
    assert.deepStrictEqual(found.filter((line) => !expected.includes(line)), []);
    assert.deepStrictEqual(expected.filter((line) => !found.includes(line) && !/^\| ---/.test(text.split('\n')[line])), []);
  });
});

describe('a memo that is one table of thousands of rows', () => {
  it('is parsed in chunks cut between rows, and every row is read', () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `| Region ${i} | ${i} percent |`);
    const text = `| Region | Share |\n| --- | --- |\n${rows.join('\n')}\n`;
    const memo = parseMemo(text);
    const prose = memo.blocks.map((b) => b.prose).join('\n');
    assert.ok(prose.includes('Region 11999'), 'the last row is read');
    assert.ok(prose.includes('Region 6000'), 'a row after a cut is read');
  });
});

describe('a sliced check (the editor\'s)', function () {
  this.timeout(60000);
  const memoText = Array.from({ length: 60 }, (_, i) => `${CLAIM} The Dutch will lead the NATO mission in Iraq from April ${i}.`).join('\n\n') + '\n';

  /** A clock that moves 1 ms each time it is read: a slice of budget B ends after B readings. */
  function fakeClock(): { now: () => number; readings: () => number } {
    let t = 0;
    return { now: () => t++, readings: () => t };
  }

  it('gives the findings of checkMemo, pausing each time its budget is spent', async () => {
    const expected = checkMemo(parseMemo(memoText), sample());
    const clock = fakeClock();
    let pauses = 0;
    const result = await parseAndCheckSliced(memoText, sample(), {}, { budgetMs: 5, now: clock.now, pause: async () => { pauses++; } });
    assert.deepStrictEqual(result?.findings, expected);
    assert.ok(expected.length > 0);
    // Each slice reads the clock at most budget + 1 times (the step that spends the budget ends it).
    assert.ok(pauses >= Math.floor(clock.readings() / 7), `${pauses} pauses for ${clock.readings()} steps`);
    assert.ok(pauses > 10);
  });

  it('abandons the check when a newer edit makes it stale, and does no more work', async () => {
    const clock = fakeClock();
    let pauses = 0;
    let current = true;
    let readingsAtStale = -1;
    const result = await checkMemoSliced(parseMemo(memoText), sample(), {}, {
      budgetMs: 3, now: clock.now, isCurrent: () => current,
      pause: async () => {
        pauses++;
        if (pauses === 2) {
          current = false;
          readingsAtStale = clock.readings();
        }
      },
    });
    assert.strictEqual(result, undefined);
    assert.strictEqual(pauses, 2);
    assert.strictEqual(clock.readings(), readingsAtStale, 'no step after the check went stale');
  });

  it('really lets other work run between slices (setImmediate by default)', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await parseAndCheckSliced(memoText.repeat(4), sample(), {}, { budgetMs: 0 });
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks > 0, 'a timer ran while the check was under way');
  });
});
