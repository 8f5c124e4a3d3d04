import { convert, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';
import { Parser } from 'htmlparser2';
import { firstColumnNamesRows, isMeasure, type TextTable, type TextTableCell, type TextTableRow } from './tables';

export interface HtmlMetadata {
  title?: string;
  author?: string;
  outlet?: string;
  date?: string;
  url?: string;
}

/** Page furniture: not the article's content. */
const FURNITURE_SELECTORS = [
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button',
  'iframe', 'svg', 'figure > img', 'img', 'select', 'menu',
  '[role=navigation]', '[role=banner]', '[role=contentinfo]', '[role=complementary]', '[aria-hidden=true]',
  '[class*=cookie]', '[id*=cookie]', '[class*=consent]', '[id*=consent]', '[class*=newsletter]',
  '[class*=share]', '[class*=related]', '[class*=advert]', '[class*=promo]', '[class*=breadcrumb]',
  '[class*=comments]', '[id*=comments]', '[class*=sidebar]', '[class*=social]',
];

const HTML_TO_TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  baseElements: { selectors: ['article', 'main', 'body'], returnDomByDefault: true },
  selectors: [
    ...FURNITURE_SELECTORS.map((selector) => ({ selector, format: 'skip' })),
    // An article's own header is its headline, byline and date: content, where the page's header is furniture.
    { selector: 'article > header', format: 'block' },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'rowTable', options: { uppercaseHeaderCells: false, colSpacing: 3 } },
    { selector: 'ul', options: { itemPrefix: ' - ' } },
  ],
  formatters: { rowTable: formatRowTable },
};

/** HTML to readable article text, paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  return htmlToTextWithTables(html).text;
}

/** The article text, and where its data tables' rows and cells are in it. */
export function htmlToTextWithTables(html: string): { text: string; tables: TextTable[] } {
  const rendered: RenderedTable[] = [];
  rendering = rendered;
  let converted: string;
  try {
    converted = convert(html, HTML_TO_TEXT_OPTIONS);
  } finally {
    rendering = undefined;
  }
  const text = converted.replace(/\n{3,}/g, '\n\n').trim() + '\n';
  return { text, tables: locateTables(text, rendered) };
}

// --- Data tables: a row is a line of its own, each cell with its column's header ("North — 2015: 164; 2024: 92.").

interface DomNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Record<string, string>;
  readonly children?: readonly DomNode[];
}

interface RenderedLine {
  readonly text: string;
  readonly row?: Omit<TextTableRow, 'start' | 'end'>;
}

interface RenderedTable {
  readonly columns: readonly string[];
  readonly lines: readonly RenderedLine[];
}

/** The tables of the conversion under way (convert is synchronous: one at a time). */
let rendering: RenderedTable[] | undefined;

