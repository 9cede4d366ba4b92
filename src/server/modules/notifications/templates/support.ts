import { type EmailBlock, type RenderedEmail, renderEmail } from './layout';

const greet = (name: string) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!');

const FOOTER =
  'Письмо отправлено автоматически. Чтобы ответить, откройте обращение по ссылке: ответ на это письмо не дойдёт до адресата.';

/** The request as the mails name it. */
export type SupportMailTicket = {
  number: number;
  subject: string;
  serial: string;
  productName: string;
};

/**
 * Every mail of one request has the same subject, so mail programs keep the thread together:
 * «Обращение № 12: Не устанавливается обновление».
 */
export function supportThreadSubject(ticket: { number: number; subject: string }): string {
  return `Обращение № ${ticket.number}: ${ticket.subject}`;
}

/** The message text as paragraphs (blank lines separate them), as the person wrote it. */
function messageBlocks(body: string): EmailBlock[] {
  return body
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({ kind: 'paragraph', text }));
}

/**
 * To the support team: a new request or the customer's reply (seed 000, «Техподдержка» — the serial number
 * proves legitimate use, so it heads the facts).
 */
export function supportRequestToStaffEmail(input: {
  kind: 'created' | 'customer_reply';
  ticket: SupportMailTicket;
  organizationName: string;
  organizationInn: string;
  authorName: string;
  authorEmail: string;
  body: string;
  url: string;
}): RenderedEmail {
  const { ticket } = input;
  const lead =
    input.kind === 'created'
      ? `Новое обращение № ${ticket.number} в техническую поддержку.`
      : `Клиент ответил в обращении № ${ticket.number}.`;
  return renderEmail({
    template: input.kind === 'created' ? 'support-ticket-created' : 'support-customer-reply',
    subject: supportThreadSubject(ticket),
    greeting: 'Здравствуйте!',
    blocks: [
      { kind: 'paragraph', text: lead },
      {
        kind: 'fields',
        rows: [
          ['Серийный номер', ticket.serial],
          ['Продукт', ticket.productName],
          ['Организация', `${input.organizationName}, ИНН ${input.organizationInn}`],
          ['Автор сообщения', `${input.authorName} <${input.authorEmail}>`],
          ['Тема', ticket.subject],
        ],
      },
      ...messageBlocks(input.body),
      { kind: 'button', text: 'Открыть обращение', url: input.url },
    ],
    footer: FOOTER,
  });
}

/** To the request's author: support answered. */
export function supportReplyToCustomerEmail(input: {
  name: string;
  ticket: SupportMailTicket;
  staffName: string;
  body: string;
  url: string;
}): RenderedEmail {
  const { ticket } = input;
  return renderEmail({
    template: 'support-staff-reply',
    subject: supportThreadSubject(ticket),
    greeting: greet(input.name),
    blocks: [
      {
        kind: 'paragraph',
        text: `Техническая поддержка ответила на ваше обращение № ${ticket.number} «${ticket.subject}» (серийный номер ${ticket.serial}, ${ticket.productName}).`,
      },
      { kind: 'paragraph', text: `${input.staffName}:` },
      ...messageBlocks(input.body),
      { kind: 'button', text: 'Открыть обращение', url: input.url },
      {
        kind: 'paragraph',
        text: 'Если вопрос решён, закройте обращение в личном кабинете; если нет — ответьте там же.',
      },
    ],
    footer: FOOTER,
  });
}
