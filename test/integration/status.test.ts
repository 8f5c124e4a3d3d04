import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, openMemo, waitFor, workspaceUri } from './helpers';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const SCHOOLS = 'The council approved 12 new schools in 2021, said Mayor Ann Lee.\n';

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
    assert.match(log, /\[info\] 1 source loaded in \d+ ms from policyMemo\.sources \(sources\/\*\*\/\*\.\{txt,md,html\}\); 1 skipped/);
    assert.match(log, /\[info\] check of command\.md: 1 conflict in command\.md \(checked against 1 source\), in \d+ ms/);
    for (const name of ['command.md', 'command-clean.md']) {
      await openMemo(name);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(workspaceUri(name));
    }
  });
});