/** Most columns or rows one cell spans, as HTML caps them. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;
const SKIPPED_IN_CELLS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'img', 'iframe']);
const BLOCKS_IN_CELLS = new Set(['p', 'div', 'li', 'br', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

function textOf(node: DomNode, parts: string[]): void {
  if (node.type === 'text') {
    parts.push(node.data ?? '');
    return;
  }
  if (node.type !== 'tag' || SKIPPED_IN_CELLS.has(node.name ?? '')) return;
  const block = BLOCKS_IN_CELLS.has(node.name ?? '');
  if (block) parts.push(' ');
  for (const child of node.children ?? []) textOf(child, parts);
  if (block) parts.push(' ');
}

function cellText(node: DomNode): string {
  const parts: string[] = [];
  for (const child of node.children ?? []) textOf(child, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function hasTable(node: DomNode): boolean {
  return (node.children ?? []).some((child) => child.type === 'tag' && (child.name === 'table' || hasTable(child)));
}

interface GridCell {
  readonly text: string;
  readonly header: boolean;
  readonly column: number;
  readonly span: number;
  readonly scope?: string;
}

interface GridRow {
  readonly head: boolean;
  readonly cells: readonly GridCell[];
}

function spanOf(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** The table's rows with each cell at its column (colspan and rowspan laid out), its caption, and whether it nests a table. */
function gridOf(table: DomNode): { rows: GridRow[]; caption: string; nested: boolean } {
  const rows: GridRow[] = [];
  let caption = '';
  let nested = false;
  const carry: ({ cell: GridCell; left: number } | undefined)[] = [];
  const addRow = (tr: DomNode, head: boolean): void => {
    const cells: GridCell[] = [];
    let column = 0;
    const flushCarried = (): void => {
      for (let c = carry[column]; c && c.left > 0; c = carry[column]) {
        cells.push({ ...c.cell, column, span: 1 });
        c.left--;
        column++;
      }
    };
    for (const node of tr.children ?? []) {
      if (node.type !== 'tag' || (node.name !== 'td' && node.name !== 'th')) continue;
      if (hasTable(node)) nested = true;
      flushCarried();
      const span = spanOf(node.attribs?.colspan, MAX_COLSPAN);
      const rowspan = spanOf(node.attribs?.rowspan, MAX_ROWSPAN);
      const cell: GridCell = { text: cellText(node), header: node.name === 'th', column, span, scope: node.attribs?.scope?.toLowerCase() };
      cells.push(cell);
      for (let k = 0; k < span; k++) carry[column + k] = rowspan > 1 ? { cell, left: rowspan - 1 } : undefined;
      column += span;
    }
    flushCarried();
    rows.push({ head, cells });
  };
  const walk = (node: DomNode, head: boolean): void => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'caption') caption = cellText(child);
      else if (child.name === 'tr') addRow(child, head);
      else if (child.name === 'thead') walk(child, true);
      else if (child.name === 'tbody' || child.name === 'tfoot') walk(child, false);
    }
  };
  walk(table, false);
  return { rows, caption, nested };
}

/** Header rows: the table's <thead>, else its leading rows of <th> only, else (no <th> at all) a first row of names. */
function headerRowCount(rows: readonly GridRow[]): number {
  const thead = rows.filter((r) => r.head).length;
  if (thead > 0 && rows.slice(0, thead).every((r) => r.head)) return thead;
  let leading = 0;
  while (leading < rows.length - 1 && rows[leading].cells.length > 0 && rows[leading].cells.every((c) => c.header)) leading++;
  if (leading > 0) return leading;
  const anyHeader = rows.some((r) => r.cells.some((c) => c.header));
  if (!anyHeader && rows.length >= 2 && rows[0].cells.every((c) => c.text !== '' && !isMeasure(c.text))) return 1;
  return 0;
}

function layoutTable(table: DomNode): RenderedTable | undefined {
  const { rows, caption, nested } = gridOf(table);
  const width = rows.reduce((w, r) => r.cells.reduce((n, c) => Math.max(n, c.column + c.span), w), 0);
  if (nested || width < 2 || rows.length === 0) return undefined;
  const heads = headerRowCount(rows);
  // Each column's header: the texts of the header rows' cells over it, top down, a spanning cell's once.
  const parts: string[][] = Array.from({ length: width }, () => []);
  for (const r of rows.slice(0, heads)) {
    for (const cell of r.cells) {
      if (!cell.text) continue;
      for (let c = cell.column; c < cell.column + cell.span; c++) if (parts[c][parts[c].length - 1] !== cell.text) parts[c].push(cell.text);
    }
  }
  const columns = parts.map((p) => p.join(', '));
  const body = rows.slice(heads);
  const anyRowTh = body.some((r) => r.cells.some((c) => c.header));
  const firstNames = firstColumnNamesRows(body.map((r) => r.cells.find((c) => c.column === 0)?.text ?? ''), width);
  const lines: RenderedLine[] = [];
  if (caption) lines.push({ text: caption });
  for (const r of (body.length ? body : rows)) {
    const headerCell = !body.length ? undefined : anyRowTh ? r.cells.find((c) => c.header) : firstNames ? r.cells.find((c) => c.column === 0) : undefined;
    let text = '';
    let rowHeader: TextTableCell | undefined;
    if (headerCell?.text) {
      rowHeader = { start: 0, end: headerCell.text.length, column: headerCell.column };
      text = headerCell.text;
    }
    const cells: TextTableCell[] = [];
    for (const cell of r.cells) {
      if (cell === headerCell || !cell.text) continue;
      text += text ? (cells.length ? '; ' : rowHeader ? ' \u2014 ' : '') : '';
      const label = body.length ? columns[cell.column] : '';
      let labelSpan: { start: number; end: number } | undefined;
      if (label && label !== cell.text) {
        labelSpan = { start: text.length, end: text.length + label.length };
        text += `${label}: `;
      }
      cells.push({ start: text.length, end: text.length + cell.text.length, column: cell.column, ...(labelSpan ? { label: labelSpan } : {}) });
      text += cell.text;
    }
    if (!text) continue;
    if (!/[.!?]$/.test(text)) text += '.';
    lines.push({ text, row: { kind: 'body', ...(rowHeader ? { rowHeader } : {}), cells } });
  }
  return lines.some((l) => l.row) ? { columns, lines } : undefined;
}

