import { z } from 'zod';
import { Instant, PageQuery, paginated } from './common';
import type { MembershipRole } from './roles';

/**
 * «Техподдержка» (seed 000): support contacts per licensed product and support requests. A request cites one
 * of the organization's serial numbers — «Данный номер используется для обращений в техническую поддержку и
 * подтверждения легальности использования технической поддержки и продукта». Responses carry no transforms.
 */

/** `open` — waiting for support, `answered` — waiting for the customer, `closed`. */
export const SUPPORT_STATUSES = ['open', 'answered', 'closed'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export const SupportStatusSchema = z.enum(SUPPORT_STATUSES);

export const SUPPORT_AUTHOR_KINDS = ['customer', 'staff'] as const;

/**
 * Organization roles that write requests; `viewer` reads the organization's requests but writes nothing
 * (roles.ts: a viewer only looks).
 */
export const SUPPORT_WRITER_ROLES = [
  'owner',
  'admin',
  'accountant',
  'member',
] as const satisfies readonly MembershipRole[];
export type SupportAuthorKind = (typeof SUPPORT_AUTHOR_KINDS)[number];

/** Limits people can see in the form. */
export const SUPPORT_SUBJECT_MAX = 200;
export const SUPPORT_BODY_MAX = 20_000;

// ---- Contacts ------------------------------------------------------------------------------------

/** Whom to write or call about one product the organization is licensed for. */
export const SupportProductContact = z.object({
  productCode: z.string().meta({ example: 'AO' }),
  productName: z.string().meta({ example: 'AlterOffice' }),
  supportEmail: z.string().nullable().meta({ example: 'support@alteroffice.example' }),
  supportPhone: z.string().nullable().meta({ example: '8 800 000-00-02' }),
  /** Serial numbers of the organization for this product (the proof of legitimate use). */
  licensesCount: z.number().int(),
});
export type SupportProductContact = z.infer<typeof SupportProductContact>;

export const SupportContacts = z
  .object({
    products: z.array(SupportProductContact),
    /** «Контактные данные руководителя технического отдела» (seed 000); null when the operator left it empty. */
    techLead: z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable(),
  })
  .meta({ id: 'SupportContacts' });
export type SupportContacts = z.infer<typeof SupportContacts>;

// ---- Requests ------------------------------------------------------------------------------------

/** Subjects go into mail subjects: line breaks and runs of spaces become one space. */
const Subject = z
  .string()
  .transform((value) => value.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Укажите тему обращения')
      .max(SUPPORT_SUBJECT_MAX, `Тема — не длиннее ${SUPPORT_SUBJECT_MAX} символов`),
  );

const Body = z
  .string()
  .trim()
  .min(1, 'Напишите сообщение')
  .max(SUPPORT_BODY_MAX, `Сообщение — не длиннее ${SUPPORT_BODY_MAX} символов`);

/** «Новое обращение»: the serial in any spelling people paste (the codec repairs it), a subject, the text. */
export const SupportTicketCreateBody = z.object({
  serial: z.string().trim().min(1, 'Выберите серийный номер').max(300, 'Слишком длинный серийный номер'),
  subject: Subject,
  body: Body,
});
export type SupportTicketCreateBody = z.input<typeof SupportTicketCreateBody>;

export const SupportMessageBody = z.object({ body: Body });
export type SupportMessageBody = z.input<typeof SupportMessageBody>;

export const SupportTicketListQuery = PageQuery.extend({
  status: SupportStatusSchema.optional(),
  /** Newest activity first unless asked otherwise. */
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type SupportTicketListQuery = z.input<typeof SupportTicketListQuery>;

/** A person in a thread; customers see the name of the support engineer who answered. */
export const SupportPerson = z.object({ id: z.uuid(), name: z.string() });
export type SupportPerson = z.infer<typeof SupportPerson>;

export const SupportTicketItem = z
  .object({
    id: z.uuid(),
    /** «Обращение № 12»: gap-free across the portal. */
    number: z.number().int(),
    subject: z.string(),
    status: SupportStatusSchema,
    serial: z.string(),
    licenseId: z.uuid(),
    productCode: z.string(),
    productName: z.string(),
    createdAt: Instant,
    lastMessageAt: Instant,
    closedAt: Instant.nullable(),
  })
  .meta({ id: 'SupportTicket' });
export type SupportTicketItem = z.infer<typeof SupportTicketItem>;
export const SupportTicketList = paginated(SupportTicketItem);
export type SupportTicketList = z.infer<typeof SupportTicketList>;

export const SupportMessage = z
  .object({
    id: z.uuid(),
    authorKind: z.enum(SUPPORT_AUTHOR_KINDS),
    author: SupportPerson,
    body: z.string(),
    createdAt: Instant,
  })
  .meta({ id: 'SupportMessage' });
export type SupportMessage = z.infer<typeof SupportMessage>;

export const SupportTicketDetail = SupportTicketItem.extend({
  author: SupportPerson,
  messages: z.array(SupportMessage),
}).meta({ id: 'SupportTicketDetail' });
export type SupportTicketDetail = z.infer<typeof SupportTicketDetail>;

// ---- Back office ---------------------------------------------------------------------------------

export const SUPPORT_ASSIGNEE_FILTERS = ['me', 'none'] as const;

export const AdminSupportTicketListQuery = SupportTicketListQuery.extend({
  organizationId: z.uuid().optional(),
  productCode: z.string().trim().toUpperCase().max(10).optional(),
  /** `me` — taken by the caller, `none` — nobody took it yet. */
  assignee: z.enum(SUPPORT_ASSIGNEE_FILTERS).optional(),
});
export type AdminSupportTicketListQuery = z.input<typeof AdminSupportTicketListQuery>;

const OrganizationRef = z.object({ id: z.uuid(), shortName: z.string(), inn: z.string() });

export const AdminSupportTicketItem = SupportTicketItem.extend({
  organization: OrganizationRef,
  author: SupportPerson.extend({ email: z.string() }),
  /** The staff member who took the request. */
  assignee: SupportPerson.nullable(),
}).meta({ id: 'AdminSupportTicket' });
export type AdminSupportTicketItem = z.infer<typeof AdminSupportTicketItem>;
export const AdminSupportTicketList = paginated(AdminSupportTicketItem);
export type AdminSupportTicketList = z.infer<typeof AdminSupportTicketList>;

export const AdminSupportTicketDetail = AdminSupportTicketItem.extend({
  license: z.object({
    id: z.uuid(),
    number: z.number().int(),
    serial: z.string(),
    name: z.string(),
    quantity: z.number().int(),
    activated: z.number().int(),
  }),
  /** The product's support contacts, where new requests are mailed. */
  productSupportEmail: z.string().nullable(),
  messages: z.array(SupportMessage),
}).meta({ id: 'AdminSupportTicketDetail' });
export type AdminSupportTicketDetail = z.infer<typeof AdminSupportTicketDetail>;
