import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { ProductFileUploadFields } from '../../shared/api/files';
import type { AuditActor } from '../modules/audit/record-audit';
import { addProductFile } from '../modules/catalog/product-files-upload';
import { productFiles } from '../modules/catalog/schema';
import type { FileStorage } from '../storage/file-storage';
import type { Db } from './client';

type DemoFile = ProductFileUploadFields & {
  productCode: string;
  fileName: string;
  contentType: string;
  /** Generated distributions: this many deterministic bytes. Documents: their text. */
  body: number | string;
};

const KIB = 1024;

/**
 * «Скачать» and «Информация» of the demo (seed 000): two versions of AlterOS and AlterOffice, one of the
 * server edition, documentation of AlterOffice and the server (AlterOS itself sends people to its wiki, as the
 * seed's рис. 3 describes). Distribution bytes are generated, so the demo ships no binaries and every install
 * shows the same SHA-256.
 */
const DEMO_FILES: DemoFile[] = [
  {
    productCode: 'AD',
    kind: 'distribution',
    title: 'AlterOS — установочный образ (демо)',
    version: '2.5.1',
    releasedOn: '2025-03-14',
    notes:
      'Исправления безопасности ядра и браузера.\nУскорена загрузка на ноутбуках с NVMe.\nДемонстрационный файл: случайные байты, не устанавливается.',
    fileName: 'alteros-2.5.1-amd64-demo.img',
    contentType: 'application/octet-stream',
    body: 512 * KIB,
  },
  {
    productCode: 'AD',
    kind: 'distribution',
    title: 'AlterOS — установочный образ (демо)',
    version: '2.5.0',
    releasedOn: '2024-11-20',
    notes:
      'Новый рабочий стол, поддержка смарт-карт.\nДемонстрационный файл: случайные байты, не устанавливается.',
    fileName: 'alteros-2.5.0-amd64-demo.img',
    contentType: 'application/octet-stream',
    body: 448 * KIB,
  },
  {
    productCode: 'AO',
    kind: 'distribution',
    title: 'AlterOffice — пакет установки (демо)',
    version: '3.1.0',
    releasedOn: '2025-02-03',
    notes: 'Совместная работа с документами, экспорт в PDF/A.\nДемонстрационный файл: случайные байты.',
    fileName: 'alteroffice-3.1.0-demo.pkg',
    contentType: 'application/octet-stream',
    body: 320 * KIB,
  },
  {
    productCode: 'AO',
    kind: 'distribution',
    title: 'AlterOffice — пакет установки (демо)',
    version: '3.0.4',
    releasedOn: '2024-10-15',
    notes: '',
    fileName: 'alteroffice-3.0.4-demo.pkg',
    contentType: 'application/octet-stream',
    body: 300 * KIB,
  },
  {
    productCode: 'AS',
    kind: 'distribution',
    title: 'AlterOS Сервер — установочный образ (демо)',
    version: '2.5.1',
    releasedOn: '2025-03-14',
    notes: 'Службы каталога: репликация между площадками.\nДемонстрационный файл: случайные байты.',
    fileName: 'alteros-server-2.5.1-amd64-demo.img',
    contentType: 'application/octet-stream',
    body: 384 * KIB,
  },
  {
    productCode: 'AO',
    kind: 'document',
    title: 'Руководство пользователя AlterOffice 3.1',
    releasedOn: '2025-02-03',
    fileName: 'Руководство пользователя AlterOffice 3.1.md',
    contentType: 'text/markdown',
    body: `# Руководство пользователя AlterOffice 3.1

## Установка
1. Скачайте пакет установки в разделе «Скачать» личного кабинета.
2. Сверьте SHA-256 файла с указанным в кабинете: \`sha256sum alteroffice-3.1.0-demo.pkg\`.
3. Запустите установку и введите серийный номер из раздела «Лицензии».

## Активация
Серийный номер вида YY-AO-BCDEFFGHHZZ-DDD-NNNN активирует столько рабочих мест, сколько указано
в столбце «Количество». Занятые места видны в столбце «Активировано».

## Техподдержка
Обращения — в разделе «Техподдержка» личного кабинета; укажите серийный номер и версию.
`,
  },
  {
    productCode: 'AO',
    kind: 'document',
    title: 'Руководство администратора AlterOffice',
    releasedOn: '2024-10-15',
    fileName: 'Руководство администратора AlterOffice.md',
    contentType: 'text/markdown',
    body: `# Руководство администратора AlterOffice

## Развёртывание на рабочих станциях
Пакет ставится без участия пользователя: \`alteroffice-install --silent --serial <серийный номер>\`.

## Обновление
Новые версии публикуются в разделе «Скачать». Обновление сохраняет настройки и активацию.
`,
  },
  {
    productCode: 'AS',
    kind: 'document',
    title: 'Установка AlterOS Сервер',
    releasedOn: '2025-03-14',
    fileName: 'Установка AlterOS Сервер.txt',
    contentType: 'text/plain',
    body: `Установка AlterOS Сервер 2.5

1. Запишите образ на носитель и загрузите сервер с него.
2. Выберите роль: контроллер домена, файловый сервер или сервер печати.
3. После установки введите серийный номер: alteros-activate <серийный номер>.
`,
  },
];

/** `size` bytes that depend only on `seed`: SHA-256 in counter mode. */
function deterministicBytes(seed: string, size: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; i * 32 < size; i++) blocks.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, size);
}

/** Puts the demo's files through the file storage; products that already have files are left alone. */
export async function seedDemoFiles(db: Db, storage: FileStorage, actor: AuditActor): Promise<void> {
  const done = new Set<string>();
  for (const file of DEMO_FILES) {
    const { productCode, fileName, contentType, body, ...fields } = file;
    if (!done.has(productCode)) {
      const [existing] = await db
        .select({ id: productFiles.id })
        .from(productFiles)
        .where(eq(productFiles.productCode, productCode))
        .limit(1);
      if (existing) continue;
    }
    done.add(productCode);
    const bytes =
      typeof body === 'number'
        ? deterministicBytes(`${productCode}-${fields.version}`, body)
        : Buffer.from(body);
    await addProductFile(
      { db, storage },
      { productCode, fields, fileName, contentType, source: Readable.from([bytes]) },
      actor,
    );
  }
}
