import { and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MailList, MailListQuery, MailMessage, MailMessageDetail } from '../../../shared/api/admin';
import type { Db } from '../../db/client';
import { likePattern } from '../../db/like-pattern';
import { AppError, notFound } from '../../http/errors';
import type { AppDeps } from '../../http/types';
import { type AuditActor, recordAudit } from '../audit/record-audit';
import { emailOutbox } from './schema';
import { dispatchEmails } from './send-email';

type Row = typeof emailOutbox.$inferSelect;

function toMessage(row: Row): MailMessage {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    template: row.template,
    status: row.status as MailMessage['status'],
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

type Query = z.output<typeof MailListQuery>;

/** «Почта» in the back office: every mail the portal wrote, sent or not. */
export async function listOutbox(db: Db, query: Query): Promise<MailList> {
  const q = query.q?.trim();
  const where = and(
    query.status ? eq(emailOutbox.status, query.status) : undefined,
    q
      ? or(
          ilike(emailOutbox.subject, likePattern(q)),
          sql`array_to_string(${emailOutbox.to}, ',') ilike ${likePattern(q)}`,
        )
      : undefined,
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(emailOutbox)
      .where(where)
      .orderBy(direction(emailOutbox.createdAt), direction(emailOutbox.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(emailOutbox).where(where),
  ]);
  return { items: rows.map(toMessage), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Password and invitation links are keys to an account: only administrators see them in «Почта». */
function maskLinkTokens(body: string): string {
  return body.replace(/token=[\w-]+/g, 'token=••••••');
}

export async function getOutboxMessage(
  db: Db,
  id: string,
  options: { revealLinks: boolean },
): Promise<MailMessageDetail> {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  if (!row) throw notFound('Письмо не найдено');
  const show = options.revealLinks ? (body: string) => body : maskLinkTokens;
  return { ...toMessage(row), html: show(row.html), text: show(row.text) };
}

/** «Отправить повторно»: a failed or stored mail goes back to the queue (needs SMTP_URL). */
export async function retryOutboxMessage(deps: AppDeps, id: string, actor: AuditActor): Promise<MailMessage> {
  if (!deps.config.smtpUrl)
    throw new AppError(
      'BAD_REQUEST',
      'Почтовый сервер не настроен (SMTP_URL): письмо можно только просмотреть',
    );
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(emailOutbox)
      .set({ status: 'queued', attempts: 0, lastError: null })
      .where(
        and(eq(emailOutbox.id, id), or(eq(emailOutbox.status, 'failed'), eq(emailOutbox.status, 'stored'))),
      )
      .returning();
    if (!updated) {
      const [exists] = await tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(eq(emailOutbox.id, id));
      throw exists
        ? new AppError('CONFLICT', 'Письмо уже отправлено или в очереди')
        : notFound('Письмо не найдено');
    }
    await recordAudit(tx, {
      actor,
      action: 'mail.retried',
      organizationId: updated.organizationId,
      entityType: 'email',
      entityId: id,
    });
    return updated;
  });
  await dispatchEmails(deps, [row.id]);
  return toMessage(row);
}
