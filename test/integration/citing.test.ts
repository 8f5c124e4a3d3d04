import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, codeOf, openMemo, waitFor, workspaceUri } from './helpers';

const SAMPLE_KEY = 'rutte-sudani-the-hague';

function hoverMarkdown(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

/** The hover as a reader sees it: escapes undone. */
function hoverText(hovers: vscode.Hover[]): string {
  return hoverMarkdown(hovers).replace(/\*\*/g, '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('Citing', () => {
  it('typing the trigger lists cited quotes; accepting one inserts the quote, speaker and citation', async () => {
    await api();
    const editor = await openMemo('cite.md', 'Draft: @@knife');
    const end = editor.document.lineAt(0).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, '@');
    const item = list.items.find((i) => typeof i.label !== 'string' && i.label.label.includes('on a knife'));
    assert.ok(item, `no knife quote among ${list.items.length} items`);
    assert.ok(item.insertText instanceof vscode.SnippetString && item.range instanceof vscode.Range);
    await editor.insertSnippet(item.insertText, item.range);
    assert.strictEqual(editor.document.lineAt(0).text, `Draft: Jeannine Plasschaert said: \u201con a knife\u2019s edge\u201d (${SAMPLE_KEY}, \u00b65)`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('mid-sentence, accepting a quote inserts the quoted words and citation, and the cursor ends after them', async () => {
    await api();
    const editor = await openMemo('cite-mid.md', 'The situation is @@knife');
    const end = editor.document.lineAt(0).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, '@');
    const item = list.items.find((i) => typeof i.label !== 'string' && i.label.label.includes('on a knife'));
    assert.ok(item && item.insertText instanceof vscode.SnippetString && item.range instanceof vscode.Range);
    await editor.insertSnippet(item.insertText, item.range);
    const line = `The situation is \u201con a knife\u2019s edge\u201d (${SAMPLE_KEY}, \u00b65)`;
    assert.strictEqual(editor.document.lineAt(0).text, line);
    assert.ok(editor.selection.isEmpty && editor.selection.active.character === line.length, 'nothing is left selected for the next keystroke to replace');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('in footnote style, accepting on the last line replaces the trigger and starts the definitions a blank line below', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('citationStyle', 'footnote', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openMemo('cite-footnote.md', 'Draft: @@knife');
      const end = editor.document.lineAt(0).range.end;
      const item = await waitFor('a footnote item', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, '@');
        const found = list.items.find((i) => typeof i.label !== 'string' && i.label.label.includes('on a knife'));
        return found && found.insertText instanceof vscode.SnippetString && found.insertText.value.includes(']: ') ? found : undefined;
      });
      assert.ok(item.insertText instanceof vscode.SnippetString && item.range instanceof vscode.Range);
      await editor.insertSnippet(item.insertText, item.range);
      if (item.additionalTextEdits?.length) throw new Error('no separate edit at the cursor\u2019s place');
      const text = editor.document.getText();
      assert.ok(!text.includes('@@'), text);
      assert.match(text, new RegExp(`^Draft: Jeannine Plasschaert said: \u201con a knife\u2019s edge\u201d \\[\\^${SAMPLE_KEY}-5\\]\\n\\n\\[\\^${SAMPLE_KEY}-5\\]: .*\\n$`), text);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  /**
   * Types nothing: asks the real suggest widget for the items at the cursor (after "cite-q") and accepts the first,
   * as Enter would, with its additional edits; resolves once the memo changed.
   */
  async function acceptFirstSuggestion(editor: vscode.TextEditor): Promise<void> {
    const before = editor.document.getText();
    await waitFor('the suggestion accepted', async () => {
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((r) => setTimeout(r, 700));
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return editor.document.getText() !== before;
    }, 30000);
    // Leave the snippet's choice list: the first choice stays.
    await vscode.commands.executeCommand('leaveSnippet');
  }

  async function citationCodes(editor: vscode.TextEditor): Promise<string[]> {
    const { diagnostics } = await api();
    // A check of the memo as it is now, and its diagnostics once published.
    let checked = false;
    const listener = diagnostics.onDidCheck((uri) => { checked ||= uri.toString() === editor.document.uri.toString(); });
    try {
      void diagnostics.check(editor.document);
      await waitFor('a check of the memo', () => checked);
    } finally {
      listener.dispose();
    }
    return vscode.languages.getDiagnostics(editor.document.uri).map((d) => String(codeOf(d))).filter((c) => c.startsWith('citation/'));
  }

  it('the cite-quote snippet offers the sources\' quotes with their citations and leaves a valid citation', async () => {
    await api();
    const editor = await openMemo('snippet.md', 'Draft: cite-q');
    const end = editor.document.lineAt(0).range.end;
    editor.selection = new vscode.Selection(end, end);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end);
    const item = list.items.find((i) => typeof i.label !== 'string' && i.label.label === 'cite-quote');
    assert.ok(item && item.kind === vscode.CompletionItemKind.Snippet && item.insertText instanceof vscode.SnippetString, `no cite-quote snippet among ${list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`);
    assert.match(item.insertText.value, /^\$\{1\|.*on a knife\u2019s edge\u201d \(rutte-sudani-the-hague\\, \u00b65\),/, 'the quotes are choices, each with its citation');
    await acceptFirstSuggestion(editor);
    const line = editor.document.lineAt(0).text;
    assert.match(line, new RegExp(`^Draft: Mark Rutte said: \u201c.+\u201d \\(${SAMPLE_KEY}, \u00b63\\)$`), line);
    assert.deepStrictEqual(await citationCodes(editor), [], editor.document.getText());
    // What the static snippets left: the checker calls it unknown (so the empty list above is a check that ran).
    await editor.edit((e) => e.insert(editor.document.lineAt(0).range.end, ' More (Outlet, \u00b61).'));
    assert.deepStrictEqual(await citationCodes(editor), ['citation/unknown']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('in footnote style, the cite-fact snippet leaves the mark at the cursor and its definition in the block at the end', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('citationStyle', 'footnote', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openMemo('snippet-footnote.md', 'Draft: cite-f\n\nMore prose.\n');
      editor.selection = new vscode.Selection(0, 13, 0, 13);
      await waitFor('footnote marks in the snippet', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 13));
        const item = list.items.find((i) => typeof i.label !== 'string' && i.label.label === 'cite-fact');
        return item?.insertText instanceof vscode.SnippetString && item.insertText.value.includes('[^');
      });
      await acceptFirstSuggestion(editor);
      const text = editor.document.getText();
      assert.match(text, new RegExp(`^Draft: What Rutte and Sudani discussed in The Hague \\[\\^${SAMPLE_KEY}-1\\]\\.\\n\\nMore prose\\.\\n\\n\\[\\^${SAMPLE_KEY}-1\\]: .+\\n$`), text);
      assert.deepStrictEqual(await citationCodes(editor), [], text);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('in footnote style, a quote accepted below the definitions joins them: one block, the mark at the cursor', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('citationStyle', 'footnote', vscode.ConfigurationTarget.Workspace);
    try {
      const existing = `[^${SAMPLE_KEY}-5]: \u201cWhat Rutte and Sudani discussed in The Hague\u201d, \u00b65.`;
      const editor = await openMemo('cite-below.md', `Draft [^${SAMPLE_KEY}-5].\n\n${existing}\n\nThe militias must be put @@back in the box`);
      const last = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(last, last);
      await waitFor('a footnote item', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, last, '@');
        return list.items.some((i) => i.additionalTextEdits?.length);
      });
      await acceptFirstSuggestion(editor);
      const text = editor.document.getText();
      const lines = text.split('\n');
      const definitions = lines.flatMap((l, i) => (/^\[\^[\w-]+\]:/.test(l) ? [i] : []));
      assert.ok(definitions.length === 2 && definitions[1] === definitions[0] + 1, `one block of two definitions:\n${text}`);
      assert.match(lines[lines.length - 1], new RegExp(`^The militias must be put \u201cback in the box\u201d \\[\\^${SAMPLE_KEY}-\\d+\\]$`), text);
      assert.ok(!text.includes('@@'), text);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('a new completion trigger takes effect without reload', async () => {
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('completion.trigger', ';;', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openMemo('trigger.md', 'Draft: ;;knife');
      const end = editor.document.lineAt(0).range.end;
      const list = await waitFor('items for the new trigger', async () => {
        const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, end, ';');
        return l.items.length ? l : undefined;
      });
      assert.ok(list.items.some((i) => typeof i.label !== 'string' && i.label.label.includes('on a knife')));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('completion.trigger', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('hover on a citation shows the passage in context, the source and an Open link; go-to-source selects it', async () => {
    const line = `UN envoy: \u201con a knife\u2019s edge\u201d [@${SAMPLE_KEY}, para. 5].`;
    const editor = await openMemo('hover.md', `${line}\n`);
    const at = new vscode.Position(0, line.indexOf('[@') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hoverText(hovers);
    assert.match(text, /What Rutte and Sudani discussed in The Hague/);
    assert.match(text, /attacks on American troops by Shiite militias as \u2018on a knife\u2019s edge\u2019\. But definitely/);
    assert.match(text, /\[Open source\]\(command:policyMemo\.openCitation\?/);
    assert.match(hoverMarkdown(hovers), /\*\*on&nbsp;a&nbsp;knife\u2019s&nbsp;edge\*\*|\*\*on a knife\u2019s edge\*\*/, 'the cited words stand out');
    const links = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, at);
    const link = links[0];
    assert.ok(link && 'targetUri' in link, 'a location link to the source');
    assert.ok(link.targetUri.path.endsWith('rutte-sudani-the-hague.txt'));
    const source = await vscode.workspace.openTextDocument(link.targetUri);
    assert.strictEqual(source.getText(link.targetRange), 'on a knife\u2019s edge');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the citation style setting changes the next insertion, without reload', async () => {
    const { tree } = await api();
    const root = tree.getChildren()?.[0] as never;
    const quotes = (tree.getChildren(root) as { kind: string; label?: string }[]).find((n) => n.label === 'Quotes') as never;
    const speaker = (tree.getChildren(quotes) as { label?: string }[]).find((n) => n.label === 'Mark Rutte') as never;
    const quote = (tree.getChildren(speaker) as never[])[0];
    const config = vscode.workspace.getConfiguration('policyMemo');
    const editor = await openMemo('styles.md', 'Intro.\n');
    try {
      await config.update('citationStyle', 'footnote', vscode.ConfigurationTarget.Workspace);
      editor.selection = new vscode.Selection(0, 6, 0, 6);
      await vscode.commands.executeCommand('policyMemo.insert', quote);
      assert.match(editor.document.getText(), new RegExp(`\\[\\^${SAMPLE_KEY}-3\\]\\n\\n\\[\\^${SAMPLE_KEY}-3\\]: \u201cWhat Rutte and Sudani discussed in The Hague\u201d, \u00b63\\.\\n$`));
      await config.update('citationStyle', 'pandoc', vscode.ConfigurationTarget.Workspace);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('policyMemo.insert', quote);
      assert.match(editor.document.lineAt(0).text, new RegExp(`\\[@${SAMPLE_KEY}, para\\. 3\\]Intro\\.`));
    } finally {
      await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('Find Quote or Fact with no memo open shows the picked passage in its source', async () => {
    await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('policyMemo.find');
    // The first item is active in the picker: accept it as Enter would.
    await waitFor('the picker accepting', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return vscode.window.activeTextEditor;
    });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith(`${SAMPLE_KEY}.txt`), `opened ${editor?.document.uri.toString()}`);
    assert.ok(!editor.selection.isEmpty, 'the passage is selected');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a hover escapes source text: markup and command links in a source render as text', async () => {
    const { sources } = await api();
    const hostile = '---\nid: hostile\n---\n\nThe <img src=x onerror=alert(1)> mayor said "[run](command:workbench.action.quit) now" today.\n';
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'hostile.md'), new TextEncoder().encode(hostile));
    await waitFor('the hostile source', () => sources.sources.some((x) => x.source.key === 'hostile'));
    const line = 'Claim [@hostile, para. 1].';
    const editor = await openMemo('hostile-memo.md', `${line}\n`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 9));
    assert.ok(hoverText(hovers).includes('<img src=x onerror=alert(1)>'), 'the source text is shown as written');
    const markdown = hoverMarkdown(hovers);
    assert.ok(!markdown.includes('<img'), 'HTML is escaped');
    assert.ok(!markdown.includes('](command:workbench'), 'a command link from the source is escaped');
    assert.strictEqual(markdown.match(/\]\(command:/g)?.length, 1, 'the one command link is our own');
    const md = hovers[0].contents[0] as vscode.MarkdownString;
    assert.deepStrictEqual(md.isTrusted, { enabledCommands: ['policyMemo.openCitation'] });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(workspaceUri('sources'), { recursive: true });
    await waitFor('the sample back', () => sources.usingSample);
  });
});
