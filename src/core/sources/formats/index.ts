/** Sources that are documents rather than text: which files are, and their conversion to what the engine reads. */
import { DocumentError, documentFormatOf, type ConvertedDocument, type ConvertOptions } from './document';
import { convertDocx } from './docx';
import { convertPdf } from './pdf';

export { DocumentError, documentFormatOf, type ConvertedDocument, type ConvertOptions, type DocumentFormat } from './document';

/** Converts a PDF or Word file's bytes; throws a {@link DocumentError} that says why one cannot be read. */
export async function convertDocument(path: string, bytes: Uint8Array, options: ConvertOptions = {}): Promise<ConvertedDocument> {
  const format = documentFormatOf(path);
  if (format === 'pdf') return convertPdf(bytes, options);
  if (format === 'docx') return convertDocx(bytes);
  throw new DocumentError('is not a PDF or Word document');
}
