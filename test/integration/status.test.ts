import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, openMemo, waitFor, workspaceUri } from './helpers';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const SCHOOLS = 'The council approved 12 new schools in 2021, said Mayor Ann Lee.\n';
const LIBRARY = 'Mayor Ann Lee opened the new library in 2019.\n';

/** Records what the extension hands to VS Code's information notifications, as VS Code gets it. */
function recordInformation(): { shown: string[]; restore: () => void } {
  const shown: string[] = [];
  const window = vscode.window as { showInformationMessage: (message: string, ...items: unknown[]) => Thenable<unknown> };
  const original = window.showInformationMessage;
  window.showInformationMessage = (message: string, ...items: unknown[]) => {
    shown.push(message);
    return original.call(vscode.window, message, ...items);
  };
  return { shown, restore: () => { window.showInformationMessage = original; } };
}

async function removeSources(): Promise<void> {
  try {
    await vscode.workspace.fs.delete(workspaceUri('sources'), { recursive: true });
  } catch {
    // nothing to clean
  }
  const { sources } = await api();
  await waitFor('the sample back', async () => {
    await sources.refresh();
    return sources.usingSample;
  });
}

describe('Which sources a memo is checked against (issue 13)', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeSources();
  });

  it('the first source replacing the sample is said once: a notification and the Sources view\u2019s header', async () => {
    const { sources, view } = await api();
    assert.strictEqual(sources.usingSample, true);
    const record = recordInformation();
    try {
      await vscode.workspace.fs.writeFile(workspaceUri('sources', 'schools.txt'), encode(SCHOOLS));
      await waitFor('the notice', () => record.shown.some((m) => m.includes('Now checking')));
      await vscode.workspace.fs.writeFile(workspaceUri('sources', 'library.txt'), encode(LIBRARY));
      await waitFor('the second source', () => sources.sources.length === 2);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      record.restore();
    }
    const notices = record.shown.filter((m) => m.includes('Now checking'));
    assert.deepStrictEqual(notices.map((m) => m.replace(/\u2060/g, '')), ['Policy Memo: Now checking against 1 source in sources/; the bundled sample is no longer used.'], 'said once');
    assert.strictEqual(view.message, undefined, 'the header goes once the sources change again');
  });

  it('the header says it too, while the sources stay as they were', async () => {
    const { sources, view } = await api();
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'schools.txt'), encode(SCHOOLS));
    await waitFor('the source', () => sources.sources.some((x) => x.source.key === 'schools'));
    await waitFor('the header', () => view.message === 'Now checking against 1 source in sources/; the bundled sample is no longer used');
  });

  it('the status bar item names the active memo\u2019s sources and conflicts; its command lists them', async () => {
    const { status, sources } = await api();
    await openMemo('status.md', '# Memo\n\nThere are about 3,500 American troops in Iraq.\n');
    await waitFor('the sample in the status bar', () => status.item.text === 'Policy Memo: sample only \u00b7 1 conflict');
    assert.strictEqual(status.item.command, 'policyMemo.showMemoSources');
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'schools.txt'), encode(SCHOOLS));
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'library.txt'), encode(LIBRARY));
    await waitFor('two sources', () => sources.sources.length === 2);
    await waitFor('the sources in the status bar', () => status.item.text === 'Policy Memo: 2 sources \u00b7 0 conflicts', 20000);
    const editor = await openMemo('status.md');
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'The council approved 40 new schools in 2021.\n\n'));
    await waitFor('a conflict in the status bar', () => status.item.text === 'Policy Memo: 2 sources \u00b7 1 conflict');
    assert.match(String(status.item.tooltip), /^Checked against 2 sources, found by policyMemo\.sources/);
    const listed = await vscode.commands.executeCommand<{ source: { key: string } }[]>('policyMemo.showMemoSources');
    assert.deepStrictEqual(listed.map((x) => x.source.key).sort(), ['library', 'schools']);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Check Memo Against Sources" says what it found, and the log says what was read and checked', async () => {
    const { sources, logFile } = await api();
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'schools.txt'), encode(SCHOOLS));
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'empty.txt'), encode(''));
    await waitFor('the source', () => sources.sources.some((x) => x.source.key === 'schools'));
    const record = recordInformation();
    let conflicted, clean;
    try {
      await openMemo('command.md', '# Memo\n\nThe council approved 40 new schools in 2021.\n');
      conflicted = await vscode.commands.executeCommand<{ conflicts: number; sources: number; message: string }>('policyMemo.checkMemo');
      await openMemo('command-clean.md', '# Memo\n\nThe council approved 12 new schools in 2021.\n');
      clean = await vscode.commands.executeCommand<{ conflicts: number; sources: number; message: string }>('policyMemo.checkMemo');
    } finally {
      record.restore();
    }
    assert.ok(conflicted && clean, `the command returned nothing; notifications: ${record.shown.join(' | ')}`);
    assert.deepStrictEqual(conflicted, { conflicts: 1, sources: 1, message: '1 conflict in command.md (checked against 1 source)' });
    assert.deepStrictEqual(clean, { conflicts: 0, sources: 1, message: 'No conflicts: checked against 1 source' });
    assert.ok(record.shown.includes('Policy Memo: 1 conflict in command.md (checked against 1 source).'), record.shown.join(' | '));
    assert.ok(record.shown.includes('Policy Memo: No conflicts: checked against 1 source.'), record.shown.join(' | '));
    const log = await waitFor('the log lines', async () => {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(logFile));
      return /\[info\] check of command-clean\.md/.test(text) ? text : undefined;
    });
    assert.match(log, /\[info\] source sources\/schools\.txt: 0\.1 KB, 0 quotes, 1 facts, read in \d+ ms/);
    assert.match(log, /\[warning\] source sources\/empty\.txt is empty\./);
    assert.match(log, /\[info\] 1 source loaded in \d+ ms from policyMemo\.sources \(sources\/\*\*\/\*\.\{txt,md,html,pdf,docx\}\); 1 skipped/);
    assert.match(log, /\[info\] check of command\.md: 1 conflict in command\.md \(checked against 1 source\), in \d+ ms/);
    for (const name of ['command.md', 'command-clean.md']) {
      await openMemo(name);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(workspaceUri(name));
    }
  });
});
