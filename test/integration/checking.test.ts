import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, codeOf, openMemo, waitFor } from './helpers';

function conflicts(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => String(codeOf(d)).startsWith('conflict/'));
}

describe('Checking', () => {
  it('a wrong number gets a diagnostic with the source sentence, and the quick fix corrects it', async () => {
    await api();
    const editor = await openMemo('wrong-number.md', '# Memo\n\nThere are about 3,500 American troops in Iraq.\n');
    const [diagnostic] = await waitFor('a conflict/number diagnostic', () => {
      const list = conflicts(editor.document.uri);
      return list.length ? list : undefined;
    });
    assert.strictEqual(codeOf(diagnostic), 'conflict/number');
    assert.strictEqual(diagnostic.source, 'memo-check');
    assert.strictEqual(editor.document.getText(diagnostic.range), '3,500');
    assert.match(diagnostic.message, /source says 2500 American troops/);
    const related = diagnostic.relatedInformation?.[0];
    assert.ok(related, 'the source sentence is attached');
    assert.ok(related.location.uri.path.endsWith('rutte-sudani-the-hague.txt'));
    assert.match(related.message, /2500 American troops should stay in Iraq/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title.startsWith('Replace with 2500'));
    assert.ok(fix?.edit, `no fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(editor.document.lineAt(2).text, 'There are about 2500 American troops in Iraq.');
    await waitFor('the diagnostic to go', () => conflicts(editor.document.uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Ignore this claim" writes the disable comment, which silences the claim', async () => {
    const editor = await openMemo('ignored.md', '# Memo\n\nAttacks on US forces in Iraq ceased on March 4.\n');
    const [diagnostic] = await waitFor('a conflict/date diagnostic', () => {
      const list = conflicts(editor.document.uri);
      return list.length ? list : undefined;
    });
    assert.strictEqual(codeOf(diagnostic), 'conflict/date');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range);
    const ignore = actions.find((a) => a.title.startsWith('Ignore this claim'));
    assert.ok(ignore?.edit);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit));
    assert.strictEqual(editor.document.lineAt(2).text, '<!-- memo-check-disable-next-line -->');
    await waitFor('the claim to be silenced', () => conflicts(editor.document.uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('diagnostics follow typing, honour the enable setting without reload, and clear on close', async () => {
    const editor = await openMemo('typing.md', '# Memo\n\nThe NATO mission in Iraq has existed since 2018.\n');
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(conflicts(editor.document.uri).length, 0, 'a supported claim stays quiet');
    const year = editor.document.lineAt(2).text.indexOf('2018');
    await editor.edit((e) => e.replace(new vscode.Range(2, year, 2, year + 4), '2020'));
    await waitFor('a diagnostic after typing', () => conflicts(editor.document.uri).length === 1);
    const config = vscode.workspace.getConfiguration('policyMemo');
    await config.update('check.enable', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('diagnostics off', () => conflicts(editor.document.uri).length === 0);
    await config.update('check.enable', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('diagnostics back on', () => conflicts(editor.document.uri).length === 1);
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('diagnostics cleared on close', () => vscode.languages.getDiagnostics(uri).length === 0);
  });

  it('per-code severity settings apply without reload, "off" included', async () => {
    const editor = await openMemo('severity.md', 'About 3,500 American troops remain in Iraq.\n');
    await waitFor('the conflict', () => conflicts(editor.document.uri).length === 1);
    const config = vscode.workspace.getConfiguration('policyMemo');
    try {
      await config.update('check.severity', { 'conflict/number': 'error' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('an error', () => conflicts(editor.document.uri)[0]?.severity === vscode.DiagnosticSeverity.Error);
      await config.update('check.severity', { 'conflict/number': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitFor('no diagnostic', () => conflicts(editor.document.uri).length === 0);
    } finally {
      await config.update('check.severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('a warning again', () => conflicts(editor.document.uri)[0]?.severity === vscode.DiagnosticSeverity.Warning);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a front-matter error is reported on the memo', async () => {
    const editor = await openMemo('broken.md', '---\nsources: [unclosed\n---\n\nText.\n');
    const diagnostics = await waitFor('a diagnostic', () => {
      const list = vscode.languages.getDiagnostics(editor.document.uri);
      return list.length ? list : undefined;
    });
    assert.strictEqual(codeOf(diagnostics[0]), 'memo/front-matter');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
