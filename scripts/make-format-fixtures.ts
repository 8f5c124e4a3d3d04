/**
 * Writes the PDF and Word fixtures under test/fixtures/formats/ from defence-review.md (npx tsx
 * scripts/make-format-fixtures.ts). The files are committed; the same input gives the same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import JSZip from 'jszip';
import { articlePdf, encryptedPdf, imageOnlyPdf } from '../test/fixtures/formats/pdfWriter';

const FIXED_DATE = new Date(Date.UTC(2025, 1, 10, 9));
const DIR = join(__dirname, '..', 'test', 'fixtures', 'formats');

async function pdfs(): Promise<void> {
  const markdown = readFileSync(join(DIR, 'defence-review.md'), 'utf8');
  writeFileSync(join(DIR, 'defence-review.pdf'), await articlePdf(markdown, {
    title: 'Defence Spending Review 2024', author: 'Institute for Fiscal Policy',
    header: 'Institute for Fiscal Policy \u00b7 Defence Spending Review 2024',
  }));
  writeFileSync(join(DIR, 'scan.pdf'), await imageOnlyPdf(2));
  writeFileSync(join(DIR, 'encrypted.pdf'), encryptedPdf());
  // A PDF cut off after its first kilobyte, as a failed download leaves one.
  const whole = await articlePdf(markdown);
  writeFileSync(join(DIR, 'truncated.pdf'), whole.slice(0, 1024));
  writeFileSync(join(DIR, 'not-a-pdf.pdf'), 'This file is called .pdf but is a note saved as plain text.\n');
}

async function docx(): Promise<void> {
  const cell = (text: string, bold = false): TableCell => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })], width: { size: 3000, type: WidthType.DXA } });
  const doc = new Document({
    title: 'Draft: Coastal Flood Defences',
    creator: 'Marieke de Vries',
    description: 'A colleague\u2019s draft',
    sections: [{
      children: [
        new Paragraph({ text: 'Draft: Coastal Flood Defences', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'Summary', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ children: [new TextRun('The Delta Programme will spend 1.6 billion euros on coastal flood defences in 2025, the Ministry of Infrastructure said in The Hague on 3 February 2025. Most of it goes to the dunes of Zeeland and the dikes of Friesland.')] }),
        new Paragraph({ children: [new TextRun('\u201cThe sea does not wait for the budget cycle,\u201d said Peter Glas, the Delta Commissioner, at the presentation of the plan.')] }),
        new Paragraph({ text: 'What the money buys', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Reinforcement of 38 kilometres of dike between Harlingen and Den Oever.', bullet: { level: 0 } }),
        new Paragraph({ text: 'Sand replenishment of 12 million cubic metres along the coast of Zeeland.', bullet: { level: 0 } }),
        new Paragraph({ text: 'A new storm surge warning system, to be ready in 2027.', bullet: { level: 0 } }),
        new Paragraph({ text: 'Spending by province', heading: HeadingLevel.HEADING_1 }),
        new Table({ rows: [
          new TableRow({ tableHeader: true, children: [cell('Province', true), cell('2024', true), cell('2025', true)] }),
          new TableRow({ children: [cell('Zeeland'), cell('410 million euros'), cell('520 million euros')] }),
          new TableRow({ children: [cell('Friesland'), cell('300 million euros'), cell('450 million euros')] }),
          new TableRow({ children: [cell('South Holland'), cell('280 million euros'), cell('390 million euros')] }),
        ] }),
        new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun('Water boards will pay 40 percent of the cost, as agreed in 2014.')] }),
      ],
    }],
  });
  // The docx package stamps the time it runs into the properties and the archive: fixed here, for the same bytes each time.
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
  zip.file('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$12025-02-10T09:00:00Z'));
  for (const name of Object.keys(zip.files)) zip.files[name].date = FIXED_DATE;
  writeFileSync(join(DIR, 'flood-draft.docx'), await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  writeFileSync(join(DIR, 'not-a-zip.docx'), 'Meeting notes, saved as text with the wrong name.\n');
}

void pdfs().then(docx);
