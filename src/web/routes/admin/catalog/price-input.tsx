import { NumberInput, type NumberInputProps } from '@mantine/core';

/** Rubles as the input holds them (a number, or '' / a half-typed string) → integer kopecks, or null. */
export function kopecksOf(value: number | string): number | null {
  if (value === '' || value === null) return null;
  const rubles =
    typeof value === 'number' ? value : Number(String(value).replace(/\s/g, '').replace(',', '.'));
  if (!Number.isFinite(rubles)) return null;
  return Math.round(rubles * 100);
}

/** Prices are typed in rubles with kopecks after a comma, grouped by thousands: `2 000,50 ₽`. */
export function PriceInput(props: Omit<NumberInputProps, 'thousandSeparator' | 'decimalSeparator'>) {
  return (
    <NumberInput
      min={0}
      decimalScale={2}
      thousandSeparator={'\u00a0'}
      decimalSeparator=","
      suffix={'\u00a0₽'}
      allowNegative={false}
      hideControls
      {...props}
    />
  );
}
