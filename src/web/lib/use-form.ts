import { type FormEvent, useCallback, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client';

/** Field path (`inn`, `documentEmails.0`) → message. */
export type FormErrors = Partial<Record<string, string>>;

type Options<V, O> = {
  initialValues: V;
  /** A shared request schema: the same rules as the server, so most mistakes never leave the browser. */
  schema?: z.ZodType<O>;
  /** Turns what the inputs hold (strings) into what the schema expects (nulls, arrays). */
  transform?: (values: V) => unknown;
  /** Checks the schema cannot express (a repeated password). */
  validate?: (values: V) => FormErrors;
};

function readInput(input: unknown, checkbox: boolean): unknown {
  if (typeof input === 'object' && input !== null && 'currentTarget' in input) {
    const target = (input as { currentTarget: HTMLInputElement }).currentTarget;
    return checkbox ? target.checked : target.value;
  }
  return input;
}

/**
 * A small form state for Mantine inputs (the project has no @mantine/form): values, per-field errors
 * from the shared zod schema and from the server's `VALIDATION_ERROR`, and `getInputProps` in Mantine's
 * shape.
 */
export function useForm<V extends Record<string, unknown>, O = V>(options: Options<V, O>) {
  const initial = useRef(options.initialValues);
  const [values, setValues] = useState<V>(options.initialValues);
  const [errors, setErrors] = useState<FormErrors>({});
  const { schema, transform, validate: extraValidate } = options;

  const setFieldValue = useCallback(<K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => {
      const stale = Object.keys(previous).filter((path) => path === key || path.startsWith(`${key}.`));
      if (stale.length === 0) return previous;
      const next = { ...previous };
      for (const path of stale) delete next[path];
      return next;
    });
  }, []);

  const errorOf = useCallback(
    (key: string) => errors[key] ?? Object.entries(errors).find(([path]) => path.startsWith(`${key}.`))?.[1],
    [errors],
  );

  function getInputProps<K extends keyof V & string>(
    key: K,
  ): {
    value: V[K];
    onChange: (input: unknown) => void;
    error: string | undefined;
  };
  function getInputProps<K extends keyof V & string>(
    key: K,
    options: { type: 'checkbox' },
  ): { checked: boolean; onChange: (input: unknown) => void; error: string | undefined };
  function getInputProps<K extends keyof V & string>(key: K, options?: { type: 'checkbox' }) {
    const checkbox = options?.type === 'checkbox';
    const onChange = (input: unknown) => setFieldValue(key, readInput(input, checkbox) as V[K]);
    const error = errorOf(key);
    return checkbox
      ? { checked: Boolean(values[key]), onChange, error }
      : { value: values[key], onChange, error };
  }

  const validate = (): O | null => {
    const found: FormErrors = { ...(extraValidate?.(values) ?? {}) };
    let output: O | null = null;
    const input = transform ? transform(values) : values;
    if (schema) {
      const result = schema.safeParse(input);
      if (result.success) output = result.data;
      else
        for (const issue of result.error.issues) {
          const path = issue.path.map(String).join('.');
          found[path] ??= issue.message;
        }
    } else output = input as O;
    setErrors(found);
    return Object.keys(found).length === 0 ? output : null;
  };

  /** Wraps a submit handler: validates first, then calls it with the parsed body. */
  const onSubmit = (handler: (data: O) => unknown) => (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const data = validate();
    if (data !== null) {
      void handler(data);
      return;
    }
    // Long forms: take the person to the first field that needs attention.
    const form = event?.currentTarget;
    requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  /**
   * Shows a server `VALIDATION_ERROR` under its fields. Returns false when the error has no issue that
   * belongs to this form, so the caller can show it as a notification instead.
   */
  const applyServerError = (error: unknown): boolean => {
    if (!(error instanceof ApiError)) return false;
    const keys = Object.keys(values);
    const mine = error.issues.filter((issue) => keys.some((key) => issue.path.split('.')[0] === key));
    if (mine.length === 0) return false;
    setErrors(Object.fromEntries(mine.map((issue) => [issue.path, issue.message])));
    return true;
  };

  const reset = useCallback((next?: V) => {
    if (next) initial.current = next;
    setValues(initial.current);
    setErrors({});
  }, []);

  const isDirty = useMemo(() => JSON.stringify(values) !== JSON.stringify(initial.current), [values]);

  return {
    values,
    errors,
    setValues,
    setErrors,
    setFieldValue,
    getInputProps,
    onSubmit,
    applyServerError,
    validate,
    reset,
    isDirty,
  };
}

export type Form<V extends Record<string, unknown>, O = V> = ReturnType<typeof useForm<V, O>>;
