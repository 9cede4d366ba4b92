import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { applyRussianValidationMessages } from '../shared/api/zod-locale';
import { registerAuth } from './http/auth';
import { errorHandler } from './http/error-handler';
import { AppError } from './http/errors';
import { clientErrorHandler, routerErrorHandler } from './http/router-errors';
import { rejectUnstorableText } from './http/safe-input';
import type { App, AppDeps } from './http/types';
import { adminActivationRoutes } from './modules/activations/admin-routes';
import { adminVendorTokenRoutes } from './modules/activations/admin-vendor-token-routes';
import { partnerActivationRoutes } from './modules/activations/partner-activation-routes';
import { partnerRoutes } from './modules/activations/partner-routes';
import { adminIntegrationTokenRoutes } from './modules/api-tokens/admin-integration-token-routes';
import { adminArticleRoutes } from './modules/catalog/admin-article-routes';
import { adminProductFileRoutes } from './modules/catalog/admin-product-file-routes';
import { adminCatalogRoutes } from './modules/catalog/admin-routes';
import { customerCatalogRoutes } from './modules/catalog/customer-routes';
import { publicCatalogRoutes } from './modules/catalog/public-routes';
import { deviceRoutes } from './modules/device-api/device-routes';
import { adminDeviceRoutes } from './modules/devices/admin-routes';
import { accountRoutes } from './modules/identity/account-routes';
import { adminUserRoutes } from './modules/identity/admin-routes';
import { publicIdentityRoutes } from './modules/identity/public-routes';
import { adminLicenseRoutes } from './modules/licenses/admin-routes';
import { customerLicenseRoutes } from './modules/licenses/customer-routes';
import { publicLicenseRoutes } from './modules/licenses/public-routes';
import { adminMailRoutes } from './modules/notifications/admin-routes';
import { adminOfferRoutes } from './modules/offers/admin-routes';
import { partnerOfferRoutes } from './modules/offers/partner-routes';
import { adminOrderRoutes } from './modules/orders/admin-routes';
import { partnerOrderRoutes } from './modules/orders/partner-routes';
import { adminOrganizationRoutes } from './modules/organizations/admin-routes';
import { customerOrganizationRoutes } from './modules/organizations/customer-routes';
import { adminLicenseKeyRoutes } from './modules/signing/admin-routes';
import { publicLicenseKeyRoutes } from './modules/signing/public-routes';
import { adminSupportRoutes } from './modules/support/admin-routes';
import { customerSupportRoutes } from './modules/support/customer-routes';
import { adminAuditRoutes } from './modules/system/admin-audit-routes';
import { adminSystemRoutes } from './modules/system/admin-routes';
import { publicSystemRoutes } from './modules/system/public-routes';
import { adminVendorRoutes } from './modules/vendors/admin-routes';
import { wireModules } from './wiring';

/** The modules' route plugins; a new module adds one line here. */
/**
 * Every module's routes, one plugin per audience and file: `public-` (no session), `account-` (any signed-in
 * user), `customer-` (a cabinet member), `partner-` (seed 002), `admin-` (the back office), `device-` (vendor
 * devices with their token). Registered in the order the OpenAPI document lists them.
 */
const MODULE_ROUTES: Array<(app: App) => Promise<void>> = [
  publicSystemRoutes,
  publicIdentityRoutes,
  accountRoutes,
  customerOrganizationRoutes,
  adminOrganizationRoutes,
  adminUserRoutes,
  adminAuditRoutes,
  adminMailRoutes,
  adminSystemRoutes,
  publicCatalogRoutes,
  customerCatalogRoutes,
  adminCatalogRoutes,
  adminArticleRoutes,
  adminProductFileRoutes,
  customerLicenseRoutes,
  publicLicenseRoutes,
  adminLicenseRoutes,
  customerSupportRoutes,
  adminSupportRoutes,
  adminIntegrationTokenRoutes,
  adminVendorRoutes,
  adminDeviceRoutes,
  partnerOfferRoutes,
  adminOfferRoutes,
  partnerOrderRoutes,
  adminOrderRoutes,
  publicLicenseKeyRoutes,
  adminLicenseKeyRoutes,
  adminVendorTokenRoutes,
  deviceRoutes,
  partnerRoutes,
  partnerActivationRoutes,
  adminActivationRoutes,
];

export type BuildAppOptions = {
  deps: AppDeps;
  /** Directory of the built web app; served with SPA fallback when present. */
  webDir?: string | null;
  logger?: FastifyServerOptions['logger'];
};

export const DEFAULT_WEB_DIR = path.resolve('dist/web');

export async function buildApp(options: BuildAppOptions): Promise<App> {
  applyRussianValidationMessages();
  wireModules();
  const app = Fastify({
    logger: options.logger ?? { level: options.deps.config.logLevel },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    // Client IPs (audit, login lockout) come from X-Forwarded-For only behind a proxy the operator names.
    // (The runtime takes a boolean, hop count or address list; the cast only picks the HTTP/1 typings.)
    trustProxy: options.deps.config.trustProxy as boolean,
    bodyLimit: 1024 * 1024,
    // A pasted serial may carry spaces and look-alikes; the codec reads it and says what is wrong (also when
    // it is too long), so the router must not cut it off at its default 100 first (`GET /api/v1/serial-numbers/{serial}`).
    routerOptions: { maxParamLength: 1000 },
    // Router and HTTP-parser refusals (bad percent-encoding, over-long parameter, oversized headers) answer in
    // the one error shape too (issue 8, item 12).
    frameworkErrors: routerErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', options.deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // NUL and lone surrogates are refused for every route, before schemas and SQL (issue 8, items 6–7).
  app.addHook('preValidation', rejectUnstorableText);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
    // API answers depend on who asks (session cookie or token): no browser cache or proxy may keep them
    // (issue 8, item 15; OWASP ASVS 8.2.1). Routes that set their own policy keep it: file downloads
    // (`private, no-cache` with an ETag) and the public signing keys (`public, max-age`).
    if (req.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine injects inline styles; the swagger UI needs inline styles too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        frameSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Кабинет API',
        description:
          'REST API личного кабинета: лицензии, подписки, партнёрские активации. Ошибки: `{ error: { code, message, requestId, details? } }`.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'kabinet_session',
            description: 'Сессия после входа; изменяющие запросы передают заголовок `X-CSRF-Token`',
          },
          integrationToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'Токен интеграции `kbt_…` (Бэк-офис → API-токены): маршруты бэк-офиса в пределах прав токена, без cookie и CSRF',
          },
          productToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'Токен сервера активации продукта `kbp_…`: только отчёты об активациях',
          },
          vendorToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'Токен вендора `kbv_…` (Бэк-офис → Вендоры): только API устройств, лицензии устройств этого вендора',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app);
  for (const routes of MODULE_ROUTES) await app.register(routes);

  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  const hasWeb = webDir !== null && existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    const isApi = url.startsWith('/api/') || url === '/healthz' || url === '/readyz' || url === '/metrics';
    if (!isApi && hasWeb && (req.method === 'GET' || req.method === 'HEAD') && !path.extname(url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return errorHandler(new AppError('NOT_FOUND', 'Адрес не найден'), req, reply);
  });
  return app;
}
