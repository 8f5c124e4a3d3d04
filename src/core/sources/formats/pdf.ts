/**
 * A text PDF as an article: pdf.js gives each page's text items, pdfLayout reads them in order. pdf.js is loaded
 * on the first PDF (it is most of a megabyte); the extension reads PDFs only in its extraction worker.
 */
import { DocumentError, type ConvertedDocument, type ConvertOptions } from './document';
import { layoutPdf, type PdfItem, type PdfPage } from './pdfLayout';

/** Most pages read from one PDF; the rest are left out, with a note. */
export const MAX_PDF_PAGES = 300;
/** Fewer characters than this a page, on average, and the PDF has no text layer to speak of. */
const MIN_CHARS_PER_PAGE = 4;

type PdfJs = typeof import('./pdfjs.mjs');
let pdfjs: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('./pdfjs.mjs');
  return pdfjs;
}

interface TextItemLike {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly height?: number;
}

function itemOf(raw: TextItemLike): PdfItem | undefined {
  if (typeof raw.str !== 'string' || !raw.transform) return undefined;
  const [a, b, , d, x, y] = raw.transform;
  // Rotated text (a stamp across the page, a vertical label) is no part of the article's lines.
  if (Math.abs(b) > Math.abs(a) * 0.1) return undefined;
  const size = Math.abs(d) || raw.height || 10;
  return { str: raw.str, x, y, width: raw.width ?? 0, size };
}

function dateOf(pdfDate: unknown): string | undefined {
  const m = typeof pdfDate === 'string' ? /^D:(\d{4})(\d{2})?(\d{2})?/.exec(pdfDate) : null;
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : undefined;
}

function field(info: Record<string, unknown>, name: string): string | undefined {
  const value = info[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export async function convertPdf(bytes: Uint8Array, options: ConvertOptions = {}): Promise<ConvertedDocument> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes the buffer over: a copy, so the caller's bytes stay theirs.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new DocumentError('is encrypted and cannot be read (it needs a password)');
    if (name === 'InvalidPDFException') throw new DocumentError('is not a readable PDF (its structure is damaged)');
    throw new DocumentError(`is not a readable PDF (${(error as Error).message})`);
  }
  try {
    const maxPages = options.maxPages ?? MAX_PDF_PAGES;
    const count = Math.min(document.numPages, maxPages);
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= count; n++) {
      const page = await document.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const raw of content.items as TextItemLike[]) {
        const item = itemOf(raw);
        if (item) {
          items.push({ ...item, x: item.x - x0, y: item.y - y0 });
          chars += item.str.trim().length;
        }
      }
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
      options.onPage?.(n, count);
    }
    if (chars < Math.max(1, count) * MIN_CHARS_PER_PAGE) {
      throw new DocumentError('has no text layer (scanned?): Policy Memo does not OCR');
    }
    const layout = layoutPdf(pages);
    const info = ((await document.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    const note = document.numPages > maxPages ? `has ${document.numPages} pages: only the first ${maxPages} are read` : undefined;
    return {
      format: 'pdf',
      content: layout.text,
      contentFormat: 'text',
      pages: layout.pages,
      meta: { title: field(info, 'Title'), author: field(info, 'Author'), date: dateOf(info.CreationDate) },
      ...(note ? { note } : {}),
    };
  } finally {
    await document.destroy().catch(() => undefined);
  }
}
