/**
 * The memo and source maskers find markup with linear scanners instead of backtracking regular expressions
 * (issue 9): each must blank exactly what its regular expression did. The expressions are kept here as the reference.
 */
import * as assert from 'node:assert';
import fc from 'fast-check';
import { autolinkSpans, bracketLinkSpans, codeSpans, delimitedSpans, footnoteRefSpans, isSpace, tagSpans, untilCharSpans } from '../../src/core/text/markup';
import { maskInline } from '../../src/core/memo/memo';
import { maskMarkdown } from '../../src/core/sources/source';
import type { Span } from '../../src/core/text/offsets';

function regexSpans(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** maskInline as it was, with regular expressions. */
function maskInlineByRegex(line: string): string {
  let masked = line;
  const blank = (pattern: RegExp): void => {
    masked = masked.replace(pattern, (m) => m.replace(/[^\r\n]/g, ' '));
  };
  blank(/`+[^`]*`+/g);
  blank(/<!--[\s\S]*?-->/g);
  blank(/<\/?[A-Za-z][^>]*>/g);
  blank(/!\[[^\]]*\]\([^)]*\)/g);
  blank(/\[\^[^\]\s]+\]/g);
  blank(/\[@[^\]]*\]/g);
  blank(/\([^()\n]{1,80},\s*\u00b6\s*\d+\)/g);
  blank(/\]\([^)]*\)/g);
  blank(/<https?:[^>]*>/g);
  blank(/\bhttps?:\/\/\S+/g);
  masked = masked.replace(/\[(?=[^\]]*\])/g, ' ');
  masked = masked.replace(/(\*\*|__|~~)/g, (m) => ' '.repeat(m.length));
  masked = masked.replace(/(?<=^|[\s(])[*_](?=\S)|(?<=\S)[*_](?=[\s).,;:!?]|$)/g, ' ');
  return masked;
}

/** maskMarkdown (sources) as it was. */
function maskMarkdownByRegex(text: string): string {
  let masked = text;
  const blank = (pattern: RegExp, group = 0): void => {
    masked = masked.replace(pattern, (...args) => {
      const match = args[0] as string;
      if (group === 0) return match.replace(/[^\r\n]/g, ' ');
      const part = args[group] as string | undefined;
      if (!part) return match;
      const at = match.indexOf(part);
      return match.slice(0, at) + part.replace(/[^\r\n]/g, ' ') + match.slice(at + part.length);
    });
  };
  blank(/^```[\s\S]*?^```[^\n]*$/gm);
  blank(/<!--[\s\S]*?-->/g);
  blank(/^(\s{0,3}#{1,6}\s+)/gm, 1);
  blank(/^(\s{0,3}>\s?)/gm, 1);
  blank(/^(\s*(?:[-*+]|\d+[.)])\s+)/gm, 1);
  blank(/!\[[^\]\n]*\]\([^)\n]*\)/g);
  masked = masked.replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, (match: string, label: string) => ' ' + label + ' '.repeat(match.length - label.length - 1));
  blank(/(\*\*|__)(?=\S)/g, 1);
  blank(/(?<=\S)(\*\*|__)/g, 1);
  blank(/(?<=^|[\s(])(\*|_)(?=\S)/gm, 1);
  blank(/(?<=\S)(\*|_)(?=[\s).,;:!?]|$)/gm, 1);
  return masked;
}

/** Lines made of the characters the patterns turn on, so that matches, near-matches and unclosed starts are common. */
const markupPiece = fc.constantFrom('[', ']', '(', ')', '!', '^', '@', '<', '>', '/', '`', '``', '*', '**', '_', '~~', '-', '--', '<!--', '-->', 'a', 'A', 'x1', ' ', '  ', '\t', '\u00a0',
  'http:', 'https:', '<http', 'https://e.org/x', ',', '\u00b6', '7', 'para.', '[@k', '[^k-1]', '](', '![', '<a ', '</b>', 'word');
const line = fc.array(markupPiece, { maxLength: 40 }).map((parts) => parts.join(''));
const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '```\n', '# ', '> ', '- ', '1. ');
const markdownText = fc.array(fc.oneof(markupPiece, lineBreak), { maxLength: 80 }).map((parts) => parts.join(''));

describe('markup scanners (linear) find what their regular expressions found', () => {
  const runs = { numRuns: 3000 };

  it('each scanner, on lines of markup characters', () => {
    fc.assert(fc.property(fc.oneof(line, markdownText), (text) => {
      assert.deepStrictEqual(codeSpans(text), regexSpans(text, /`+[^`]*`+/g), 'code');
      assert.deepStrictEqual(delimitedSpans(text, '<!--', '-->'), regexSpans(text, /<!--[\s\S]*?-->/g), 'comment');
      assert.deepStrictEqual(tagSpans(text), regexSpans(text, /<\/?[A-Za-z][^>]*>/g), 'tag');
      assert.deepStrictEqual(bracketLinkSpans(text, '![', false).map(({ start, end }) => ({ start, end })), regexSpans(text, /!\[[^\]]*\]\([^)]*\)/g), 'image');
      assert.deepStrictEqual(bracketLinkSpans(text, '![', true).map(({ start, end }) => ({ start, end })), regexSpans(text, /!\[[^\]\n]*\]\([^)\n]*\)/g), 'image, one line');
      assert.deepStrictEqual(bracketLinkSpans(text, '[', true).map(({ start, end, label }) => ({ start, end, label })),
        [...text.matchAll(/\[([^\]\n]*)\]\([^)\n]*\)/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, label: { start: (m.index ?? 0) + 1, end: (m.index ?? 0) + 1 + m[1].length } })), 'link');
      assert.deepStrictEqual(footnoteRefSpans(text), regexSpans(text, /\[\^[^\]\s]+\]/g), 'footnote');
      assert.deepStrictEqual(untilCharSpans(text, '[@', ']'), regexSpans(text, /\[@[^\]]*\]/g), 'pandoc');
      assert.deepStrictEqual(untilCharSpans(text, '](', ')'), regexSpans(text, /\]\([^)]*\)/g), 'link target');
      assert.deepStrictEqual(autolinkSpans(text), regexSpans(text, /<https?:[^>]*>/g), 'autolink');
    }), runs);
  });

  it('isSpace is \\s', () => {
    for (let code = 0; code < 0x10000; code++) assert.strictEqual(isSpace(code), /\s/.test(String.fromCharCode(code)), code.toString(16));
  });

  it('the memo masker blanks the same spans as before', () => {
    fc.assert(fc.property(line, (text) => assert.strictEqual(maskInline(text), maskInlineByRegex(text))), runs);
  });

  it('the source masker blanks the same spans as before', () => {
    fc.assert(fc.property(markdownText, (text) => assert.strictEqual(maskMarkdown(text), maskMarkdownByRegex(text))), runs);
  });

  it('lines of unclosed starts ([, [@, <a , [a]() mask as before', () => {
    for (const unit of ['[', '[@', '<a ', '[a](', '![', '[^', '<http:', '<!--', '`', '](']) {
      const text = `Some text ${unit.repeat(3000)} more text] and (a) end`;
      assert.strictEqual(maskInline(text), maskInlineByRegex(text), unit);
      assert.strictEqual(maskMarkdown(`${text}\n${text}`), maskMarkdownByRegex(`${text}\n${text}`), unit);
    }
  });
});
