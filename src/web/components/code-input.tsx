import { TextInput } from '@mantine/core';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Called once six digits are in (typed or pasted). */
  onComplete?: (value: string) => void;
  error?: string;
  autoFocus?: boolean;
};

/**
 * One field for a 6-digit TOTP code: pastes whole, works with password managers and
 * `autocomplete="one-time-code"`, and is a single labelled input for screen readers.
 */
export function CodeInput({ label, value, onChange, onComplete, error, autoFocus }: Props) {
  return (
    <TextInput
      label={label}
      value={value}
      error={error}
      autoFocus={autoFocus}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      placeholder="000000"
      styles={{ input: { letterSpacing: '0.4em', fontSize: 20, textAlign: 'center' } }}
      onChange={(event) => {
        const digits = event.currentTarget.value.replace(/\D/g, '').slice(0, 6);
        onChange(digits);
        if (digits.length === 6) onComplete?.(digits);
      }}
    />
  );
}
