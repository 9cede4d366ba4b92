/** Escapes text for HTML email bodies; every value from the database goes through it. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export type RenderedEmail = { template: string; subject: string; html: string; text: string };

export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; text: string; url: string }
  | { kind: 'fields'; rows: Array<[string, string]> };

/** One layout for every Russian email: the same blocks render to HTML and to plain text. */
export function renderEmail(input: {
  template: string;
  subject: string;
  greeting: string;
  blocks: EmailBlock[];
  footer?: string;
}): RenderedEmail {
  const footer = input.footer ?? 'Это письмо отправлено автоматически, отвечать на него не нужно.';
  const htmlBlocks = input.blocks.map(blockHtml);
  const textBlocks = input.blocks.map(blockText);
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head><body style="margin:0;background:#f1f3f5;font-family:Arial,Helvetica,sans-serif;color:#212529"><div style="max-width:560px;margin:0 auto;padding:24px"><div style="background:#fff;border-radius:8px;padding:32px"><p style="margin:0 0 16px;font-size:18px">${escapeHtml(input.greeting)}</p>${htmlBlocks.join('')}</div><p style="color:#868e96;font-size:12px;margin:16px 0 0">${escapeHtml(footer)}</p></div></body></html>`;
  const text = `${input.greeting}\n\n${textBlocks.join('\n\n')}\n\n—\n${footer}\n`;
  return { template: input.template, subject: input.subject, html, text };
}

function blockHtml(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text)}</p>`;
    case 'button':
      return `<p style="margin:24px 0"><a href="${escapeHtml(block.url)}" style="background:#1c7ed6;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(block.text)}</a></p><p style="margin:0 0 16px;color:#868e96;font-size:13px">Если кнопка не работает, скопируйте ссылку в браузер: ${escapeHtml(block.url)}</p>`;
    case 'fields':
      return `<table style="border-collapse:collapse;margin:0 0 16px">${block.rows
        .map(
          ([label, value]) =>
            `<tr><td style="padding:4px 16px 4px 0;color:#868e96">${escapeHtml(label)}</td><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
        )
        .join('')}</table>`;
  }
}

function blockText(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'button':
      return `${block.text}: ${block.url}`;
    case 'fields':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
  }
}
