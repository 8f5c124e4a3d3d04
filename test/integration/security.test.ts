import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/vscode/sourcesTree';
import { api, codeOf, openMemo, waitFor, workspaceUri } from './helpers';

/** The links VS Code makes of a notification's message (vs/base/common/linkedText.ts). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const HOSTILE_NAMES = ['[Repair sources](command:workbench.action.terminal.new).txt', '[Fix](command:workbench.action.terminal.sendSequence).txt'];
const SECRET = 'The vault holds 12 gold bars, said Treasurer Ann Lee.\n';

function sourceDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'memo/source');
}

async function setAllowOutside(value: boolean | undefined): Promise<void> {
  // A machine setting: user settings of the machine the extension host runs on.
  await vscode.workspace.getConfiguration('policyMemo').update('allowSourcesOutsideWorkspace', value, vscode.ConfigurationTarget.Global);
}

describe('Security', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setAllowOutside(undefined);
    for (const dir of ['sources', 'devices']) fs.rmSync(workspaceUri(dir).fsPath, { recursive: true, force: true });
    const { sources } = await api();
    await sources.refresh();
  });

  it('a file name with a command link reaches the warning and the Sources view as text, not as a link', async () => {
    const { sources, tree } = await api();
    // What the extension hands to VS Code's notifications, as VS Code gets it.
    const shown: string[] = [];
    const window = vscode.window as { showWarningMessage: (message: string, ...items: unknown[]) => Thenable<unknown> };
    const original = window.showWarningMessage;
    window.showWarningMessage = (message: string, ...items: unknown[]) => {
      shown.push(message);
      return original.call(vscode.window, message, ...items);
    };
    try {
      fs.mkdirSync(workspaceUri('sources').fsPath, { recursive: true });
      for (const name of HOSTILE_NAMES) fs.writeFileSync(workspaceUri('sources', name).fsPath, '');
      await sources.refresh();
      await waitFor('a warning for each empty file', () => HOSTILE_NAMES.every((name) => shown.some((m) => m.replace(/\u2060/g, '').includes(name))));
    } finally {
      window.showWarningMessage = original;
    }
    for (const message of shown) assert.strictEqual(NOTIFICATION_LINK.exec(message), null, `a live link in: ${message}`);
    const messages = (tree.getChildren() as TreeNode[]).filter((n) => n.kind === 'message');
    assert.strictEqual(messages.length, HOSTILE_NAMES.length);
    for (const node of messages) {
      const item = tree.getTreeItem(node) as vscode.TreeItem;
      // Tree labels, descriptions and string tooltips are shown as text by VS Code: no Markdown, no links.
      assert.strictEqual(typeof item.label, 'string');
      assert.ok(typeof item.tooltip === 'string' || (item.tooltip instanceof vscode.MarkdownString && !item.tooltip.isTrusted));
      assert.strictEqual(item.command, undefined, 'a message runs nothing when clicked');
    }
  });

  it('a ) in a source path keeps the hover\u2019s Open source link whole, and it opens that source', async () => {
    const { sources } = await api();
    const name = 'a) b (c) 100%41.txt';
    fs.mkdirSync(workspaceUri('sources').fsPath, { recursive: true });
    fs.writeFileSync(workspaceUri('sources', name).fsPath, 'The council approved 12 new schools in 2021, said Mayor Ann Lee.\n');
    await sources.refresh();
    await waitFor('the source', () => sources.sources.some((x) => x.source.path.endsWith(name)));
    const key = sources.sources.find((x) => x.source.path.endsWith(name))?.source.key;
    const line = `The council approved 12 new schools [@${key}, para. 1].`;
    const editor = await openMemo('paren-memo.md', `${line}\n`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, line.indexOf('[@') + 3));
    const markdown = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : '')).join('\n');
    const hrefs = new MarkdownIt().parseInline(markdown, {}).flatMap((b) => b.children ?? []).filter((t) => t.type === 'link_open').map((t) => String(t.attrGet('href')));
    assert.strictEqual(hrefs.length, 1, markdown);
    // As VS Code runs a command link: the URI parsed, its query decoded once more, then JSON.
    const link = vscode.Uri.parse(hrefs[0]);
    assert.strictEqual(`${link.scheme}:${link.path}`, 'command:policyMemo.openCitation');
    const args = JSON.parse(decodeURIComponent(link.query)) as [string, number, number];
    assert.strictEqual(args[0], workspaceUri('sources', name).fsPath);
    await vscode.commands.executeCommand('policyMemo.openCitation', ...args);
    await waitFor('the source open', () => vscode.window.activeTextEditor?.document.uri.fsPath.endsWith(name));
  });

  it('front matter naming a link to /dev/zero: the extension host does not read it, and says so', async () => {
    await api();
    fs.mkdirSync(workspaceUri('devices').fsPath, { recursive: true });
    fs.symlinkSync('/dev/zero', workspaceUri('devices', 'zero.txt').fsPath);
    const editor = await openMemo('zero-memo.md', '---\nsources: [devices/zero.txt]\n---\n\nThe council approved 12 schools.\n');
    const outside = await waitFor('a diagnostic on the entry', () => sourceDiagnostics(editor.document.uri)[0]);
    assert.match(outside.message, /^Source devices\/zero\.txt is a link to a file outside the workspace and is not read/);
    // Allowed outside the workspace, a device is still never read.
    await setAllowOutside(true);
    const device = await waitFor('the device refused', () => sourceDiagnostics(editor.document.uri).find((d) => /not a regular file/.test(d.message)));
    assert.strictEqual(device.message, 'Source devices/zero.txt is not a regular file (a device, FIFO or socket) and is not read');
  });

  it('front matter naming a FIFO: refused at once, the memo is still checked', async () => {
    await api();
    fs.mkdirSync(workspaceUri('devices').fsPath, { recursive: true });
    execFileSync('mkfifo', [workspaceUri('devices', 'pipe.txt').fsPath]);
    const editor = await openMemo('fifo-memo.md', '---\nsources: [devices/pipe.txt]\n---\n\nThe council approved 12 schools.\n');
    const diagnostic = await waitFor('a diagnostic on the entry', () => sourceDiagnostics(editor.document.uri)[0]);
    assert.strictEqual(diagnostic.message, 'Source devices/pipe.txt is not a regular file (a device, FIFO or socket) and is not read');
    assert.strictEqual(editor.document.getText(diagnostic.range), 'devices/pipe.txt');
  });

  it('a link out of the workspace is not read, by the default glob or through front matter, unless allowed', async () => {
    const { sources } = await api();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-memo-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET);
    fs.mkdirSync(workspaceUri('sources').fsPath, { recursive: true });
    fs.writeFileSync(workspaceUri('sources', 'inside.txt').fsPath, 'The port handled 40 ships on Monday.\n');
    fs.symlinkSync(path.join(outside, 'secret.txt'), workspaceUri('sources', 'secret.txt').fsPath);
    await sources.refresh();
    await waitFor('the inside source', () => sources.sources.some((x) => x.source.key === 'inside'));
    assert.deepStrictEqual(sources.sources.map((x) => x.source.key), ['inside'], 'the link is not read by the glob');
    assert.deepStrictEqual(sources.problems.map((p) => `${vscode.workspace.asRelativePath(p.path)} ${p.message}`),
      ['sources/secret.txt is a link to a file outside the workspace and is not read (see policyMemo.allowSourcesOutsideWorkspace)']);
    const editor = await openMemo('secret-memo.md', '---\nsources: [sources/secret.txt]\n---\n\nThe vault holds 40 gold bars.\n');
    const diagnostic = await waitFor('a diagnostic on the entry', () => sourceDiagnostics(editor.document.uri)[0]);
    assert.match(diagnostic.message, /^Source sources\/secret\.txt is a link to a file outside the workspace and is not read/);
    const all = vscode.languages.getDiagnostics(editor.document.uri);
    assert.ok(!all.some((d) => /gold bars|Ann Lee/.test(d.message) || d.relatedInformation?.some((r) => /gold bars/.test(r.message))), 'no text of the file outside reaches the Problems panel');
    await setAllowOutside(true);
    const conflict = await waitFor('the conflict, once allowed', () => vscode.languages.getDiagnostics(editor.document.uri).find((d) => codeOf(d) === 'conflict/number'));
    assert.match(conflict.relatedInformation?.[0].message ?? '', /12 gold bars/);
    fs.rmSync(outside, { recursive: true, force: true });
  });
});
