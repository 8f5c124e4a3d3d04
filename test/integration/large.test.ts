import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { api, waitFor, workspaceUri } from './helpers';

describe('Large sources', () => {
  it('a source of about 1 MB loads (in the extraction worker) with its quotes, speakers and line positions', async function () {
    this.timeout(120000);
    const { sources } = await api();
    const paragraphs = Array.from({ length: 4000 }, (_, i) => `\u201cWe counted ${i + 10} boats in the harbour,\u201d said Ann Lee, the port captain, on day ${i}.`);
    const text = paragraphs.join('\n\n') + '\n';
    assert.ok(text.length > 300_000);
    await vscode.workspace.fs.writeFile(workspaceUri('sources', 'harbour-log.txt'), new TextEncoder().encode(text));
    const x = await waitFor('the large source', () => sources.sources.find((s) => s.source.key === 'harbour-log'), 90000);
    assert.strictEqual(x.quotes.length, 4000);
    assert.ok(sources.extractedInWorker >= 1, 'extracted in the worker thread');
    assert.ok(x.quotes.every((q) => q.speaker === 'Ann Lee'));
    const last = x.quotes[3999];
    assert.deepStrictEqual(x.source.lines.positionAt(last.start), { line: 7998, character: 1 }, 'line positions work on the copied result');
    await vscode.workspace.fs.delete(workspaceUri('sources'), { recursive: true });
    await waitFor('the sample back', () => sources.usingSample);
  });
});
