/**
 * pdf.js as Policy Memo loads it (plain JavaScript: Node loads it as it is in tests, esbuild bundles it alone into
 * dist/pdfjs.mjs, and pdf.ts imports it only when a PDF is read). Its worker's code runs in this thread (the
 * extraction worker, already off the editor's thread), so nothing is fetched or spawned.
 */
import './pdfjsGlobals.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

globalThis.pdfjsWorker = worker;

export { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
