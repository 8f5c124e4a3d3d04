import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, openMemo, waitFor, workspaceUri } from './helpers';

const FOLDER = 'bib-memo';
const FIXTURES = ['refs.bib', 'broken.bib', 'sources/car-parks.md', 'sources/ledger-budget.md', 'sources/trees-study.md'];
const MEMO_HEAD = '---\nsources: [sources/car-parks.md, sources/ledger-budget.md, sources/trees-study.md]\nbibliography: refs.bib\n---\n\n';

/** The bibliography fixture (five entries, three matching the sources) copied into the workspace, outside sources/. */
async function copyFixtures(): Promise<void> {
  const root = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
  assert.ok(root);
  for (const name of FIXTURES) {
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(root, 'test', 'fixtures', 'bibliography', name), workspaceUri(FOLDER, name), { overwrite: true });
  }
}

async function completions(editor: vscode.TextEditor, position: vscode.Position, trigger: string): Promise<vscode.CompletionList> {
  return vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, trigger);
}

const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

async function logText(): Promise<string> {
  const { logFile } = await api();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(logFile));
  } catch {
    return '';
  }
}

describe('Bibliographies and CSL styles', () => {
  before(copyFixtures);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true });
    await (await api()).sources.refresh();
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('cslFile', undefined, vscode.ConfigurationTarget.Workspace);
  });

  // First: it inserts from the Sources view, which shows the sample until a memo's front matter adds sources.
  it('policyMemo.cslFile: a custom .csl formats citations; a file that is not CSL is named once and plain citations go on', async () => {
    const { tree } = await api();
    const root = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
    assert.ok(root);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(root, 'media', 'csl', 'apa.csl'), workspaceUri(FOLDER, 'house.csl'), { overwrite: true });
    await vscode.workspace.fs.writeFile(workspaceUri(FOLDER, 'not-a-style.csl'), new TextEncoder().encode('<html><body>Not a style</body></html>\n'));
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('citationStyle', 'csl', vscode.ConfigurationTarget.Workspace);
    await config.update('cslFile', `${FOLDER}/house.csl`, vscode.ConfigurationTarget.Workspace);
    // The sample article's quote, from the Sources view, inserted with the custom (APA) style.
    const sampleRoot = tree.getChildren()?.[0] as never;
    const quotes = (tree.getChildren(sampleRoot) as { label?: string }[]).find((n) => n.label === 'Quotes') as never;
    const speaker = (tree.getChildren(quotes) as { label?: string }[]).find((n) => n.label === 'Mark Rutte') as never;
    const quote = (tree.getChildren(speaker) as never[])[0];
    const editor = await openMemo(`${FOLDER}/memo-csl.md`, 'Intro.\n');
    editor.selection = new vscode.Selection(0, 6, 0, 6);
    await waitFor('the APA mark', async () => {
      await vscode.commands.executeCommand('policyMemo.insert', quote);
      return /\(\*What Rutte and Sudani Discussed in The Hague\*, n\.d\., para\. 3\)/.test(editor.document.getText());
    });
    // Inserting from the Sources view in an in-text style adds the source's entry to the memo's reference list.
    assert.match(editor.document.getText(), /\n\n## References\n\n[^\n]*What Rutte and Sudani Discussed in The Hague[^\n]*\n$/i);
    await config.update('cslFile', `${FOLDER}/not-a-style.csl`, vscode.ConfigurationTarget.Workspace);
    await waitFor('the refusal in the log', async () => /policyMemo\.cslFile bib-memo\/not-a-style\.csl is not a CSL style: its root element is not <style>; citations are inline/.test(await logText()));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('policyMemo.insert', quote);
    assert.match(editor.document.lineAt(0).text, /\(rutte-sudani-the-hague, \u00b63\)/, 'the plain inline style meanwhile');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await config.update('cslFile', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('completion inside [@ offers the .bib keys with author and title; accepting one writes [@key]', async () => {
    await api();
    const editor = await openMemo(`${FOLDER}/memo-keys.md`, `${MEMO_HEAD}Parking is overbuilt [@`);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await waitFor('the bibliography keys', async () => {
      const l = await completions(editor, end, '@');
      return l.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference && i.insertText === `[@${labelOf(i)}]`).length === 5 ? l : undefined;
    });
    const keys = list.items.filter((i) => typeof i.insertText === 'string' && i.insertText.startsWith('[@') && !i.insertText.includes(','));
    assert.deepStrictEqual(keys.map(labelOf), ['okafor2025', 'ortiz2025', 'kovacs2025trees', 'nandakumar2024', 'whitfield2019']);
    const kovacs = keys[2];
    assert.ok(typeof kovacs.label !== 'string' && kovacs.label.description === 'Kovacs and Janssens 2025' && kovacs.label.detail?.includes('City Trees'), JSON.stringify(kovacs.label));
    // The keys come first; the sources' quotes follow, cited by their bibliography keys.
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepStrictEqual(sorted.slice(0, 5).map(labelOf), keys.map(labelOf));
    assert.ok(list.items.some((i) => typeof i.insertText === 'string' && i.insertText === '[@okafor2025, para. 3]'), 'a quote of car-parks.md cited by its .bib key');
    assert.ok(kovacs.range instanceof vscode.Range);
    await editor.edit((e) => e.replace(kovacs.range as vscode.Range, String(kovacs.insertText)));
    assert.ok(editor.document.getText().endsWith('Parking is overbuilt [@kovacs2025trees]'));
    // Typing narrows the keys by author or title words.
    await editor.edit((e) => e.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, ' and [@whit'));
    const narrowed = await completions(editor, editor.document.lineAt(editor.document.lineCount - 1).range.end, '@');
    assert.deepStrictEqual(narrowed.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference && !String(i.insertText).includes(',')).map(labelOf), ['whitfield2019']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('in chicago-note style (set without reload), a cited quote gets [^key-N] and a Chicago footnote at the end', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('citationStyle', 'chicago-note', vscode.ConfigurationTarget.Workspace);
    const editor = await openMemo(`${FOLDER}/memo-chicago.md`, `${MEMO_HEAD}The panel chair put it plainly: @@invites another\n\nMore text.\n`);
    const at = editor.document.positionAt(editor.document.getText().indexOf('@@invites another') + '@@invites another'.length);
    let last = '';
    const item = await waitFor('a Chicago footnote item', async () => {
      const list = await completions(editor, at, '@');
      const found = list.items.find((i) => labelOf(i).includes('Every space we build'));
      last = JSON.stringify({ items: list.items.slice(0, 3).map(labelOf), edits: found?.additionalTextEdits, insert: found?.insertText });
      return found?.additionalTextEdits?.[0]?.newText.includes('*The Civic Review*') ? found : undefined;
    }).catch((error: Error) => { throw new Error(`${error.message}: ${last}`); });
    assert.ok(item.insertText instanceof vscode.SnippetString && item.range instanceof vscode.Range);
    await editor.insertSnippet(item.insertText, item.range);
    await editor.edit((e) => {
      for (const t of item.additionalTextEdits ?? []) e.replace(t.range, t.newText);
    });
    const text = editor.document.getText();
    assert.ok(text.includes('\u201cEvery space we build invites another car into the centre\u201d [^okafor2025-3]\n\nMore text.\n'), text);
    assert.ok(text.endsWith('\n\n[^okafor2025-3]: Lena Okafor, \u201cWhy Cities Should Stop Building Car Parks,\u201d *The Civic Review*, June 3, 2025, para. 3, https://www.civic.example/2025/06/car-parks/.\n'), text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('in apa style, an accepted quote adds its APA entry once to a "## References" list at the end; the mark hovers to its source', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('citationStyle', 'apa', vscode.ConfigurationTarget.Workspace);
    const editor = await openMemo(`${FOLDER}/memo-apa.md`, `${MEMO_HEAD}The panel chair put it plainly: @@invites another\n\nMore text.\n`);
    const at = editor.document.positionAt(editor.document.getText().indexOf('@@invites another') + '@@invites another'.length);
    let last = '';
    const item = await waitFor('an APA item', async () => {
      const list = await completions(editor, at, '@');
      const found = list.items.find((i) => labelOf(i).includes('Every space we build'));
      last = JSON.stringify({ items: list.items.slice(0, 3).map(labelOf), command: found?.command, insert: found?.insertText });
      return found?.insertText instanceof vscode.SnippetString && found.insertText.value.includes('(Okafor, 2025, para. 3)') && found.command ? found : undefined;
    }).catch((error: Error) => { throw new Error(`${error.message}: ${last}`); });
    assert.strictEqual(item.command?.command, 'policyMemo.addReference');
    assert.deepStrictEqual(item.additionalTextEdits ?? [], [], 'nothing is written for an item not chosen');
    assert.ok(item.insertText instanceof vscode.SnippetString && item.range instanceof vscode.Range);
    await editor.insertSnippet(item.insertText, item.range);
    // What VS Code runs once the item is accepted.
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const text = editor.document.getText();
    const entry = 'Okafor, L. (2025, June 3). Why Cities Should Stop Building Car Parks. *The Civic Review*. https://www.civic.example/2025/06/car-parks/';
    assert.ok(text.endsWith(`\u201cEvery space we build invites another car into the centre\u201d (Okafor, 2025, para. 3)\n\nMore text.\n\n## References\n\n${entry}\n`), text);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.strictEqual(editor.document.getText(), text, 'the entry is never added twice');
    const mark = editor.document.positionAt(text.indexOf('(Okafor, 2025, para. 3)') + 3);
    const hover = await waitFor('a hover on the APA mark', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, mark);
      const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return shown.includes('Why Cities Should Stop Building Car Parks') ? shown : undefined;
    });
    assert.match(hover, /okafor2025, \u00b63/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('a .bib with a syntax error and a duplicate key: one message naming it, its good entries and the sources still work', async () => {
    await api();
    const editor = await openMemo(`${FOLDER}/memo-broken.md`, `${MEMO_HEAD.replace('refs.bib', 'broken.bib')}See [@`);
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await waitFor('the good keys', async () => {
      const l = await completions(editor, end, '@');
      return l.items.some((i) => labelOf(i) === 'good2024') ? l : undefined;
    });
    assert.deepStrictEqual(list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference && !String(i.insertText).includes(',')).map(labelOf), ['good2024', 'dup']);
    assert.ok(list.items.some((i) => i.insertText === '[@car-parks, para. 3]'), 'the sources keep their own keys');
    const log = await waitFor('the message in the log', async () => {
      const t = await logText();
      return /bibliography broken\.bib has a syntax error in the entry "broken2024" at line 7/.test(t) ? t : undefined;
    });
    assert.match(log, /key "dup" is defined 2 times \(the first is used\)\. The memo is checked as before; its 2 other entries are used\./);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

});
