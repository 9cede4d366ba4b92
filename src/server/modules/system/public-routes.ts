import { sql } from 'drizzle-orm';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import { PortalInfo } from '../../../shared/api/admin';
import type { App } from '../../http/types';
import { metricsGuard } from './metrics-access';
import { getPortalInfo } from './portal-info';

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.string()).optional(),
});

/** Liveness, readiness, Prometheus metrics and the public «О нас / Контакты». */
export async function publicSystemRoutes(app: App): Promise<void> {
  const { deps } = app;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kabinet_' });
  const duration = new Histogram({
    name: 'kabinet_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'kabinet_http_errors_total',
    help: 'Responses with status >= 500',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500) errors.inc({ route });
  });

  app.get('/healthz', {
    schema: { tags: ['Служебное'], summary: 'Процесс жив', response: { 200: Health } },
    logLevel: 'warn',
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/readyz', {
    schema: {
      tags: ['Служебное'],
      summary: 'Готов принимать запросы: база и очередь задач',
      response: { 200: Health, 503: Health },
    },
    logLevel: 'warn',
    handler: async (_req, reply) => {
      const checks: Record<string, string> = {};
      try {
        await deps.db.execute(sql`select 1`);
        checks.database = 'ok';
      } catch (error) {
        checks.database = error instanceof Error ? error.message : 'error';
      }
      checks.jobs = deps.jobs.isRunning() ? 'ok' : 'not started';
      const ok = Object.values(checks).every((v) => v === 'ok');
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
    },
  });

  app.get('/metrics', {
    schema: { hide: true },
    logLevel: 'warn',
    onRequest: metricsGuard(deps.config),
    handler: async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()),
  });

  app.get('/api/v1/portal-info', {
    schema: { tags: ['Служебное'], summary: 'О нас / Контакты (публично)', response: { 200: PortalInfo } },
    handler: async () => getPortalInfo(deps.db),
  });
}
