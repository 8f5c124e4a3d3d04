/**
 * Worker-thread entry (dist/extractWorker.js): parses and extracts a source off the
 * extension host's thread, so a large source never stalls completions or diagnostics.
 */
import { parentPort } from 'node:worker_threads';
import { extractInProcess } from '../core/sources/library';
import { READY, toMessage, transferablesOf } from './message';

export interface ExtractRequest {
  readonly id: number;
  readonly path: string;
  readonly text: string;
  readonly isSample: boolean;
}

parentPort?.on('message', (request: ExtractRequest) => {
  try {
    const extraction = extractInProcess(request.path, request.text, request.isSample);
    const message = toMessage(extraction);
    parentPort?.postMessage({ id: request.id, extraction: message }, transferablesOf(message));
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message });
  }
});
parentPort?.postMessage(READY);
