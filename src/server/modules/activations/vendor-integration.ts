/** What the vendor's activation endpoint receives: the activation and its signed licenses. */
export type VendorActivationRequest = {
  activationNumber: number;
  organizationInn: string;
  licenses: Array<{ serial: string; validUntil: string; license: string }>;
};

export type VendorCallResult = { ok: true } | { ok: false; error: string };

/** How long the vendor may take to answer before the activation is «Ошибка». */
export const VENDOR_TIMEOUT_MS = 15_000;
/** The error text is shown in red on the activation page and mailed: keep it readable. */
const MAX_ERROR_LENGTH = 500;

function clip(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > MAX_ERROR_LENGTH ? `${single.slice(0, MAX_ERROR_LENGTH - 1)}…` : single;
}

/**
 * The vendor's own words from an error answer: `error` or `message` of a JSON body (also `error.message`),
 * else a plain description with the HTTP status (seed 002, 2.5: «текст ошибки с красной подсветкой»).
 */
export function vendorErrorText(status: number, body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (json && typeof json === 'object') {
      const { error, message } = json as Record<string, unknown>;
      const nested =
        error && typeof error === 'object' ? (error as Record<string, unknown>).message : undefined;
      for (const candidate of [error, message, nested])
        if (typeof candidate === 'string' && candidate.trim()) return clip(candidate);
    }
  } catch {
    // not JSON: fall through to the status
  }
  return status >= 500 ? `Внутренняя ошибка (HTTP ${status})` : `Запрос отклонён вендором (HTTP ${status})`;
}

/**
 * POSTs the licenses to the vendor. Called outside any database transaction: a slow vendor must never hold
 * row locks. A 2xx answer is success; anything else — another status, a network error, no answer within
 * VENDOR_TIMEOUT_MS — is a failure with a text for people.
 */
export async function callVendorIntegration(
  url: string,
  request: VendorActivationRequest,
  timeoutMs = VENDOR_TIMEOUT_MS,
): Promise<VendorCallResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError')
      return { ok: false, error: `Сервис вендора не ответил за ${Math.round(timeoutMs / 1000)} с` };
    return { ok: false, error: 'Сервис вендора недоступен' };
  }
  const body = await response.text().catch(() => '');
  if (response.ok) return { ok: true };
  return { ok: false, error: vendorErrorText(response.status, body) };
}
