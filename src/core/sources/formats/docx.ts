/**
 * A Word document as HTML (mammoth: headings, paragraphs, lists, tables), read by the same HTML reader as HTML
 * sources, which keeps a table's rows and headers. Its title and author come from the document's properties.
 */
import { DocumentError, type ConvertedDocument } from './document';

type DocxLib = typeof import('./docxLib');
let docxLib: DocxLib | undefined;

/** jszip and mammoth, loaded with the first Word document; in the bundles dist/docxLib.js beside the bundle (esbuild.js). */
function loadDocxLib(): DocxLib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  docxLib ??= require('./docxLib') as DocxLib;
  return docxLib;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** The text of one element of docProps/core.xml (a few fields: no XML library for them). */
function coreField(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  const value = m?.[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim();
  return value || undefined;
}

async function coreProperties(bytes: Uint8Array): Promise<ConvertedDocument['meta']> {
  try {
    const zip = await loadDocxLib().JSZip.loadAsync(bytes);
    const xml = await zip.file('docProps/core.xml')?.async('string');
    if (!xml) return {};
    const date = coreField(xml, 'dcterms:created')?.slice(0, 10);
    return { title: coreField(xml, 'dc:title'), author: coreField(xml, 'dc:creator'), ...(date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}) };
  } catch {
    return {};
  }
}

export async function convertDocx(bytes: Uint8Array): Promise<ConvertedDocument> {
  if (!ZIP_SIGNATURE.every((b, i) => bytes[i] === b)) throw new DocumentError('is not a Word document (a .docx file is a zip archive, and this is not one)');
  let html: string;
  try {
    const result = await loadDocxLib().mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch (error) {
    const message = (error as Error).message;
    if (/word\/document\.xml|main document part/i.test(message)) throw new DocumentError('is not a Word document (the archive has no word/document.xml)');
    throw new DocumentError(`is not a readable Word document (${message.split('\n')[0]})`);
  }
  if (!html.replace(/<[^>]*>/g, '').trim()) throw new DocumentError('is empty');
  return { format: 'docx', content: `<html><body>${html}</body></html>`, contentFormat: 'html', meta: await coreProperties(bytes) };
}
