import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/pg-error';

const PENDING_DEVICE_INDEX = 'activation_items_pending_device_key';

/**
 * The partial unique index «a device is pending in one activation at most» refused a row: another activation
 * in progress holds the device. Both drivers name the index in the constraint field and in the message.
 */
export function isPendingDeviceConflict(error: unknown): boolean {
  if (pgErrorCode(error) !== PG_UNIQUE_VIOLATION) return false;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { constraint, constraint_name, message } = current as Record<string, unknown>;
    for (const value of [constraint, constraint_name, message])
      if (typeof value === 'string' && value.includes(PENDING_DEVICE_INDEX)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
