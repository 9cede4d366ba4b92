import type { CodeTable } from '../../../../shared/api/catalog';
import type { SerialCodeTables, SerialTableKey } from '../../../../shared/serial-number';

/** The parts of an article `AA-BCDEFFGHHZZ` that come from code tables, in the article's order. */
export const ARTICLE_TABLE_PARTS: readonly SerialTableKey[] = [
  'product',
  'version',
  'subscriptionType',
  'agreement',
  'licenseType',
  'period',
  'deliveryForm',
  'support',
];

/** The API's code tables in the shape the shared codec takes (the operator's codes, retired ones marked). */
export function toSerialTables(tables: readonly CodeTable[]): SerialCodeTables {
  const entries = (key: SerialTableKey) => tables.find((table) => table.key === key)?.entries ?? [];
  return {
    product: entries('product'),
    version: entries('version'),
    subscriptionType: entries('subscriptionType'),
    agreement: entries('agreement'),
    licenseType: entries('licenseType'),
    period: entries('period'),
    deliveryForm: entries('deliveryForm'),
    support: entries('support'),
  };
}
