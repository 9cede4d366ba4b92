import { type EmailBlock, type RenderedEmail, renderEmail } from './layout';

const greet = (name: string) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!');

export type ShippedLicense = { serial: string; name: string; quantity: number };

/** A long shipment lists its first serials; the rest are in the cabinet. */
const LISTED_SERIALS = 20;

function licenseBlocks(licenses: ShippedLicense[]): EmailBlock[] {
  const shown = licenses.slice(0, LISTED_SERIALS);
  const blocks: EmailBlock[] = [
    {
      kind: 'fields',
      rows: shown.map((l) => [l.serial, `${l.name}, количество: ${l.quantity}`]),
    },
  ];
  const rest = licenses.length - shown.length;
  if (rest > 0)
    blocks.push({ kind: 'paragraph', text: `И ещё серийных номеров: ${rest} — все они в личном кабинете.` });
  return blocks;
}

/**
 * The organization's first shipment (seed 000: login and password «высылаются на электронный адрес, указанный
 * в форме на отгрузку лицензии после первой генерации лицензии для компании»). The password is never mailed:
 * the link sets it. `setPasswordUrl` is null when the person already has a password from another organization.
 */
export function licensesFirstShipmentEmail(input: {
  name: string;
  organizationName: string;
  login: string;
  loginUrl: string;
  setPasswordUrl: string | null;
  validDays: number;
  licenses: ShippedLicense[];
}): RenderedEmail {
  const access: EmailBlock[] = input.setPasswordUrl
    ? [
        { kind: 'button', text: 'Задать пароль', url: input.setPasswordUrl },
        {
          kind: 'paragraph',
          text: `Ссылка для установки пароля действует ${input.validDays} дней. Если она устареет, воспользуйтесь «Восстановлением пароля» на странице входа.`,
        },
      ]
    : [
        {
          kind: 'paragraph',
          text: 'Войдите с вашим действующим паролем: организация добавлена в ваш личный кабинет.',
        },
        { kind: 'button', text: 'Войти в личный кабинет', url: input.loginUrl },
      ];
  return renderEmail({
    template: 'licenses-first-shipment',
    subject: 'Доступ к личному кабинету и ваши лицензии',
    greeting: greet(input.name),
    blocks: [
      {
        kind: 'paragraph',
        text: `Для организации ${input.organizationName} выпущены лицензии и открыт личный кабинет: в нём лицензии с серийными номерами, дистрибутивы, информация о продуктах и техническая поддержка.`,
      },
      {
        kind: 'fields',
        rows: [
          ['Логин', input.login],
          ['Адрес входа', input.loginUrl],
        ],
      },
      ...access,
      { kind: 'paragraph', text: 'Выпущенные лицензии:' },
      ...licenseBlocks(input.licenses),
    ],
  });
}

/** Later shipments go to the same cabinet (seed 000: «их отгрузка происходит в тот же личный кабинет»). */
export function newLicensesEmail(input: {
  name: string;
  organizationName: string;
  loginUrl: string;
  licenses: ShippedLicense[];
}): RenderedEmail {
  return renderEmail({
    template: 'licenses-shipped',
    subject: 'Новые лицензии в личном кабинете',
    greeting: greet(input.name),
    blocks: [
      {
        kind: 'paragraph',
        text: `Для организации ${input.organizationName} выпущены новые лицензии. Они уже в вашем личном кабинете.`,
      },
      ...licenseBlocks(input.licenses),
      { kind: 'button', text: 'Открыть личный кабинет', url: input.loginUrl },
    ],
  });
}
