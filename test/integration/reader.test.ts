import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/vscode/sourcesTree';
import { api, waitFor, workspaceUri } from './helpers';

const LONG_KEY = 'long-article';
const FILLER_PARAGRAPHS = 120;

/** A plain-text article long enough to scroll, with long lines (no wrap: the view scrolled sideways) and a quote deep in it. */
function longArticle(): string {
  const filler = (n: number): string => `The harbour board met again on day ${n} of the dispute and heard the usual reports on cargo, berths, pilots, tugs, the weather at the bar, the dredging schedule and the state of each terminal in turn, at length.`;
  const paragraphs = Array.from({ length: FILLER_PARAGRAPHS }, (_, k) => filler(k + 1));
  paragraphs.splice(80, 0, 'The board said 40 ships were waiting outside the port. \u201cWe are on a knife\u2019s edge with this strike,\u201d said Ingrid Vos, the union\u2019s leader, at the gate.');
  paragraphs.splice(90, 0, '\u201cNothing moves until the board pays what it owes,\u201d said Ingrid Vos.');
  return `${paragraphs.join('\n\n')}\n`;
}

function quoteOf(tree: vscode.TreeDataProvider<TreeNode>, key: string, words: string): TreeNode {
  const root = (tree.getChildren() as TreeNode[]).find((n) => n.kind === 'source' && n.extraction.source.key === key);
  assert.ok(root, `no source ${key}`);
  const quotes = (tree.getChildren(root) as TreeNode[]).find((n) => n.kind === 'group' && n.label === 'Quotes');
  assert.ok(quotes);
  for (const speaker of tree.getChildren(quotes) as TreeNode[]) {
    const found = (tree.getChildren(speaker) as TreeNode[]).find((n) => n.kind === 'passage' && n.passage.text.includes(words));
    if (found) return found;
  }
  assert.fail(`no quote "${words}" in ${key}`);
}

async function revealFromView(tree: vscode.TreeDataProvider<TreeNode>, node: TreeNode): Promise<vscode.TextEditor> {
  const item = await tree.getTreeItem(node);
  assert.strictEqual(item.command?.command, 'policyMemo.reveal');
  await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
  return waitFor('the source editor', () => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.uri.path.endsWith(`${LONG_KEY}.txt`) ? e : undefined;
  });
}

describe('Reading a source', () => {
  it('a source opened from the view is wrapped, the passage centred, selected and highlighted, its quotes and figures marked', async () => {
    const { sources, tree, reader } = await api();
    await vscode.workspace.fs.writeFile(workspaceUri('sources', `${LONG_KEY}.txt`), new TextEncoder().encode(longArticle()));
    try {
      await waitFor('the long article', () => sources.sources.some((x) => x.source.key === LONG_KEY));
      const editor = await revealFromView(tree, quoteOf(tree, LONG_KEY, 'knife'));
      // The go-to-source range as before: exactly the quoted words.
      assert.strictEqual(editor.document.getText(editor.selection), 'We are on a knife\u2019s edge with this strike');
      // Wrapped: the language whose settings turn word wrap on for it (package.json configurationDefaults).
      assert.strictEqual(editor.document.languageId, 'policy-memo-source');
      assert.strictEqual(vscode.workspace.getConfiguration('editor', editor.document).get('wordWrap'), 'on');
      // Centred: the passage's line in the middle of the visible lines.
      const line = editor.selection.start.line;
      const visible = await waitFor('the view scrolled to the passage', () => {
        const v = editor.visibleRanges[0];
        return v && v.start.line <= line && line <= v.end.line ? v : undefined;
      });
      const middle = (visible.start.line + visible.end.line) / 2;
      assert.ok(Math.abs(middle - line) <= Math.max(2, (visible.end.line - visible.start.line) / 4), `line ${line} not centred in ${visible.start.line}-${visible.end.line}`);
      const painted = reader.marksOf(editor.document.uri);
      assert.ok(painted, 'the reader painted the source');
      assert.ok(painted.passage?.isEqual(editor.selection), 'the passage is highlighted');
      const marked = painted.marks.map((m) => `${m.kind} ${editor.document.getText(m.range)} | ${m.hover.split('\n')[0]}`);
      assert.ok(marked.includes('quote We are on a knife\u2019s edge with this strike | Quote: Ingrid Vos'), marked.join('\n'));
      assert.ok(marked.includes('quote Nothing moves until the board pays what it owes | Quote: Ingrid Vos'), marked.join('\n'));
      assert.ok(marked.includes('figure 40 | Figure: 40 \u2014 counts: ship'), marked.join('\n'));

      // Another passage: the highlight moves to it, the first one's is cleared.
      const second = await revealFromView(tree, quoteOf(tree, LONG_KEY, 'Nothing moves'));
      assert.strictEqual(second.document.getText(second.selection), 'Nothing moves until the board pays what it owes');
      assert.ok(reader.marksOf(second.document.uri)?.passage?.isEqual(second.selection), 'only the new passage is highlighted');

      // A citation's "Open source" link opens it the same way, at the exact range it names.
      const x = sources.loaded(vscode.Uri.joinPath(workspaceUri('sources'), `${LONG_KEY}.txt`).fsPath);
      assert.ok(x);
      const start = x.source.text.indexOf('40 ships');
      await vscode.commands.executeCommand('policyMemo.openCitation', x.source.path, start, start + '40 ships'.length);
      const cited = await waitFor('the cited passage', () => vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection) === '40 ships' && vscode.window.activeTextEditor);
      assert.ok(reader.marksOf(cited.document.uri)?.passage?.isEqual(cited.selection));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(workspaceUri('sources'), { recursive: true });
      await waitFor('the sample back', () => sources.usingSample);
    }
  });
});
