/**
 * The API's error codes (ARCHITECTURE.md, "Errors"): one list of code, HTTP status and the default message
 * for people, in Russian. The server's AppError (src/server/http/errors.ts) and the web's dictionaries
 * (src/web/i18n) derive from it, so a new code is one entry here and English for it is required at compile
 * time (i18n/en.ts). Shared: no server-only imports.
 */
export const ERRORS = {
  /** Request body, query or params did not match the schema; `details` lists `{ path, message }`. */
  VALIDATION_ERROR: { status: 400, message: 'Проверьте введённые данные' },
  /** A well-formed request that the business rules refuse. */
  BAD_REQUEST: { status: 400, message: 'Запрос не может быть выполнен' },
  /** The password-reset or invitation link is unknown, used or expired. */
  RESET_TOKEN_INVALID: { status: 400, message: 'Ссылка недействительна или устарела. Запросите новую.' },
  /** No valid session or API token. */
  UNAUTHENTICATED: { status: 401, message: 'Войдите в личный кабинет' },
  /** Wrong email or password (never says which). */
  INVALID_CREDENTIALS: { status: 401, message: 'Неверный email или пароль' },
  /** The current password given to «Смена пароля» or to disable 2FA is wrong. */
  WRONG_PASSWORD: { status: 400, message: 'Неверный текущий пароль' },
  /** The TOTP code is wrong or was already used. */
  INVALID_TOTP_CODE: { status: 400, message: 'Неверный код подтверждения' },
  /** The session waits for a TOTP code before anything else. */
  TWO_FACTOR_REQUIRED: { status: 401, message: 'Введите код из приложения-аутентификатора' },
  /** CSRF token or Origin check failed on a state-changing request. */
  CSRF_FAILED: { status: 403, message: 'Запрос отклонён защитой от подделки запросов. Обновите страницу.' },
  /** Authenticated, but the role does not allow it. */
  FORBIDDEN: { status: 403, message: 'Недостаточно прав' },
  /** The user account is blocked by the operator. */
  USER_BLOCKED: { status: 403, message: 'Учётная запись заблокирована. Обратитесь к вашему менеджеру.' },
  /** The organization is blocked by the operator. */
  ORGANIZATION_BLOCKED: { status: 403, message: 'Организация заблокирована. Обратитесь к вашему менеджеру.' },
  /** No organization is selected for an organization-scoped request. */
  ORGANIZATION_REQUIRED: { status: 409, message: 'Выберите организацию' },
  /** Not found — also for another tenant's objects, so existence never leaks. */
  NOT_FOUND: { status: 404, message: 'Не найдено' },
  /** A unique value (email, INN + KPP) is taken, or the state changed under the request. */
  CONFLICT: { status: 409, message: 'Конфликт данных' },
  /** A serial number (or a part of it) cannot be decoded; `details` lists the codec's errors, each naming its part. */
  SERIAL_INVALID: { status: 400, message: 'Некорректный серийный номер' },
  /** All 10 000 sequence numbers (0000–9999) of today's serials are used (seed 000, NNNN); nothing was issued. */
  SERIAL_DAY_EXHAUSTED: {
    status: 409,
    message:
      'На сегодня исчерпаны порядковые номера серийных номеров (0000–9999). Лицензии не выпущены; повторите завтра.',
  },
  /** A CSV import has wrong rows; `details` lists `{ row, column, message }`, nothing was imported. */
  IMPORT_INVALID: {
    status: 400,
    message: 'Файл не загружен: исправьте ошибки в строках и загрузите его снова',
  },
  /** The Idempotency-Key was already used with a different request body (draft-ietf-httpapi-idempotency-key-header). */
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: 'Ключ идемпотентности уже использован с другими данными запроса',
  },
  /** A money-moving endpoint was called without an Idempotency-Key. */
  IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    message: 'Нужен заголовок Idempotency-Key: он защищает от повторной записи оплаты при повторе запроса',
  },
  /** A support request cites a serial that is not one of the organization's licenses (never says whose it is). */
  SUPPORT_SERIAL_UNKNOWN: {
    status: 422,
    message: 'Серийный номер не найден среди лицензий вашей организации',
  },
  /** The support request is closed: the customer creates a new one, staff reopen it first. */
  SUPPORT_TICKET_CLOSED: { status: 409, message: 'Обращение закрыто' },
  /** A product file is bigger than `UPLOAD_LIMIT_MB`; nothing was kept. */
  FILE_TOO_LARGE: { status: 413, message: 'Файл больше допустимого размера и не загружен' },
  /** A multipart upload without a boundary, with a wrong one or cut off before its end; nothing was kept. */
  UPLOAD_MALFORMED: {
    status: 400,
    message: 'Запрос с файлом повреждён или оборван: файл не загружен. Повторите загрузку.',
  },
  /** An uploaded text file is UTF-32, BOM-less UTF-16 or binary (NUL, control characters); nothing was kept. */
  FILE_ENCODING_UNSUPPORTED: {
    status: 422,
    message: 'Файл не читается как текст: сохраните таблицу как CSV в кодировке UTF-8 или Windows-1251',
  },
  /** A download's `Range` starts past the end of the file (RFC 9110, 15.5.17); `Content-Range` names the size. */
  RANGE_NOT_SATISFIABLE: { status: 416, message: 'Запрошенный диапазон байтов за пределами файла' },
  /** The organization has not accepted the offer version in effect (seed 002, 2.3); `details.offerVersionId`. */
  OFFER_NOT_ACCEPTED: {
    status: 409,
    message: 'Примите условия оферты сублицензионного договора в новой редакции',
  },
  /** The operator has not opened license activation for the organization (seed 002, 2.2). */
  ACTIVATION_NOT_ALLOWED: {
    status: 403,
    message: 'Активация лицензий для организации не открыта. Обратитесь к вашему региональному менеджеру.',
  },
  /** An unpaid invoice of the partner account is past its due date (seed 002, section 1); the message names it. */
  ACTIVATION_BLOCKED_OVERDUE: {
    status: 409,
    message:
      'Активация лицензий приостановлена: есть неоплаченный счёт с истёкшим сроком оплаты. После оплаты активация откроется автоматически.',
  },
  /** An order's document (invoice, УПД) is not generated yet. */
  DOCUMENT_NOT_READY: { status: 404, message: 'Документ ещё формируется. Попробуйте позже.' },
  /** The order is already paid in full; nothing more can be recorded. */
  ORDER_ALREADY_PAID: { status: 409, message: 'Заказ уже оплачен' },
  /** The payment is more than what is still due on the order. */
  ORDER_OVERPAID: { status: 422, message: 'Сумма больше остатка к оплате по заказу' },
  /** Some serials of an activation request fail the pre-check; `details` lists `{ serial, code, message }`. */
  ACTIVATION_SERIALS_INVALID: {
    status: 422,
    message: 'Не все серийные номера прошли проверку: удалите номера с ошибками и повторите активацию',
  },
  /** Devices whose subscription runs > 180 days ahead need `confirmLongSubscriptions`; `details.serials`. */
  LONG_SUBSCRIPTION_UNCONFIRMED: {
    status: 409,
    message: 'У некоторых устройств текущая подписка действует более 180 дней вперёд: подтвердите активацию',
  },
  /** A device is already in another activation that is in progress (one pending activation per device). */
  DEVICE_ACTIVATION_IN_PROGRESS: {
    status: 409,
    message: 'Устройство уже участвует в другой активации, которая выполняется. Дождитесь её завершения.',
  },
  /** The activation's license file exists only once it is «Выполнена». */
  LICENSE_FILE_NOT_READY: {
    status: 404,
    message: 'Файл лицензий будет доступен, когда активация получит статус «Выполнена»',
  },
  /** Device API: no such device among the token's vendor's devices (another vendor's device answers the same). */
  DEVICE_NOT_FOUND: { status: 404, message: 'Устройство с таким серийным номером не найдено' },
  /** A vendor's integration URL points at this machine or an internal network (SSRF); `ALLOW_PRIVATE_INTEGRATION_URLS` allows it. */
  INTEGRATION_URL_PRIVATE: {
    status: 400,
    message: 'Адрес интеграции вендора ведёт в локальную или внутреннюю сеть',
  },
  /** Too many failed logins: locked for a while. */
  LOGIN_LOCKED: { status: 429, message: 'Слишком много неудачных попыток входа' },
  /** Too many requests of another kind. */
  RATE_LIMITED: { status: 429, message: 'Слишком много запросов. Повторите позже.' },
  /** A path parameter is longer than the router accepts (RFC 9110, 15.5.15). */
  URI_TOO_LONG: { status: 414, message: 'Слишком длинный адрес запроса' },
  /** The request's headers are larger than the HTTP parser accepts (RFC 6585, 5). */
  HEADERS_TOO_LARGE: { status: 431, message: 'Слишком большие заголовки запроса' },
  /** The client did not send the whole request in time (Node's `requestTimeout`). */
  REQUEST_TIMEOUT: { status: 408, message: 'Запрос не получен полностью за отведённое время' },
  /** Unexpected failure; details are in the server log under the request id. */
  INTERNAL: { status: 500, message: 'Внутренняя ошибка сервера' },
  /** Database or jobs are not ready. */
  UNAVAILABLE: { status: 503, message: 'Сервис временно недоступен' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The default Russian message of every code (the server sends it unless it names the case more precisely). */
export const ERROR_MESSAGES = Object.fromEntries(
  Object.entries(ERRORS).map(([code, { message }]) => [code, message]),
) as Record<ErrorCode, string>;
