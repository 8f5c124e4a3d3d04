/**
 * What pdf.js's display layer builds when it loads, in Node without a canvas package: a DOMMatrix (one, the
 * identity), and the ImageData and Path2D classes it looks for. Only text is read, so none is ever drawn with.
 */
class IdentityMatrix {
  a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
}
class Unused {}

globalThis.DOMMatrix ??= IdentityMatrix;
globalThis.ImageData ??= Unused;
globalThis.Path2D ??= Unused;
