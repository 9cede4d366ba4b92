import { formatMoney } from '../../../../shared/money';
import { type EmailBlock, type RenderedEmail, renderEmail } from './layout';

const greet = (name: string | null) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!');

/** The activation as both mails name it (seed 002: «Активация № 289»). */
export type ActivationMailFacts = {
  number: number;
  organizationName: string;
  vendorName: string;
  licenseCount: number;
  totalKopecks: number;
  /** The activation page in the partner cabinet. */
  url: string;
};

function facts(activation: ActivationMailFacts): EmailBlock {
  return {
    kind: 'fields',
    rows: [
      ['Организация', activation.organizationName],
      ['Вендор', activation.vendorName],
      ['Лицензий', String(activation.licenseCount)],
      ['Сумма', formatMoney(activation.totalKopecks)],
    ],
  };
}

/** To the person who sent the activation: it is «Выполнена», licenses are issued and the order is made. */
export function activationDoneEmail(input: {
  name: string | null;
  activation: ActivationMailFacts;
  orderNumber: number;
  /** `file` vendors: the partner installs the `.slf` by hand (seed 002, «Методы установки лицензий»). */
  installByFile: boolean;
}): RenderedEmail {
  const { activation } = input;
  return renderEmail({
    template: 'activation-done',
    subject: `Активация № ${activation.number} выполнена`,
    greeting: greet(input.name),
    blocks: [
      {
        kind: 'paragraph',
        text: `Активация № ${activation.number} выполнена: лицензии сгенерированы, создан заказ № ${input.orderNumber}. Счёт на оплату появится в разделе «Заказы».`,
      },
      facts(activation),
      {
        kind: 'paragraph',
        text: input.installByFile
          ? 'Скачайте файл лицензий на странице активации и установите его на устройства согласно инструкции.'
          : 'Лицензии будут установлены на устройства автоматически.',
      },
      { kind: 'button', text: 'Открыть активацию', url: activation.url },
    ],
  });
}

/** To the person who sent the activation: the vendor refused it; «Повторить запрос» is on its page. */
export function activationFailedEmail(input: {
  name: string | null;
  activation: ActivationMailFacts;
  error: string;
}): RenderedEmail {
  const { activation } = input;
  return renderEmail({
    template: 'activation-failed',
    subject: `Активация № ${activation.number}: ошибка`,
    greeting: greet(input.name),
    blocks: [
      {
        kind: 'paragraph',
        text: `Активация № ${activation.number} не выполнена. Лицензии не сгенерированы, оплата не требуется.`,
      },
      { kind: 'fields', rows: [['Ошибка', input.error]] },
      facts(activation),
      {
        kind: 'paragraph',
        text: 'Попробуйте позже: нажмите «Повторить запрос» на странице активации или создайте новую активацию. Если ошибка повторяется, направьте её текст в поддержку или вашему персональному менеджеру.',
      },
      { kind: 'button', text: 'Открыть активацию', url: activation.url },
    ],
  });
}
