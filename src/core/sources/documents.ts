/**
 * Extraction of a PDF or Word source from its bytes: converted (formats/), then parsed and extracted as any source.
 * The extension runs this in its extraction worker (src/worker); memo-check runs it in its own thread, with the
 * same time limit.
 */
import { extract, type Extraction } from './extract';
import { convertDocument, DocumentError } from './formats';
import { DOCUMENT_TIMEOUT_MS, documentTimeoutMessage } from './formats/document';
import { parseSource } from './source';
import { TimeoutError, withTimeout } from './safeFile';


export interface DocumentExtraction {
  readonly extraction: Extraction;
  /** Said beside the source (a PDF cut at its page limit). */
  readonly note?: string;
}

/** Converts and extracts a document; throws a {@link DocumentError} saying why it cannot be read. */
export async function extractDocument(path: string, bytes: Uint8Array, isSample: boolean): Promise<DocumentExtraction> {
  const { content, ...document } = await convertDocument(path, bytes);
  return { extraction: extract(parseSource({ path, content, isSample, document })), ...(document.note ? { note: document.note } : {}) };
}

/** {@link extractDocument} with a time limit, in this thread: memo-check's, and tests'. */
export async function extractDocumentInProcess(path: string, bytes: Uint8Array, isSample: boolean, timeoutMs = DOCUMENT_TIMEOUT_MS): Promise<DocumentExtraction> {
  try {
    return await withTimeout(extractDocument(path, bytes, isSample), timeoutMs);
  } catch (error) {
    if (error instanceof TimeoutError) throw new DocumentError(documentTimeoutMessage(timeoutMs));
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(`could not be read (${(error as Error).message})`);
  }
}
