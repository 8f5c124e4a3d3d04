import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/vscode/sourcesTree';
import { api, codeOf, openMemo, waitFor, workspaceUri } from './helpers';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('Robustness', () => {
  afterEach(async () => {
    try {
      await vscode.workspace.fs.delete(workspaceUri('sources'), { recursive: true });
    } catch {
      // nothing to clean
    }
    await vscode.workspace.getConfiguration('policyMemo').update('maxSources', undefined, vscode.ConfigurationTarget.Workspace);
    const { sources } = await api();
    await sources.refresh();
  });

  it('bad sources are named in the view; the good ones keep working', async () => {
    const { sources, tree } = await api();
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'good.txt'), encode('The council approved 12 schools, said Mayor Ann Lee.\n'));
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'empty.txt'), encode(''));
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'scan.txt'), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0x01, 0x02, 0x03]));
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'utf16.txt'), new Uint8Array([0xff, 0xfe, ...Array.from('Prices rose 4 percent in May.\n').flatMap((c) => [c.charCodeAt(0), 0])]));
    await waitFor('the sources and their problems', () => sources.sources.length === 2 && sources.problems.length === 2);
    const roots = tree.getChildren() as TreeNode[];
    const messages = roots.filter((r) => r.kind === 'message').map((r) => (r.kind === 'message' ? `${r.label}: ${r.detail}` : ''));
    assert.deepStrictEqual(messages.sort(), ['sources/empty.txt: is empty', 'sources/scan.txt: is a binary file, not text']);
    assert.deepStrictEqual(sources.sources.map((x) => x.source.key).sort(), ['good', 'utf16']);
  });

  it('the max-sources limit is a setting, applied without reload and reported when hit', async () => {
    const { sources } = await api();
    for (let i = 0; i < 5; i++) await vscode.workspace.fs.writeFile(workspaceUri('sources', `s${i}.txt`), encode(`Report ${i}: the council approved ${i + 2} schools.\n`));
    await waitFor('five sources', () => sources.sources.length === 5);
    await vscode.workspace.getConfiguration('policyMemo').update('maxSources', 3, vscode.ConfigurationTarget.Workspace);
    await waitFor('the limit applied', () => sources.sources.length === 3);
    assert.ok(sources.problems.some((p) => /only the first 3 \(policyMemo\.maxSources\) are read/.test(p.message)));
  });

  it('a glob matching 2,000 files reads the first 500 (the default limit), says so, and the view stays usable', async function () {
    this.timeout(120000);
    const { sources, tree } = await api();
    const dir = workspaceUri('sources');
    await vscode.workspace.fs.createDirectory(dir);
    // Written with Node's fs: two thousand workspace edits would only measure the editor.
    const fs = await import('node:fs/promises');
    await Promise.all(Array.from({ length: 2000 }, (_, i) => fs.writeFile(`${dir.fsPath}/note-${String(i).padStart(4, '0')}.txt`, `Note ${i}: the council approved ${i % 50} schools in 2021.\n`)));
    await sources.refresh();
    await waitFor('500 sources read', () => sources.sources.length === 500, 90000);
    assert.ok(sources.problems.some((p) => /more than 500 source files match policyMemo\.sources; only the first 500/.test(p.message)));
    const roots = tree.getChildren() as TreeNode[];
    assert.strictEqual(roots.filter((r) => r.kind === 'source').length, 500);
  });

  it('a source renamed or deleted while open leaves no stale entry and no error', async () => {
    const { sources } = await api();
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'before.txt'), encode('The port handled 40 ships on Monday.\n'));
    await waitFor('the source', () => sources.sources.some((x) => x.source.key === 'before'), 60000);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('sources', 'before.txt')));
    await vscode.workspace.fs.rename(workspaceUri('sources', 'before.txt'), workspaceUri('sources', 'after.txt'));
    await waitFor('the renamed source', () => sources.sources.some((x) => x.source.key === 'after') && !sources.sources.some((x) => x.source.key === 'before'));
    await vscode.workspace.fs.delete(workspaceUri('sources', 'after.txt'));
    await waitFor('the sample back', () => sources.usingSample);
    assert.deepStrictEqual(sources.problems, []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('front matter naming a file outside the workspace or a missing one gets a diagnostic on the front matter', async () => {
    await api();
    const editor = await openMemo('outside.md', '---\nsources: [../../../etc/hostname, sources/missing.txt]\n---\n\nText.\n');
    const diagnostics = await waitFor('diagnostics on the front matter', () => {
      const list = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => codeOf(d) === 'memo/source');
      return list.length === 2 ? list : undefined;
    });
    assert.match(diagnostics[0].message, /outside the workspace and is not read/);
    assert.match(diagnostics[1].message, /missing\.txt does not exist/);
    assert.deepStrictEqual([diagnostics[0].range.start.line, editor.document.getText(diagnostics[0].range)], [1, '../../../etc/hostname']);
    assert.strictEqual(editor.document.getText(diagnostics[1].range), 'sources/missing.txt');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
