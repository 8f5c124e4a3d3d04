/**
 * A PDF's text items (what pdf.js gives per page: strings with a position and size) read as an article: lines by
 * their baseline, two columns read one after the other, running headers, footers and bare page numbers left out,
 * words hyphenated at a line's end joined, paragraphs by the space between lines. Pure: no PDF library here, so
 * the rules are tested on items made by hand.
 */

/** One text item of a page, in PDF user space (y grows upwards). */
export interface PdfItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** The font size (the item's height). */
  readonly size: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfItem[];
}

/** Where a page starts in the text, and the blank run kept for its mark ("[p. 3]") in the reading view. */
export interface PageStart {
  /** 1-based page number, as the PDF counts them. */
  readonly number: number;
  /** Offset in the text of the first character read from the page. */
  readonly start: number;
  /** Offset of the run of spaces the mark is shown in (see {@link pageMark}). */
  readonly mark: number;
}

export interface PdfLayout {
  readonly text: string;
  readonly pages: readonly PageStart[];
}

interface Line {
  readonly page: number;
  text: string;
  readonly x: number;
  end: number;
  readonly y: number;
  readonly size: number;
}

/** The mark of a page in the reading view: the text keeps spaces of its length there, so that offsets do not move. */
export function pageMark(number: number): string {
  return `[p. ${number}]`;
}

/** Items closer than this (in font sizes) on one baseline are one run of text; a wider gap separates columns. */
const COLUMN_GAP_SIZES = 1.5;
/** Items on baselines closer than this (in font sizes) are on one line. */
const SAME_LINE_SIZES = 0.4;
/** A gap between items wider than this (in font sizes) is a space between words. */
const WORD_GAP_SIZES = 0.12;
/** A line repeated at the same place on at least this share of the pages is a running header or footer. */
const FURNITURE_SHARE = 0.5;
/** Lines a few points apart count as at the same place on two pages. */
const SAME_PLACE_PT = 3;
/** The top and bottom of a page where a bare page number is furniture. */
const MARGIN_SHARE = 0.12;
/** A gap between lines over this many times the usual line spacing starts a paragraph. */
const PARAGRAPH_GAP = 1.35;
/** A line at least this share of its column's width is full: its paragraph may go on in the next column. */
const FULL_LINE = 0.85;

/** Runs of text on one baseline, split where the gap between items is a column's gutter. */
function linesOf(page: PdfPage, number: number): Line[] {
  const items = page.items.filter((i) => i.str.trim() !== '').slice().sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - item.y) <= SAME_LINE_SIZES * Math.max(row[0].size, item.size)) row.push(item);
    else rows.push([item]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line: Line | undefined;
    for (const item of row) {
      const gap = line ? item.x - line.end : 0;
      if (!line || gap > COLUMN_GAP_SIZES * item.size) {
        line = { page: number, text: item.str, x: item.x, end: item.x + item.width, y: row[0].y, size: item.size };
        lines.push(line);
        continue;
      }
      const space = gap > WORD_GAP_SIZES * item.size && !/\s$/.test(line.text) && !/^\s/.test(item.str);
      line.text += (space ? ' ' : '') + item.str;
      line.end = Math.max(line.end, item.x + item.width);
    }
  }
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  return lines;
}

/** A line with its digits as one sign: "Page 3 of 9" and "Page 4 of 9" are the same furniture. */
function shapeOf(line: Line): string {
  return line.text.replace(/\d+/g, '#').toLowerCase();
}

const BARE_PAGE_NUMBER = /^(?:[-\u2013\u2014\u2022|]\s*)?(?:page\s+|p\.\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-\u2013\u2014\u2022|])?$/i;

/** Running headers and footers (the same words at the same height on most pages) and bare page numbers in the margins. */
function furniture(pages: readonly PdfPage[], lines: readonly Line[][]): Set<Line> {
  const dropped = new Set<Line>();
  const counted = pages.length >= 2;
  const places = new Map<string, Set<number>>();
  const key = (l: Line): string => `${shapeOf(l)}@${Math.round(l.y / SAME_PLACE_PT)}`;
  if (counted) {
    lines.forEach((pageLines, p) => {
      for (const l of pageLines) {
        // A line a little above or below counts as the same place.
        for (const k of [key(l), `${shapeOf(l)}@${Math.round(l.y / SAME_PLACE_PT) - 1}`, `${shapeOf(l)}@${Math.round(l.y / SAME_PLACE_PT) + 1}`]) {
          let set = places.get(k);
          if (!set) places.set(k, (set = new Set()));
          set.add(p);
        }
      }
    });
  }
  lines.forEach((pageLines, p) => {
    const { height } = pages[p];
    for (const l of pageLines) {
      const inMargin = l.y > height * (1 - MARGIN_SHARE) || l.y < height * MARGIN_SHARE;
      if (inMargin && BARE_PAGE_NUMBER.test(l.text)) dropped.add(l);
      else if (counted && (places.get(key(l))?.size ?? 0) >= Math.max(2, Math.ceil(pages.length * FURNITURE_SHARE)) && inMargin) dropped.add(l);
    }
  });
  return dropped;
}

/**
 * A page's lines in reading order. Where the page has a gutter (an x no line crosses, with lines on both sides),
 * the lines above and below any line that spans it are read as bands: in each band the left column, then the right.
 */
