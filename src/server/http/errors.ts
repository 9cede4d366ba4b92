/**
 * The one error model (ARCHITECTURE.md, "Errors"). A code is a stable string for programs; the message is
 * Russian, for people. Modules add their codes here so the status map stays in one place.
 */
export const ERROR_STATUS = {
  /** Request body, query or params did not match the schema; `details` lists `{ path, message }`. */
  VALIDATION_ERROR: 400,
  /** A well-formed request that the business rules refuse. */
  BAD_REQUEST: 400,
  /** The password-reset or invitation link is unknown, used or expired. */
  RESET_TOKEN_INVALID: 400,
  /** No valid session or API token. */
  UNAUTHENTICATED: 401,
  /** Wrong email or password (never says which). */
  INVALID_CREDENTIALS: 401,
  /** The current password given to «Смена пароля» or to disable 2FA is wrong. */
  WRONG_PASSWORD: 400,
  /** The TOTP code is wrong or was already used. */
  INVALID_TOTP_CODE: 400,
  /** The session waits for a TOTP code before anything else. */
  TWO_FACTOR_REQUIRED: 401,
  /** CSRF token or Origin check failed on a state-changing request. */
  CSRF_FAILED: 403,
  /** Authenticated, but the role does not allow it. */
  FORBIDDEN: 403,
  /** The user account is blocked by the operator. */
  USER_BLOCKED: 403,
  /** The organization is blocked by the operator. */
  ORGANIZATION_BLOCKED: 403,
  /** No organization is selected for an organization-scoped request. */
  ORGANIZATION_REQUIRED: 409,
  /** Not found — also for another tenant's objects, so existence never leaks. */
  NOT_FOUND: 404,
  /** A unique value (email, INN + KPP) is taken, or the state changed under the request. */
  CONFLICT: 409,
  /** A serial number (or a part of it) cannot be decoded; `details` lists the codec's errors, each naming its part. */
  SERIAL_INVALID: 400,
  /** All 10 000 sequence numbers (0000–9999) of today's serials are used (seed 000, NNNN); nothing was issued. */
  SERIAL_DAY_EXHAUSTED: 409,
  /** A CSV import has wrong rows; `details` lists `{ row, column, message }`, nothing was imported. */
  IMPORT_INVALID: 400,
  /** The Idempotency-Key was already used with a different request body (draft-ietf-httpapi-idempotency-key-header). */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** A money-moving endpoint was called without an Idempotency-Key. */
  IDEMPOTENCY_KEY_REQUIRED: 400,
  /** A support request cites a serial that is not one of the organization's licenses (never says whose it is). */
  SUPPORT_SERIAL_UNKNOWN: 422,
  /** The support request is closed: the customer creates a new one, staff reopen it first. */
  SUPPORT_TICKET_CLOSED: 409,
  /** A product file is bigger than `UPLOAD_LIMIT_MB`; nothing was kept. */
  FILE_TOO_LARGE: 413,
  /** A multipart upload without a boundary, with a wrong one or cut off before its end; nothing was kept. */
  UPLOAD_MALFORMED: 400,
  /** An uploaded text file is UTF-32, BOM-less UTF-16 or binary (NUL, control characters); nothing was kept. */
  FILE_ENCODING_UNSUPPORTED: 422,
  /** A download's `Range` starts past the end of the file (RFC 9110, 15.5.17); `Content-Range` names the size. */
  RANGE_NOT_SATISFIABLE: 416,
  /** The organization has not accepted the offer version in effect (seed 002, 2.3); `details.offerVersionId`. */
  OFFER_NOT_ACCEPTED: 409,
  /** The operator has not opened license activation for the organization (seed 002, 2.2). */
  ACTIVATION_NOT_ALLOWED: 403,
  /** An unpaid invoice of the partner account is past its due date (seed 002, section 1); the message names it. */
  ACTIVATION_BLOCKED_OVERDUE: 409,
  /** An order's document (invoice, УПД) is not generated yet. */
  DOCUMENT_NOT_READY: 404,
  /** The order is already paid in full; nothing more can be recorded. */
  ORDER_ALREADY_PAID: 409,
  /** The payment is more than what is still due on the order. */
  ORDER_OVERPAID: 422,
  /** Some serials of an activation request fail the pre-check; `details` lists `{ serial, code, message }`. */
  ACTIVATION_SERIALS_INVALID: 422,
  /** Devices whose subscription runs > 180 days ahead need `confirmLongSubscriptions`; `details.serials`. */
  LONG_SUBSCRIPTION_UNCONFIRMED: 409,
  /** A device is already in another activation that is in progress (one pending activation per device). */
  DEVICE_ACTIVATION_IN_PROGRESS: 409,
  /** The activation's license file exists only once it is «Выполнена». */
  LICENSE_FILE_NOT_READY: 404,
  /** Device API: no such device among the token's vendor's devices (another vendor's device answers the same). */
  DEVICE_NOT_FOUND: 404,
  /** A vendor's integration URL points at this machine or an internal network (SSRF); `ALLOW_PRIVATE_INTEGRATION_URLS` allows it. */
  INTEGRATION_URL_PRIVATE: 400,
  /** Too many failed logins: locked for a while. */
  LOGIN_LOCKED: 429,
  /** Too many requests of another kind. */
  RATE_LIMITED: 429,
  /** A path parameter is longer than the router accepts (RFC 9110, 15.5.15). */
  URI_TOO_LONG: 414,
  /** The request's headers are larger than the HTTP parser accepts (RFC 6585, 5). */
  HEADERS_TOO_LARGE: 431,
  /** The client did not send the whole request in time (Node's `requestTimeout`). */
  REQUEST_TIMEOUT: 408,
  /** Unexpected failure; details are in the server log under the request id. */
  INTERNAL: 500,
  /** Database or jobs are not ready. */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_ERROR: 'Проверьте введённые данные',
  BAD_REQUEST: 'Запрос не может быть выполнен',
  RESET_TOKEN_INVALID: 'Ссылка недействительна или устарела. Запросите новую.',
  UNAUTHENTICATED: 'Войдите в личный кабинет',
  INVALID_CREDENTIALS: 'Неверный email или пароль',
  WRONG_PASSWORD: 'Неверный текущий пароль',
  INVALID_TOTP_CODE: 'Неверный код подтверждения',
  TWO_FACTOR_REQUIRED: 'Введите код из приложения-аутентификатора',
  CSRF_FAILED: 'Запрос отклонён защитой от подделки запросов. Обновите страницу.',
  FORBIDDEN: 'Недостаточно прав',
  USER_BLOCKED: 'Учётная запись заблокирована. Обратитесь к вашему менеджеру.',
  ORGANIZATION_BLOCKED: 'Организация заблокирована. Обратитесь к вашему менеджеру.',
  ORGANIZATION_REQUIRED: 'Выберите организацию',
  NOT_FOUND: 'Не найдено',
  CONFLICT: 'Конфликт данных',
  SERIAL_INVALID: 'Некорректный серийный номер',
  SERIAL_DAY_EXHAUSTED:
    'На сегодня исчерпаны порядковые номера серийных номеров (0000–9999). Лицензии не выпущены; повторите завтра.',
  IMPORT_INVALID: 'Файл не загружен: исправьте ошибки в строках и загрузите его снова',
  IDEMPOTENCY_KEY_REUSED: 'Ключ идемпотентности уже использован с другими данными запроса',
  IDEMPOTENCY_KEY_REQUIRED:
    'Нужен заголовок Idempotency-Key: он защищает от повторной записи оплаты при повторе запроса',
  SUPPORT_SERIAL_UNKNOWN: 'Серийный номер не найден среди лицензий вашей организации',
  SUPPORT_TICKET_CLOSED: 'Обращение закрыто',
  FILE_TOO_LARGE: 'Файл больше допустимого размера и не загружен',
  UPLOAD_MALFORMED: 'Запрос с файлом повреждён или оборван: файл не загружен. Повторите загрузку.',
  FILE_ENCODING_UNSUPPORTED:
    'Файл не читается как текст: сохраните таблицу как CSV в кодировке UTF-8 или Windows-1251',
  RANGE_NOT_SATISFIABLE: 'Запрошенный диапазон байтов за пределами файла',
  OFFER_NOT_ACCEPTED: 'Примите условия оферты сублицензионного договора в новой редакции',
  ACTIVATION_NOT_ALLOWED:
    'Активация лицензий для организации не открыта. Обратитесь к вашему региональному менеджеру.',
  ACTIVATION_BLOCKED_OVERDUE:
    'Активация лицензий приостановлена: есть неоплаченный счёт с истёкшим сроком оплаты. После оплаты активация откроется автоматически.',
  DOCUMENT_NOT_READY: 'Документ ещё формируется. Попробуйте позже.',
  ORDER_ALREADY_PAID: 'Заказ уже оплачен',
  ORDER_OVERPAID: 'Сумма больше остатка к оплате по заказу',
  ACTIVATION_SERIALS_INVALID:
    'Не все серийные номера прошли проверку: удалите номера с ошибками и повторите активацию',
  LONG_SUBSCRIPTION_UNCONFIRMED:
    'У некоторых устройств текущая подписка действует более 180 дней вперёд: подтвердите активацию',
  DEVICE_ACTIVATION_IN_PROGRESS:
    'Устройство уже участвует в другой активации, которая выполняется. Дождитесь её завершения.',
  LICENSE_FILE_NOT_READY: 'Файл лицензий будет доступен, когда активация получит статус «Выполнена»',
  DEVICE_NOT_FOUND: 'Устройство с таким серийным номером не найдено',
  INTEGRATION_URL_PRIVATE: 'Адрес интеграции вендора ведёт в локальную или внутреннюю сеть',
  LOGIN_LOCKED: 'Слишком много неудачных попыток входа',
  RATE_LIMITED: 'Слишком много запросов. Повторите позже.',
  URI_TOO_LONG: 'Слишком длинный адрес запроса',
  HEADERS_TOO_LARGE: 'Слишком большие заголовки запроса',
  REQUEST_TIMEOUT: 'Запрос не получен полностью за отведённое время',
  INTERNAL: 'Внутренняя ошибка сервера',
  UNAVAILABLE: 'Сервис временно недоступен',
};

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.status = ERROR_STATUS[code];
  }
}

export function notFound(message?: string): AppError {
  return new AppError('NOT_FOUND', message);
}

export function forbidden(message?: string): AppError {
  return new AppError('FORBIDDEN', message);
}
