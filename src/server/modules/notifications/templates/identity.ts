import { type RenderedEmail, renderEmail } from './layout';

const greet = (name: string) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!');

export function passwordResetEmail(input: {
  name: string;
  url: string;
  validMinutes: number;
}): RenderedEmail {
  return renderEmail({
    template: 'password-reset',
    subject: 'Восстановление пароля в личном кабинете',
    greeting: greet(input.name),
    blocks: [
      { kind: 'paragraph', text: 'Мы получили запрос на восстановление пароля к личному кабинету.' },
      { kind: 'button', text: 'Задать новый пароль', url: input.url },
      {
        kind: 'paragraph',
        text: `Ссылка действует ${input.validMinutes} минут и только один раз. Если вы не запрашивали восстановление, просто проигнорируйте это письмо — пароль останется прежним.`,
      },
    ],
  });
}

/** A new user's first password: sent when the operator creates the user or adds them to an organization. */
export function invitationEmail(input: {
  name: string;
  email: string;
  url: string;
  loginUrl: string;
  organizationName: string | null;
  validDays: number;
}): RenderedEmail {
  return renderEmail({
    template: 'invitation',
    subject: 'Доступ к личному кабинету',
    greeting: greet(input.name),
    blocks: [
      {
        kind: 'paragraph',
        text: input.organizationName
          ? `Для вас открыт доступ к личному кабинету организации ${input.organizationName}.`
          : 'Для вас открыт доступ к личному кабинету.',
      },
      {
        kind: 'fields',
        rows: [
          ['Логин', input.email],
          ['Адрес входа', input.loginUrl],
        ],
      },
      { kind: 'button', text: 'Задать пароль', url: input.url },
      { kind: 'paragraph', text: `Ссылка для установки пароля действует ${input.validDays} дней.` },
    ],
  });
}

export function membershipAddedEmail(input: {
  name: string;
  organizationName: string;
  roleName: string;
  loginUrl: string;
}): RenderedEmail {
  return renderEmail({
    template: 'membership-added',
    subject: `Доступ к организации ${input.organizationName}`,
    greeting: greet(input.name),
    blocks: [
      {
        kind: 'paragraph',
        text: `Вам открыт доступ к организации ${input.organizationName} в личном кабинете (роль: ${input.roleName}).`,
      },
      { kind: 'button', text: 'Войти в личный кабинет', url: input.loginUrl },
    ],
  });
}

export function passwordChangedEmail(input: {
  name: string;
  when: string;
  ip: string | null;
}): RenderedEmail {
  return renderEmail({
    template: 'password-changed',
    subject: 'Пароль изменён',
    greeting: greet(input.name),
    blocks: [
      { kind: 'paragraph', text: 'Пароль к вашему личному кабинету изменён.' },
      {
        kind: 'fields',
        rows: [
          ['Когда', input.when],
          ['IP-адрес', input.ip ?? '—'],
        ],
      },
      {
        kind: 'paragraph',
        text: 'Если это были не вы, немедленно восстановите пароль по ссылке «Восстановление пароля» на странице входа и сообщите вашему менеджеру.',
      },
    ],
  });
}
