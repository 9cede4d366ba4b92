import { eq } from 'drizzle-orm';
import { findUserByEmail } from '../modules/identity/users';
import { findLicenseBySerial } from '../modules/licenses/get-license';
import { licenses } from '../modules/licenses/schema';
import { insertTicket } from '../modules/support/create-ticket';
import { supportMessages, supportTickets } from '../modules/support/schema';
import type { Db } from './client';

/** The seed's example serial (ООО «Ромашка», AlterOffice). */
const DEMO_SERIAL = '21-AO-19619913021-266-3388';

/**
 * One answered request of ООО «Ромашка» for «Техподдержка» (seed 000): the IT manager asks about AlterOffice,
 * the operator's support engineer answers. Safe to run twice: skipped once the organization has a request.
 */
export async function seedDemoSupport(db: Db): Promise<void> {
  const [license, author, engineer] = await Promise.all([
    findLicenseBySerial(db, DEMO_SERIAL),
    findUserByEmail(db, 'it@romashka.example'),
    findUserByEmail(db, 'support@kabinet.example'),
  ]);
  if (!license || !author || !engineer) return;
  await db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ organizationId: licenses.organizationId })
      .from(licenses)
      .where(eq(licenses.id, license.id));
    if (!owner) return;
    const [existing] = await tx
      .select({ id: supportTickets.id })
      .from(supportTickets)
      .where(eq(supportTickets.organizationId, owner.organizationId))
      .limit(1);
    if (existing) return;
    const ticket = await insertTicket(tx, {
      organizationId: owner.organizationId,
      licenseId: license.id,
      productCode: 'AO',
      subject: 'Не активируется AlterOffice на новом компьютере',
      body: 'Добрый день! Установили AlterOffice на новый компьютер бухгалтерии, при активации появляется ошибка «Превышено число активаций». По серийному номеру активировано 7 из 10. Подскажите, что делать?',
      createdBy: author.id,
    });
    const answeredAt = new Date();
    await tx.insert(supportMessages).values({
      ticketId: ticket.id,
      authorId: engineer.id,
      authorKind: 'staff',
      body: 'Здравствуйте, Анна! Ошибка возникает, когда на компьютере осталась активация предыдущей установки. Удалите файл лицензии из папки профиля пользователя и повторите активацию. Если ошибка повторится, пришлите, пожалуйста, снимок экрана — посмотрим вместе.',
      createdAt: answeredAt,
    });
    await tx
      .update(supportTickets)
      .set({ status: 'answered', assigneeId: engineer.id, lastMessageAt: answeredAt, updatedAt: answeredAt })
      .where(eq(supportTickets.id, ticket.id));
  });
}
