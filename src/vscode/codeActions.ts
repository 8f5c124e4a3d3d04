import * as vscode from 'vscode';
import { DISABLE_NEXT_LINE } from '../core/memo/memo';
import { isConflict } from '../core/checking/codes';
import { codeInfo } from '../core/checking/rules';
import { codeOf, DIAGNOSTIC_SOURCE, type MemoDiagnostics } from './diagnostics';

/** Quick fixes matched on the diagnostic's code: use the source's value, or ignore the claim. */
export class ConflictFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: MemoDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const code = codeOf(diagnostic);
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || !code) continue;
      const finding = this.diagnostics.findingFor(document, diagnostic);
      if (finding?.fix) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, new vscode.Range(document.positionAt(finding.fix.span.start), document.positionAt(finding.fix.span.end)), finding.fix.newText);
        action.diagnostics = [diagnostic];
        action.isPreferred = codeInfo(code)?.preferredFix ?? false;
        actions.push(action);
      }
      if (isConflict(code) || code.startsWith('unsupported/')) {
        const line = document.lineAt(diagnostic.range.start.line);
        const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex).replace(/[^\s]/g, ' ');
        const ignore = new vscode.CodeAction('Ignore this claim (memo-check-disable-next-line)', vscode.CodeActionKind.QuickFix);
        ignore.edit = new vscode.WorkspaceEdit();
        ignore.edit.insert(document.uri, new vscode.Position(line.lineNumber, 0), `${indent}<!-- ${DISABLE_NEXT_LINE} -->\n`);
        ignore.diagnostics = [diagnostic];
        actions.push(ignore);
      }
    }
    return actions;
  }
}

export function registerConflictFixes(diagnostics: MemoDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new ConflictFixes(diagnostics), { providedCodeActionKinds: ConflictFixes.kinds });
}
