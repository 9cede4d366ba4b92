import { provideOrderAccess } from './modules/activations/order-access';
import { countDevicesByModel } from './modules/devices/device-counts';
import { provideOrganizationAccess } from './modules/identity/organization-access';
import { ordersForActivations } from './modules/orders/activation-orders';
import { organizationAccess } from './modules/organizations/memberships';
import { provideDeviceCounts } from './modules/vendors/model-device-counts';

/**
 * Plugs the higher modules' implementations into the ports lower ones declare, so every import between
 * modules points down (identity < organizations; vendors < devices < offers < activations < orders). Called by `buildApp` and by
 * whatever runs use cases without an app (the demo seed, benches); calling it again changes nothing.
 */
export function wireModules(): void {
  provideDeviceCounts(countDevicesByModel);
  provideOrderAccess(ordersForActivations);
  provideOrganizationAccess(organizationAccess);
}
