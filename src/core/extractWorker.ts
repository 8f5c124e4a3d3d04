/**
 * Worker-thread entry (dist/extractWorker.js): parses and extracts a source off the
 * extension host's thread, so a large source never stalls completions or diagnostics.
 */
import { parentPort } from 'node:worker_threads';
import { extractInProcess } from './library';

export interface ExtractRequest {
  readonly id: number;
  readonly path: string;
  readonly text: string;
  readonly isSample: boolean;
}

parentPort?.on('message', (request: ExtractRequest) => {
  try {
    const extraction = extractInProcess(request.path, request.text, request.isSample);
    // Class instances do not survive the copy: the token table goes as its data, the LineIndex is rebuilt on the other side.
    parentPort?.postMessage({ id: request.id, extraction: { ...extraction, source: { ...extraction.source, lines: undefined, tokens: extraction.source.tokens.toData() } } });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});
