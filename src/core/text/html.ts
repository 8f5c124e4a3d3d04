import { convert, type HtmlToTextOptions } from 'html-to-text';
import { Parser } from 'htmlparser2';

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
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false, colSpacing: 3 } },
    { selector: 'ul', options: { itemPrefix: ' - ' } },
  ],
};

/** HTML to readable article text, paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  const text = convert(html, HTML_TO_TEXT_OPTIONS);
  return text.replace(/\n{3,}/g, '\n\n').trim() + '\n';
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
