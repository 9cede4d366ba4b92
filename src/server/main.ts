import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { DEMO_LOGINS, DEMO_PASSWORD } from './db/seed-demo';
import { startServer } from './start';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const server = await startServer(config);
  const db = config.databaseUrl
    ? `PostgreSQL ${new URL(config.databaseUrl).host}`
    : `PGlite в ${config.dataDir}`;
  const lines = [
    '',
    `  Кабинет запущен: ${server.url}`,
    `  База данных: ${db}`,
    `  API: ${server.url}/api/docs`,
    server.deps.config.smtpUrl
      ? '  Почта: отправляется через SMTP_URL'
      : '  Почта: SMTP_URL не задан — письма видны в бэк-офисе, раздел «Почта»',
  ];
  if (server.demoLogins) lines.push('', `  Демо-данные загружены. Вход (пароль у всех: ${DEMO_PASSWORD}):`);
  else lines.push('', `  Демо-входы (если демо-данные загружены; пароль: ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) lines.push(`    ${login.email.padEnd(36)} ${login.role}`);
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const shutdown = async (signal: string) => {
    server.app.log.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`Кабинет не запущен. ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `Не удалось запустить Кабинет: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
