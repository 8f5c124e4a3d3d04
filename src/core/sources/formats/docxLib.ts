/**
 * jszip and mammoth, the one module that imports them: a bundle of its own (dist/docxLib.js, see esbuild.js), loaded
 * by docx.ts with the first Word document. With their zip, XML and stream packages they are ~430 KB that the engine's
 * bundle, shared with the extension host (which never reads a Word document), would otherwise parse at activation.
 */
export { default as JSZip } from 'jszip';
export { default as mammoth } from 'mammoth';
