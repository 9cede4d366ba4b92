/**
 * The part of pdfmake 0.3's server API (js/index.js) the order documents use; the package ships no types.
 * Document definitions are plain objects (https://pdfmake.github.io/docs/0.3/document-definition-object/).
 */
declare module 'pdfmake' {
  type FontFiles = { normal: string; bold: string; italics: string; bolditalics: string };
  type OutputDocument = { getBuffer(): Promise<Buffer> };
  const pdfmake: {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(definition: Record<string, unknown>): OutputDocument;
  };
  export = pdfmake;
}
