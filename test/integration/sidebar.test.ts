import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/vscode/sourcesTree';
import { api, codeOf, openMemo, waitFor, workspaceUri, EXTENSION_ID } from './helpers';

function groupChildren(tree: vscode.TreeDataProvider<TreeNode>, node: TreeNode, label: string): TreeNode[] {
  const children = tree.getChildren(node) as TreeNode[];
  const group = children.find((c) => c.kind === 'group' && c.label === label);
  assert.ok(group, `no "${label}" group under ${node.kind}`);
  return tree.getChildren(group) as TreeNode[];
}

/** The first quote of a speaker of the first source in the tree. */
function firstQuoteOf(tree: vscode.TreeDataProvider<TreeNode>, speaker: string): TreeNode {
  const root = (tree.getChildren() as TreeNode[])[0];
  const speakerGroup = groupChildren(tree, root, 'Quotes').find((n) => n.kind === 'group' && n.label === speaker);
  assert.ok(speakerGroup, `no quotes of ${speaker}`);
  const quote = (tree.getChildren(speakerGroup) as TreeNode[])[0];
  assert.ok(quote, `no quote under ${speaker}`);
  return quote;
}

describe('Sidebar', () => {
  it('activates on a Markdown memo', async () => {
    await openMemo('memo.md');
    await waitFor('activation', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  it('lists the sample article with its quotes by speaker', async () => {
    const { tree, sources } = await api();
    assert.strictEqual(sources.usingSample, true, 'with no sources/ the bundled sample is used');
    const roots = tree.getChildren() as TreeNode[];
    assert.deepStrictEqual(roots.map((r) => r.kind), ['source', 'action'], 'the sample, then "Add source…"');
    const root = roots[0];
    assert.ok(root.kind === 'source' && root.extraction.source.isSample);
    const item = tree.getTreeItem(root) as vscode.TreeItem;
    assert.match(String(item.description), /^sample/);
    const speakers = groupChildren(tree, root, 'Quotes').map((n) => (n.kind === 'group' ? n.label : ''));
    for (const expected of ['Mark Rutte', 'Jeannine Plasschaert', 'Fuad Hussein', 'Nechirvan Barzani', 'Defense', 'No speaker (scare quotes)']) {
      assert.ok(speakers.includes(expected), `speaker ${expected} missing from ${speakers.join(', ')}`);
    }
    const facts = groupChildren(tree, root, 'Facts').map((n) => (n.kind === 'group' ? n.label : ''));
    assert.deepStrictEqual(facts, ['Numbers', 'Dates', 'People', 'Organisations', 'Places', 'Other names']);
  });

  it('clicking a quote reveals the passage in the source', async () => {
    const { tree } = await api();
    const quote = firstQuoteOf(tree, 'Jeannine Plasschaert');
    const item = tree.getTreeItem(quote) as vscode.TreeItem;
    assert.strictEqual(item.command?.command, 'policyMemo.reveal');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor('the source editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith('rutte-sudani-the-hague.txt') ? e : undefined;
    });
    assert.strictEqual(editor.document.getText(editor.selection), 'on a knife\u2019s edge');
  });

  it('"Insert into memo" inserts the quote with its citation at the cursor', async () => {
    const { tree } = await api();
    const editor = await openMemo('insert-target.md', '# Draft\n\n');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    const quote = firstQuoteOf(tree, 'Fuad Hussein');
    const inserted = await vscode.commands.executeCommand<boolean>('policyMemo.insert', quote);
    assert.strictEqual(inserted, true);
    const text = editor.document.getText();
    assert.match(text, /^# Draft\n\nFuad Hussein said: \u201cThe majority of Iraqi people do not want/);
    assert.match(text, /\(rutte-sudani-the-hague, \u00b69\)$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Insert into memo" mid-sentence inserts the quoted words and citation, without "X said:"', async () => {
    const { tree } = await api();
    const editor = await openMemo('insert-mid.md', 'Baghdad warned that \n');
    editor.selection = new vscode.Selection(0, 20, 0, 20);
    const quote = firstQuoteOf(tree, 'Fuad Hussein');
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('policyMemo.insert', quote), true);
    assert.match(editor.document.lineAt(0).text, /^Baghdad warned that \u201cThe majority of Iraqi people .*\(rutte-sudani-the-hague, \u00b69\)$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('in footnote style, "Insert into memo" after the definitions puts the quote above them and its definition in their block', async () => {
    const { tree } = await api();
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('citationStyle', 'footnote', vscode.ConfigurationTarget.Workspace);
    try {
      const memo = 'Text [^a].\n\n[^a]: A note.\n';
      const editor = await openMemo('insert-footnote.md', memo);
      editor.selection = new vscode.Selection(3, 0, 3, 0);
      const quote = firstQuoteOf(tree, 'Fuad Hussein');
      await waitFor('the footnote style in effect', async () => {
        await vscode.commands.executeCommand<boolean>('policyMemo.insert', quote);
        if (editor.document.getText().includes(']: ')) return editor.document.getText().split('\n').some((l) => /^\[\^rutte/.test(l));
        return false;
      });
      const lines = editor.document.getText().split('\n');
      assert.match(lines[2], /^Fuad Hussein said: .*\[\^rutte-sudani-the-hague-9\]$/, lines.join('\n'));
      assert.strictEqual(lines[3], '');
      assert.strictEqual(lines[4], '[^a]: A note.');
      assert.match(lines[5], /^\[\^rutte-sudani-the-hague-9\]: /);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('"Copy citation" puts the quote and its citation on the clipboard', async () => {
    const { tree } = await api();
    const quote = firstQuoteOf(tree, 'Defense');
    await vscode.commands.executeCommand('policyMemo.copyCitation', quote);
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /^Defense said: \u201cas analytically strong, energetic, and driven/);
    assert.match(copied, /\(rutte-sudani-the-hague, \u00b623\)$/);
  });

  it('"Copy citation" in footnote style copies the mark and its definition', async () => {
    const { tree } = await api();
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('citationStyle', 'footnote', vscode.ConfigurationTarget.Workspace);
    try {
      const quote = firstQuoteOf(tree, 'Defense');
      await waitFor('the footnote style in effect', async () => {
        await vscode.commands.executeCommand('policyMemo.copyCitation', quote);
        return (await vscode.env.clipboard.readText()).includes(']:');
      });
      const copied = await vscode.env.clipboard.readText();
      const mark = /\[\^([^\]]+)\]/.exec(copied.split('\n')[0]);
      assert.ok(mark, `no footnote mark in ${copied}`);
      assert.match(copied, new RegExp(`\\n\\n\\[\\^${mark[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]: `), copied);
    } finally {
      await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a memo\u2019s front matter sources appear in the tree', async () => {
    const { sources } = await api();
    await vscode.workspace.fs.writeFile(workspaceUri('refs', 'budget.md'), new TextEncoder().encode('---\ntitle: Budget note\nid: budget-note\n---\n\nThe council approved 12 new schools in 2021.\n'));
    await openMemo('fm-memo.md', '---\nsources: [refs/budget.md]\n---\n\nThe council approved 12 new schools.\n');
    await waitFor('the front-matter source in the index', () => sources.sources.some((x) => x.source.key === 'budget-note'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(workspaceUri('refs'), { recursive: true });
    await vscode.workspace.fs.delete(workspaceUri('fm-memo.md'));
    await sources.refresh();
  });

  it('a new file in sources/ appears in the tree without reload', async () => {
    const { tree, sources } = await api();
    const article = 'Minister Anna Berg said on Tuesday that 40 schools would reopen in March 2025.\n\n\u201cWe will not wait any longer,\u201d Berg told reporters.\n';
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'schools.txt'), new TextEncoder().encode(article));
    await waitFor('the new source in the tree', () => sources.sources.some((x) => x.source.key === 'schools'));
    const roots = tree.getChildren() as TreeNode[];
    assert.ok(roots.some((r) => r.kind === 'source' && r.extraction.source.key === 'schools'));
    assert.ok(!roots.some((r) => r.kind === 'source' && r.extraction.source.isSample), 'the sample gives way to real sources');
    const schools = roots.find((r) => r.kind === 'source' && r.extraction.source.key === 'schools');
    assert.ok(schools && schools.kind === 'source');
    assert.strictEqual(schools.extraction.quotes[0]?.speaker, 'Anna Berg');
    await vscode.workspace.fs.delete(workspaceUri('sources'), { recursive: true });
    await waitFor('the sample back after the source is deleted', () => sources.usingSample);
  });
});

describe('Walkthrough', () => {
  it('"Open Sample Memo" opens an unsaved copy of the sample memo, checked against the sample', async () => {
    await api();
    await vscode.commands.executeCommand('policyMemo.openSampleMemo');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.isUntitled && editor.document.languageId === 'markdown', `opened ${editor?.document.uri.toString()}`);
    assert.match(editor.document.getText(), /^# Memo: the NATO mission in Iraq/);
    await waitFor('conflicts on the sample memo', () => vscode.languages.getDiagnostics(editor.document.uri).some((d) => String(codeOf(d)).startsWith('conflict/')));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
