/**
 * Worker-thread entry (dist/extractWorker.js): parses and extracts a source off the
 * extension host's thread, so a large source never stalls completions or diagnostics.
 * PDF and Word sources come as bytes and are converted here too (pdf.js loaded on the first PDF).
 */
import { parentPort } from 'node:worker_threads';
import { extractInProcess } from '../core/sources/library';
import { extractDocument } from '../core/sources/documents';
import { READY, toMessage, transferablesOf } from './message';

export interface ExtractRequest {
  readonly id: number;
  readonly path: string;
  /** The text of a text source. */
  readonly text: string;
  /** The bytes of a PDF or Word source (then `text` is empty). */
  readonly bytes?: Uint8Array;
  readonly isSample: boolean;
}

parentPort?.on('message', (request: ExtractRequest) => {
  void (async () => {
    try {
      let note: string | undefined;
      let extraction;
      if (request.bytes) ({ extraction, note } = await extractDocument(request.path, request.bytes, request.isSample));
      else extraction = extractInProcess(request.path, request.text, request.isSample);
      const message = toMessage(extraction);
      parentPort?.postMessage({ id: request.id, extraction: message, ...(note ? { note } : {}) }, transferablesOf(message));
    } catch (error) {
      parentPort?.postMessage({ id: request.id, error: (error as Error).message, documentError: (error as Error).name === 'DocumentError' });
    }
  })();
});
parentPort?.postMessage(READY);
