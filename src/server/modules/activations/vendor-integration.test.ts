import { describe, expect, it } from 'vitest';
import { vendorErrorText } from './vendor-integration';

describe('vendorErrorText', () => {
  it('takes the vendor’s own words from a JSON answer', () => {
    expect(vendorErrorText(500, '{"error":"Внутренняя ошибка"}')).toBe('Внутренняя ошибка');
    expect(vendorErrorText(422, '{"message":"Устройство не зарегистрировано"}')).toBe(
      'Устройство не зарегистрировано',
    );
    expect(vendorErrorText(400, '{"error":{"code":"X","message":"Неверный ИНН"}}')).toBe('Неверный ИНН');
  });

  it('falls back to the HTTP status', () => {
    expect(vendorErrorText(500, '<html>oops</html>')).toBe('Внутренняя ошибка (HTTP 500)');
    expect(vendorErrorText(503, '{"error":""}')).toBe('Внутренняя ошибка (HTTP 503)');
    expect(vendorErrorText(404, '')).toBe('Запрос отклонён вендором (HTTP 404)');
  });

  it('keeps a long text readable', () => {
    const text = vendorErrorText(500, JSON.stringify({ error: `a\n${'x'.repeat(2000)}` }));
    expect(text.length).toBe(500);
    expect(text.startsWith('a x')).toBe(true);
  });
});
