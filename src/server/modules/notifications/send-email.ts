import { buffer } from 'node:stream/consumers';
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { AppDeps } from '../../http/types';
import { sendEmailJob } from './jobs';
import { getTransport } from './mailer';
import { emailOutbox } from './schema';

/** After this many failed attempts a mail stays `failed` until staff press «Отправить повторно». */
export const MAX_EMAIL_ATTEMPTS = 5;

/**
 * Sends one outbox mail. Idempotent: the row is claimed with a conditional update, so a duplicate job
 * for a mail that is already being sent or was sent does nothing.
 */
export async function sendEmail(deps: AppDeps, payload: { outboxId: string }): Promise<void> {
  const transport = getTransport(deps.config);
  if (!transport) return;
  const [mail] = await deps.db
    .update(emailOutbox)
    .set({ status: 'sending', claimedAt: new Date(), attempts: sql`${emailOutbox.attempts} + 1` })
    .where(and(eq(emailOutbox.id, payload.outboxId), inArray(emailOutbox.status, ['queued', 'failed'])))
    .returning();
  if (!mail) return;
  try {
    // Attachments live in the file storage (the invoice PDF); the bytes are read only to send them.
    const attachments = await Promise.all(
      mail.attachments.map(async (a) => ({
        filename: a.fileName,
        contentType: a.contentType,
        content: await buffer(await deps.storage.open(a.storageKey)),
      })),
    );
    await transport.sendMail({
      from: deps.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: { 'X-Kabinet-Mail-Id': mail.id },
      ...(attachments.length > 0 ? { attachments } : {}),
    });
    await deps.db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: new Date(), lastError: null })
      .where(eq(emailOutbox.id, mail.id));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const exhausted = mail.attempts >= MAX_EMAIL_ATTEMPTS;
    await deps.db
      .update(emailOutbox)
      .set({ status: exhausted ? 'failed' : 'queued', lastError: message.slice(0, 1000) })
      .where(eq(emailOutbox.id, mail.id));
    // Let pg-boss retry with back-off while attempts remain.
    if (!exhausted) throw error;
  }
}

/** Hands every mail that waits without a live job to `send-email` (runs each minute). */
export async function sweepOutbox(deps: AppDeps): Promise<void> {
  if (!getTransport(deps.config)) return;
  const staleSending = sql`now() - interval '5 minutes'`;
  const waiting = await deps.db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.status, 'queued'), lt(emailOutbox.createdAt, sql`now() - interval '1 minute'`)),
        and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.claimedAt, staleSending)),
      ),
    )
    .limit(500);
  for (const { id } of waiting) {
    await deps.db
      .update(emailOutbox)
      .set({ status: 'queued' })
      .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'sending')));
    await deps.jobs.send(sendEmailJob, { outboxId: id }, { singletonKey: id });
  }
}

/** Call after the transaction that enqueued the mails has committed. */
export async function dispatchEmails(deps: AppDeps, outboxIds: string[]): Promise<void> {
  if (!getTransport(deps.config)) return;
  for (const outboxId of outboxIds) {
    await deps.jobs.send(sendEmailJob, { outboxId }, { singletonKey: outboxId });
  }
}
