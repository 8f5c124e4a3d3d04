/**
 * The one way text from file names and sources reaches VS Code's UI: notifications,
 * Markdown (tooltips, completion documentation, hovers) and labels that render icons.
 * The escaping itself is in src/core/inert.ts.
 */
import * as vscode from 'vscode';
import { iconLabelText, markdownText, notificationText } from '../core/text/inert';

/** The prefix of this extension's commands: the only ones a trusted MarkdownString may run. */
const OWN_COMMAND_PREFIX = 'policyMemo.';

export function showWarning(text: string, ...items: string[]): Thenable<string | undefined> {
  return vscode.window.showWarningMessage(notificationText(text), ...items);
}

export function showInformation(text: string, ...items: string[]): Thenable<string | undefined> {
  return vscode.window.showInformationMessage(notificationText(text), ...items);
}

export function showError(text: string, ...items: string[]): Thenable<string | undefined> {
  return vscode.window.showErrorMessage(notificationText(text), ...items);
}

/** Markdown that shows text and nothing else: paragraphs escaped, not trusted, no HTML, no icons. */
export function textMarkdown(...paragraphs: string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(paragraphs.map(markdownText).join('\n\n'));
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/**
 * Markdown that may run the listed commands, all of them this extension's, and no other.
 * Every piece of source text appended to it must go through markdownText or commandLink.
 */
export function trustedMarkdown(commands: readonly string[]): vscode.MarkdownString {
  const foreign = commands.filter((c) => !c.startsWith(OWN_COMMAND_PREFIX));
  if (foreign.length) throw new Error(`only Policy Memo's own commands may be trusted, not ${foreign.join(', ')}`);
  const md = new vscode.MarkdownString();
  md.isTrusted = { enabledCommands: [...commands] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/** A Quick Pick or completion label, description or detail: `$(icon)` syntax from a source shows as written. */
export const labelText = iconLabelText;
