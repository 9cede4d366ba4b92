import type { Db } from '../../db/client';
import { emailOutbox } from './schema';
import type { RenderedEmail } from './templates/layout';

export type EnqueueEmailInput = {
  to: string[];
  email: RenderedEmail;
  organizationId?: string | null;
  /** Whether an SMTP server is configured; without one the mail is `stored` for the back office. */
  canSend: boolean;
  /** Files already in the file storage to attach (the invoice PDF); read when the mail is sent. */
  attachments?: EmailAttachment[];
};

export type EmailAttachment = { fileName: string; storageKey: string; contentType: string };

/**
 * Puts a mail into the outbox inside the caller's transaction and returns its id. The caller hands the
 * id to the `send-email` job after commit; the outbox sweeper catches any id that missed its job.
 */
export async function enqueueEmail(db: Db, input: EnqueueEmailInput): Promise<string> {
  const recipients = [...new Set(input.to.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  const [row] = await db
    .insert(emailOutbox)
    .values({
      to: recipients,
      subject: input.email.subject,
      html: input.email.html,
      text: input.email.text,
      template: input.email.template,
      organizationId: input.organizationId ?? null,
      attachments: input.attachments ?? [],
      status: input.canSend ? 'queued' : 'stored',
    })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error('email_outbox insert returned nothing');
  return row.id;
}
