import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/server/http/types';
import { enqueueEmail } from '../../src/server/modules/notifications/enqueue-email';
import { emailOutbox } from '../../src/server/modules/notifications/schema';
import { MAX_EMAIL_ATTEMPTS, sendEmail } from '../../src/server/modules/notifications/send-email';
import { passwordResetEmail } from '../../src/server/modules/notifications/templates/identity';
import { startTestApp, type TestApp } from '../helpers/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ smtp: true });
});
afterAll(async () => t?.close());

const email = passwordResetEmail({
  name: 'Тест',
  url: 'http://example.test/reset-password?token=x',
  validMinutes: 60,
});

describe('mail delivery', () => {
  it('sends once even when the job runs twice (at-least-once delivery)', async () => {
    const id = await enqueueEmail(t.db, { to: ['twice@example.test'], email, canSend: true });
    await Promise.all([sendEmail(t.deps, { outboxId: id }), sendEmail(t.deps, { outboxId: id })]);
    await sendEmail(t.deps, { outboxId: id });
    await t.mailbox.waitForMail((m) => m.to.includes('twice@example.test'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(t.mailbox.received.filter((m) => m.to.includes('twice@example.test'))).toHaveLength(1);
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps a failed send visible with its error, and gives up as `failed` after the last attempt', async () => {
    const id = await enqueueEmail(t.db, { to: ['nowhere@example.test'], email, canSend: true });
    // An SMTP server that is not there: port 1 on loopback refuses the connection.
    const broken = { ...t.deps, config: { ...t.deps.config, smtpUrl: 'smtp://127.0.0.1:1' } } as AppDeps;
    await expect(sendEmail(broken, { outboxId: id })).rejects.toThrow();
    const [afterFirst] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1 });
    expect(afterFirst?.lastError).toBeTruthy();
    for (let attempt = 2; attempt <= MAX_EMAIL_ATTEMPTS; attempt++)
      await sendEmail(broken, { outboxId: id }).catch(() => {});
    const [last] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(last).toMatchObject({ status: 'failed', attempts: MAX_EMAIL_ATTEMPTS });
  });
});
