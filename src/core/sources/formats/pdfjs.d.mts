// The part of pdf.js that pdf.ts uses, through pdfjs.mjs.
export { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
