import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { PolicyMemoApi } from '../../src/extension';

export const EXTENSION_ID = 'policy-memo.policy-memo';
const POLL_MS = 50;
/**
 * How long a wait for the editor's state may take before the test fails. Generous: on a loaded 2-core machine a
 * new source took over 15 s to reach the view once (the extension host and the worker share the cores with VS Code
 * and chromium). Speed is measured by `npm run bench`, not here.
 */
const DEFAULT_WAIT_MS = 30000;

export async function api(): Promise<PolicyMemoApi> {
  const extension = vscode.extensions.getExtension<PolicyMemoApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const exports = extension.isActive ? extension.exports : await extension.activate();
  assert.ok(exports, 'activate() returned no API');
  await exports.sources.ready();
  return exports;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openMemo(name: string, content?: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  if (content !== undefined) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export { codeOf } from '../../src/vscode/diagnostics';