/** A data table as lines, a row each; a layout table (a table in a cell, a single column) as html-to-text lays it out. */
function formatRowTable(...[elem, walk, builder, formatOptions]: Parameters<FormatCallback>): void {
  const table = layoutTable(elem as unknown as DomNode);
  if (!table) {
    builder.options.formatters.dataTable(elem, walk, builder, formatOptions);
    return;
  }
  rendering?.push(table);
  builder.openBlock({ leadingLineBreaks: formatOptions.leadingLineBreaks ?? 2 });
  table.lines.forEach((line, k) => {
    if (k > 0) builder.addLineBreak();
    builder.addLiteral(line.text);
  });
  builder.closeBlock({ trailingLineBreaks: formatOptions.trailingLineBreaks ?? 2 });
}

function shift<T extends { start: number; end: number }>(span: T, by: number): T {
  return { ...span, start: span.start + by, end: span.end + by };
}

/** Where each rendered table's lines are in the final text (in order; a table not found whole is left out). */
function locateTables(text: string, rendered: readonly RenderedTable[]): TextTable[] {
  const tables: TextTable[] = [];
  let cursor = 0;
  for (const table of rendered) {
    const rows: TextTableRow[] = [];
    let at = cursor;
    let start = -1;
    let found = true;
    for (const line of table.lines) {
      let hit = text.indexOf(line.text, at);
      while (hit >= 0 && !((hit === 0 || text[hit - 1] === '\n') && (hit + line.text.length === text.length || text[hit + line.text.length] === '\n'))) hit = text.indexOf(line.text, hit + 1);
      if (hit < 0) {
        found = false;
        break;
      }
      if (start < 0) start = hit;
      at = hit + line.text.length;
      if (!line.row) continue;
      const { rowHeader, cells } = line.row;
      rows.push({
        kind: 'body', start: hit, end: at,
        ...(rowHeader ? { rowHeader: shift(rowHeader, hit) } : {}),
        cells: cells.map((c) => ({ ...shift(c, hit), ...(c.label ? { label: shift(c.label, hit) } : {}) })),
      });
    }
    if (!found) continue;
    tables.push({ start, end: at, columns: table.columns, rows });
    cursor = at;
  }
  return tables;
}

/** Title, author, outlet, date and URL from a page's head, where it declares them (parsed, not pattern-matched). */
export function htmlMetadata(html: string): HtmlMetadata {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  let canonical: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? '').toLowerCase();
          if (key && attributes.content && !meta.has(key)) meta.set(key, attributes.content.trim());
        }
        if (name === 'link' && (attributes.rel ?? '').toLowerCase() === 'canonical' && attributes.href) canonical = attributes.href;
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const pick = (...keys: string[]): string | undefined => {
    for (const key of keys) if (meta.get(key)) return meta.get(key);
    return undefined;
  };
  return {
    title: pick('og:title') ?? (title.trim() || undefined),
    author: pick('author', 'article:author'),
    outlet: pick('og:site_name'),
    date: pick('article:published_time', 'date'),
    url: pick('og:url') ?? canonical,
  };
}
