/** What converting a PDF or Word document gives the source model, and how a conversion says it cannot be read. */
import type { PageStart } from './pdfLayout';

export type DocumentFormat = 'pdf' | 'docx';

/** The document format of a file, by its extension; undefined for text sources. */
export function documentFormatOf(path: string): DocumentFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.docx')) return 'docx';
  return undefined;
}

export interface ConvertedDocument {
  readonly format: DocumentFormat;
  /** What the engine reads: plain text (PDF) or HTML (Word, through the HTML reader that keeps tables as rows). */
  readonly content: string;
  readonly contentFormat: 'text' | 'html';
  /** Where each page starts in {@link content} (PDF). */
  readonly pages?: readonly PageStart[];
  readonly meta: { readonly title?: string; readonly author?: string; readonly date?: string };
  /** Said once beside the source, as a note ("has 500 pages: only the first 300 are read"). */
  readonly note?: string;
}

export interface ConvertOptions {
  readonly maxPages?: number;
  /** Called after each page is read (a PDF), for progress and tests. */
  readonly onPage?: (page: number, of: number) => void;
}

/** A document that cannot be read; the message ends a sentence that starts with the file's name. */
export class DocumentError extends Error {
  override readonly name = 'DocumentError';
}

/** Longest the conversion of one document may take. */
export const DOCUMENT_TIMEOUT_MS = 60_000;
const MS_PER_S = 1000;

/** The message of a document that took too long: the end of a sentence that starts with its name. */
export function documentTimeoutMessage(ms: number): string {
  return `took more than ${ms / MS_PER_S} s to read and was given up`;
}
