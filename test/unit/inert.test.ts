import * as assert from 'node:assert';
import MarkdownIt from 'markdown-it';
import { commandLink, commandUri, iconLabelText, jsonText, markdownText, notificationText, terminalText } from '../../src/core/text/inert';

/** The links VS Code makes of a notification's message (vs/base/common/linkedText.ts). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** What VS Code renders as an icon in a label, and its escaped form (vs/base/browser/ui/iconLabel/iconLabels.ts). */
const LABEL_ICON = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z0-9-]+)?)\)/g;

const HOSTILE_NAME = '[Repair sources](command:workbench.action.terminal.new).txt';
const HOSTILE_TEXT = `${HOSTILE_NAME} <img src=x onerror=alert(1)> <b>bold</b> https://evil.example www.evil.example a@evil.example $(terminal) **strong** \`code\` # head\n- item\n> quote\n[ref]: command:workbench.action.quit`;

/** A Markdown renderer with bare-link detection on, as VS Code's (GFM) has. */
const markdown = new MarkdownIt({ html: false, linkify: true });

function links(md: string): string[] {
  return markdown.parseInline(md, {}).flatMap((block) => block.children ?? []).filter((t) => t.type === 'link_open').map((t) => String(t.attrGet('href') ?? ''));
}

function renderedText(md: string): string {
  return markdown.parseInline(md, {}).flatMap((block) => block.children ?? []).filter((t) => t.type === 'text' || t.type === 'softbreak').map((t) => (t.type === 'softbreak' ? '\n' : t.content)).join('');
}

describe('inert text', () => {
  it('Markdown: a file name or source text renders as itself, with no link, tag or icon', () => {
    const md = markdownText(HOSTILE_TEXT);
    assert.deepStrictEqual(links(md), []);
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    assert.ok(!/<(a|img|b|code|h1|li|blockquote)\b/.test(html), html);
    assert.strictEqual(renderedText(md), HOSTILE_TEXT);
    assert.ok(!/(^|[^\\])\$\(/.test(md), 'no unescaped $( for a renderer with theme icons on');
  });

  it('a command link keeps a path with ) ( % ] and spaces whole, and is the only link', () => {
    const path = '/ws/sources/a) [x](command:evil) 100%41 (b).txt';
    const md = `See ${markdownText(path)}: ${commandLink('Open source', 'policyMemo.openCitation', [path, 3, 9])}`;
    const hrefs = links(md);
    assert.strictEqual(hrefs.length, 1, md);
    const [command, query] = hrefs[0].split('?');
    assert.strictEqual(command, 'command:policyMemo.openCitation');
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(query)), [path, 3, 9]);
    // VS Code decodes the query once when it parses the URI and once more before JSON.parse.
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(decodeURIComponent(query))), [path, 3, 9]);
    assert.strictEqual(hrefs[0], commandUri('policyMemo.openCitation', [path, 3, 9]));
  });

  it('notifications: bracket links from a file name are not links, and read the same', () => {
    const text = `Policy Memo: source sources/${HOSTILE_NAME} is empty. See [site](https://evil.example) or [f](file:///etc/passwd).`;
    assert.strictEqual(text.match(NOTIFICATION_LINK)?.length, 3, 'the pattern finds them in the raw text');
    const inert = notificationText(text);
    assert.strictEqual(inert.match(NOTIFICATION_LINK), null);
    assert.strictEqual(inert.replace(/\u2060/g, ''), text);
  });

  it('labels: $(icon) syntax from a source is escaped, other text left as it is', () => {
    const label = iconLabelText('Ann $(terminal) Lee $(sync~spin) paid $(5 million) \\$(x)');
    const rendered = [...label.matchAll(LABEL_ICON)].filter((m) => !m[1]);
    assert.deepStrictEqual(rendered, [], label);
    assert.strictEqual(label, 'Ann \\$(terminal) Lee \\$(sync~spin) paid $(5 million) \\\\$(x)');
  });

  it('terminal text: C0 and C1 controls shown as \\xNN, tabs and line breaks as spaces, other text unchanged', () => {
    const text = 'a\u001b[2Kb\u001b]0;title\u0007c\u001b]8;;https://evil.example\u001b\\d\u009b2J\u007fe\tf\ng\r\u00e9\u201c\u2014';
    const shown = terminalText(text);
    assert.strictEqual(shown, 'a\\x1b[2Kb\\x1b]0;title\\x07c\\x1b]8;;https://evil.example\\x1b\\d\\x9b2J\\x7fe f g \u00e9\u201c\u2014');
    assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(shown));
  });

  it('JSON: the same value, with no raw control character in the text', () => {
    const value = { text: 'a\u001b]0;t\u0007 \u009b2J \u007f \u0085 \u00a0ok', n: 1 };
    const json = jsonText(value, 2);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(json), json);
    assert.deepStrictEqual(JSON.parse(json), value);
  });
});
