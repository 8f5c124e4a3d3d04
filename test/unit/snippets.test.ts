import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMemo } from '../../src/core/checking/check';
import { citationEdit, parseCitations, resolveCitation, type CitationStyle } from '../../src/core/citing/citation';
import { choicePlaceholder, citationSnippets, escapeChoice, type CitationSnippet } from '../../src/core/citing/snippets';
import { parseMemo } from '../../src/core/memo/memo';
import { article, extractFile, ROOT, SAMPLE_PATH } from './fixtures';

const sample = () => extractFile(SAMPLE_PATH);
const oped = () => extractFile(article('op-ed.md'));

/**
 * What VS Code inserts for a snippet body, read independently of the code that wrote it: each `${n|…|}` gives the
 * choice `pick(choices)`, each `${n:default}` its default, `$n` nothing, and `\x` the character x.
 */
function expand(body: string, pick: (choices: string[]) => string = (c) => c[0]): string {
  let out = '';
  let k = 0;
  const readUntil = (stops: string): [string, string] => {
    let text = '';
    while (k < body.length && !stops.includes(body[k])) {
      if (body[k] === '\\') k++;
      text += body[k++];
    }
    return [text, body[k++]];
  };
  while (k < body.length) {
    if (body[k] === '\\') {
      out += body[k + 1];
      k += 2;
    } else if (/^\$\{\d+\|/.test(body.slice(k))) {
      k = body.indexOf('|', k) + 1;
      const choices: string[] = [];
      for (;;) {
        const [text, stop] = readUntil(',|');
        choices.push(text);
        if (stop === '|') break;
      }
      assert.strictEqual(body[k], '}', 'a choice placeholder closes with |}');
      k++;
      out += pick(choices);
    } else if (/^\$\{\d+:/.test(body.slice(k))) {
      k = body.indexOf(':', k) + 1;
      out += readUntil('}')[0];
    } else if (/^\$\d+/.test(body.slice(k))) {
      k += /^\$\d+/.exec(body.slice(k))![0].length;
    } else {
      out += body[k++];
    }
  }
  return out;
}

/** The memo a snippet leaves, with the choice taken: for a footnote, the definition citationEdit gives it at the end. */
function memoLeft(snippet: CitationSnippet, style: CitationStyle, choice: number): string {
  const text = `Draft: ${expand(snippet.body, (c) => c[choice])}\n`;
  const { paragraph, at } = snippet.choices[choice];
  const { appendAtEnd } = citationEdit(text, snippet.source, paragraph, style, { at });
  return `${text}${appendAtEnd ?? ''}`;
}

describe('citing snippets', () => {
  it('escapes the characters snippet syntax reads in a choice, so that each choice is offered as written', () => {
    const hostile = ['NZ$4.2bn, up', 'a|b', 'x}y', 'back\\slash', '${1:no}', 'plain'];
    assert.strictEqual(escapeChoice('NZ$4.2bn, up | x}\\'), 'NZ\\$4.2bn\\, up \\| x\\}\\\\');
    const offered: string[][] = [];
    expand(`${choicePlaceholder(1, hostile)}$0`, (c) => (offered.push(c), c[0]));
    assert.deepStrictEqual(offered, [hostile]);
  });

  for (const style of ['inline', 'footnote', 'pandoc'] as const) {
    it(`leave a citation of a real source that holds the passage (${style}), first choice and every other`, () => {
      const sources = [sample(), oped()];
      const snippets = citationSnippets(sources, style);
      assert.deepStrictEqual(snippets.map((s) => `${s.kind} ${s.source.key}`), ['cite-quote rutte-sudani-the-hague', 'cite-quote okafor-car-parks', 'cite-fact rutte-sudani-the-hague', 'cite-fact okafor-car-parks']);
      for (const snippet of snippets) {
        for (let choice = 0; choice < snippet.choices.length; choice++) {
          const memo = memoLeft(snippet, style, choice);
          const marks = parseCitations(memo.split('\n')[0]);
          assert.strictEqual(marks.length, 1, memo);
          assert.strictEqual(resolveCitation(marks[0], sources)?.source.key, snippet.source.key, memo);
          // Not unknown, not stale, no misquote or wrong speaker: the checker has nothing to say of it.
          const findings = checkMemo(parseMemo(memo), sources).filter((f) => f.code.startsWith('citation/') || f.code === 'conflict/quote' || f.code === 'conflict/attribution');
          assert.deepStrictEqual(findings.map((f) => `${f.code}: ${memo.slice(f.span.start, f.span.end)}`), [], memo);
        }
      }
      const first = expand(snippets[0].body);
      if (style === 'inline') assert.match(first, /^.+ said: \u201c.+\u201d \(rutte-sudani-the-hague, \u00b6\d+\)$/);
      if (style === 'footnote') assert.match(first, /\u201d \[\^rutte-sudani-the-hague-\d+\]$/);
      if (style === 'pandoc') assert.match(first, /\u201d \[@rutte-sudani-the-hague, para\. \d+\]$/);
    });
  }

  it('the footnote definition of the first choice goes to the end of the memo, a blank line below the prose', () => {
    const [snippet] = citationSnippets([sample()], 'footnote');
    const memo = memoLeft(snippet, 'footnote', 0);
    assert.match(memo, /^Draft: .+ \[\^rutte-sudani-the-hague-(\d+)\]\n\n\[\^rutte-sudani-the-hague-\1\]: .+\n$/);
  });

  it('the static snippets leave no citation behind (what they left named no source)', () => {
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'markdown.json'), 'utf8')) as Record<string, { body: string | string[] }>;
    assert.ok(Object.keys(snippets).length > 0);
    for (const [name, { body }] of Object.entries(snippets)) {
      const text = expand(Array.isArray(body) ? body.join('\n') : body);
      assert.deepStrictEqual(parseCitations(text), [], `${name}: ${text}`);
    }
  });
});
