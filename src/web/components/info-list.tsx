import { DataList } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

export type InfoRow = { label: string; value: ReactNode };

/**
 * Label–value rows (requisites, contacts): side by side on wide screens, stacked on phones so long
 * names and emails keep their width.
 */
export function InfoList({ rows, labelWidth = 200 }: { rows: InfoRow[]; labelWidth?: number }) {
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <DataList labelWidth={labelWidth} withDivider orientation={narrow ? 'vertical' : 'horizontal'}>
      {rows.map((row) => (
        <DataList.Item key={row.label}>
          <DataList.ItemLabel>{row.label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{row.value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
