/** Every module's tables, for drizzle-kit and the typed client. A module owns its tables. */
export * from '../modules/activations/schema';
export * from '../modules/api-tokens/schema';
export * from '../modules/audit/schema';
export * from '../modules/catalog/schema';
export * from '../modules/devices/schema';
export * from '../modules/identity/schema';
export * from '../modules/licenses/schema';
export * from '../modules/notifications/schema';
export * from '../modules/offers/schema';
export * from '../modules/orders/schema';
export * from '../modules/organizations/schema';
export * from '../modules/signing/schema';
export * from '../modules/support/schema';
export * from '../modules/system/schema';
export * from '../modules/vendors/schema';