function readingOrder(page: PdfPage, lines: readonly Line[]): Line[] {
  const gutter = gutterOf(page, lines);
  if (gutter === undefined) return [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
  const ordered: Line[] = [];
  const byY = [...lines].sort((a, b) => b.y - a.y || a.x - b.x);
  let band: Line[] = [];
  const flush = (): void => {
    ordered.push(...band.filter((l) => l.end <= gutter), ...band.filter((l) => l.end > gutter));
    band = [];
  };
  for (const l of byY) {
    if (l.x < gutter && l.end > gutter) {
      flush();
      ordered.push(l);
    } else band.push(l);
  }
  flush();
  return ordered;
}

/** The middle of the widest vertical strip in the middle half of the page that most lines leave free, if lines lie on both sides of it. */
function gutterOf(page: PdfPage, lines: readonly Line[]): number | undefined {
  if (lines.length < 4) return undefined;
  const width = Math.ceil(page.width);
  const cover = new Uint16Array(width + 1);
  for (const l of lines) for (let x = Math.max(0, Math.floor(l.x)); x <= Math.min(width, Math.ceil(l.end)); x++) cover[x]++;
  // A title or a table across both columns crosses the gutter: a strip crossed by few lines is still one.
  const allowed = Math.max(1, Math.floor(lines.length * 0.1));
  let best: { from: number; to: number } | undefined;
  let from = -1;
  const lo = Math.floor(width * 0.25);
  const hi = Math.ceil(width * 0.75);
  for (let x = lo; x <= hi + 1; x++) {
    const free = x <= hi && cover[x] <= allowed;
    if (free && from < 0) from = x;
    if (!free && from >= 0) {
      if (!best || x - from > best.to - best.from) best = { from, to: x };
      from = -1;
    }
  }
  if (!best || best.to - best.from < 6) return undefined;
  const middle = (best.from + best.to) / 2;
  const left = lines.filter((l) => l.end <= middle).length;
  const right = lines.filter((l) => l.x >= middle).length;
  return left >= 2 && right >= 2 ? middle : undefined;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ENDS_SENTENCE = /[.!?:;"\u201d\u2019)\]]$/;

/** Reads the pages of a PDF as the text of an article: paragraphs a blank line apart, with where each page starts. */
export function layoutPdf(pages: readonly PdfPage[]): PdfLayout {
  const lines = pages.map((p, k) => linesOf(p, k + 1));
  const dropped = furniture(pages, lines);
  const paragraphs: Line[][] = [];
  let previous: Line | undefined;
  let columnWidth = 0;
  const orders = pages.map((page, k) => readingOrder(page, lines[k].filter((l) => !dropped.has(l))));
  // The usual space between the lines of a column, over the whole document: a page of two lines has no usual.
  const spacings: number[] = [];
  for (const ordered of orders) {
    for (let i = 1; i < ordered.length; i++) {
      const d = ordered[i - 1].y - ordered[i].y;
      if (d > 0 && Math.abs(ordered[i - 1].x - ordered[i].x) < ordered[i].size * 2 && Math.abs(ordered[i - 1].size - ordered[i].size) < 0.5) spacings.push(d);
    }
  }
  const spacing = median(spacings) || 12;
  for (const ordered of orders) {
    const bodySize = median(ordered.map((l) => l.size));
    for (const line of ordered) {
      const current = paragraphs[paragraphs.length - 1];
      const heading = line.size > bodySize * 1.15;
      let joins = false;
      if (current && previous) {
        const wasHeading = previous.size > bodySize * 1.15;
        if (previous.page === line.page && Math.abs(previous.x - line.x) < line.size * 2 && previous.y > line.y) {
          // The next line of the same column.
          joins = !heading && !wasHeading && previous.y - line.y <= spacing * PARAGRAPH_GAP;
        } else {
          // The top of the next column or page: the paragraph goes on unless it had ended.
          const full = columnWidth > 0 && previous.end - previous.x >= columnWidth * FULL_LINE;
          joins = !heading && !wasHeading && !ENDS_SENTENCE.test(previous.text) && (/^[a-z]/.test(line.text) || full || /[a-z]-$/i.test(previous.text));
        }
      }
      if (joins && current) current.push(line);
      else paragraphs.push([line]);
      columnWidth = Math.max(columnWidth * 0.9, line.end - line.x);
      previous = line;
    }
  }
  return textOf(paragraphs);
}

/** The paragraphs as text: each PDF line a line, a word hyphenated at a line's end joined on the first line. */
function textOf(paragraphs: readonly Line[][]): PdfLayout {
  const pages: PageStart[] = [];
  let text = '';
  let page = 0;
  /** Marks of the pages from the one after `page` to `to`: a run of spaces each, where the text is now. */
  const markPages = (to: number, ownLine: boolean): void => {
    for (let p = page + 1; p <= to; p++) {
      if (!ownLine) text += ' ';
      const mark = text.length;
      text += ' '.repeat(pageMark(p).length);
      if (ownLine) text += '\n';
      pages.push({ number: p, start: text.length + (ownLine ? 0 : 1), mark });
    }
    page = to;
  };
  for (const paragraph of paragraphs) {
    if (text) text += '\n\n';
    const words = paragraph.map((l) => l.text);
    for (let i = 0; i + 1 < words.length; i++) {
      // "procure-" then "ment was slow": "procurement" ends this line, "was slow" starts the next.
      if (/[A-Za-z]{2}-$/.test(words[i]) && /^[a-z]/.test(words[i + 1])) {
        const [fragment, ...rest] = words[i + 1].split(' ');
        words[i] = words[i].slice(0, -1) + fragment;
        words[i + 1] = rest.join(' ');
      }
    }
    let first = true;
    paragraph.forEach((line, i) => {
      if (!words[i]) return;
      // A page's mark between paragraphs has a line of its own; inside a paragraph it ends the line before.
      if (line.page !== page) markPages(line.page, first);
      if (!first) text += '\n';
      text += words[i];
      first = false;
    });
  }
  return { text: text + '\n', pages };
}
