import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';

/** A pdfmake document-definition node (text, table, columns, stack …); pdfmake validates the shape. */
export type PdfNode = string | PdfNode[] | { [key: string]: unknown };

const require = createRequire(import.meta.url);
/** pdfmake's bundled Roboto: Cyrillic, «№» and «₽» included (ARCHITECTURE.md, "documents"). */
const FONT_DIR = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

let configured = false;

/**
 * The documents print only our own text: no image or font is ever fetched from a URL, and the only local
 * files pdfmake may read are its own fonts.
 */
function configure(): void {
  if (configured) return;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  configured = true;
}

/**
 * Renders a document. The creation date is the document's own date (not the clock), so the same input gives
 * the same bytes; the bytes are stored once anyway and every download streams them.
 */
export async function renderPdf(input: {
  title: string;
  date: string;
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: [number, number, number, number];
  content: PdfNode[];
}): Promise<Buffer> {
  configure();
  const created = new Date(`${input.date}T00:00:00+03:00`);
  return pdfmake
    .createPdf({
      info: { title: input.title, creator: 'Кабинет', producer: 'Кабинет', creationDate: created },
      pageSize: 'A4',
      pageOrientation: input.pageOrientation ?? 'portrait',
      pageMargins: input.pageMargins ?? [40, 30, 30, 30],
      defaultStyle: { font: 'Roboto', fontSize: 9 },
      content: input.content,
    })
    .getBuffer();
}

const NBSP = '\u00a0';

/** `200000` → `2 000,00`: documents always print kopecks. */
export function formatAmount(kopecks: number): string {
  const negative = kopecks < 0;
  const abs = Math.abs(kopecks);
  const rubles = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${negative ? '−' : ''}${rubles},${String(abs % 100).padStart(2, '0')}`;
}
