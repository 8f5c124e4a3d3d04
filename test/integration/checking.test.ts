import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, openMemo, waitFor } from './helpers';

suite('Checking', () => {
  test('a front-matter error is reported on the memo', async () => {
    await api();
    const editor = await openMemo('broken.md', '---\nsources: [unclosed\n---\n\nText.\n');
    const diagnostics = await waitFor('a diagnostic', () => {
      const list = vscode.languages.getDiagnostics(editor.document.uri);
      return list.length ? list : undefined;
    });
    assert.strictEqual(diagnostics[0].code, 'memo/front-matter');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
