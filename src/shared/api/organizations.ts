import { z } from 'zod';
import { validateRequisites } from '../requisites';
import { Email } from './auth';
import { Instant, PageQuery, paginated } from './common';
import { MEMBERSHIP_ROLES, ORGANIZATION_PROGRAMS, ORGANIZATION_STATUSES } from './roles';

/** `legal` — юрлицо, `individual` — ИП. */
export const ORGANIZATION_KINDS = ['legal', 'individual'] as const;

const text = (max: number, required: string) => z.string().trim().min(1, required).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const digits = z.string().trim().max(20);

/** The legal entity's requisites as people enter them (seed 002: name + INN on the organization cards). */
export const OrganizationFields = z.object({
  kind: z.enum(ORGANIZATION_KINDS).meta({ description: 'legal — юрлицо, individual — ИП' }),
  fullName: text(500, 'Введите полное наименование'),
  shortName: text(200, 'Введите краткое наименование'),
  inn: digits,
  kpp: digits.nullish().transform((v) => (v ? v : null)),
  ogrn: digits.meta({ description: 'ОГРН (13 цифр) для юрлица или ОГРНИП (15 цифр) для ИП' }),
  legalAddress: text(500, 'Введите юридический адрес'),
  postalAddress: optionalText(500),
  bankName: text(300, 'Введите наименование банка'),
  bik: digits,
  corrAccount: digits,
  settlementAccount: digits,
  email: Email,
  documentEmails: z.array(Email).max(10).default([]),
  accountantEmail: Email.nullish().transform((v) => v ?? null),
  contactName: text(200, 'Введите контактное лицо'),
  contactPhone: optionalText(50),
  contactEmail: Email.nullish().transform((v) => v ?? null),
  programs: z.array(z.enum(ORGANIZATION_PROGRAMS)).default([]),
});
export type OrganizationFields = z.infer<typeof OrganizationFields>;

function withRequisiteChecks<T extends z.ZodType<Partial<OrganizationFields>>>(schema: T) {
  return schema.superRefine((value, ctx) => {
    for (const issue of validateRequisites(value)) {
      ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
    }
  });
}

export const OrganizationCreateBody = withRequisiteChecks(OrganizationFields);
export type OrganizationCreateBody = z.input<typeof OrganizationCreateBody>;

/**
 * A partial update is validated against the stored row merged with the patch (in the use case), so the
 * schema only checks shapes here.
 */
export const OrganizationUpdateBody = OrganizationFields.partial();
export type OrganizationUpdateBody = z.input<typeof OrganizationUpdateBody>;

/** Responses carry plain shapes (no transforms): the serializer encodes them back through the schema. */
export const OrganizationResponse = z
  .object({
    id: z.uuid(),
    kind: z.enum(ORGANIZATION_KINDS),
    fullName: z.string(),
    shortName: z.string(),
    inn: z.string(),
    kpp: z.string().nullable(),
    ogrn: z.string(),
    legalAddress: z.string(),
    postalAddress: z.string().nullable(),
    bankName: z.string(),
    bik: z.string(),
    corrAccount: z.string(),
    settlementAccount: z.string(),
    email: z.string(),
    documentEmails: z.array(z.string()),
    accountantEmail: z.string().nullable(),
    contactName: z.string(),
    contactPhone: z.string().nullable(),
    contactEmail: z.string().nullable(),
    programs: z.array(z.enum(ORGANIZATION_PROGRAMS)),
    status: z.enum(ORGANIZATION_STATUSES),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Organization' });
export type OrganizationResponse = z.infer<typeof OrganizationResponse>;

/** What an organization's owner or admin may change themselves; requisites stay with the operator. */
export const OrganizationContactsUpdateBody = z.object({
  documentEmails: z.array(Email).max(10).optional(),
  accountantEmail: Email.nullable().optional(),
  contactName: text(200, 'Введите контактное лицо').optional(),
  contactPhone: z.string().trim().max(50).nullable().optional(),
  contactEmail: Email.nullable().optional(),
  postalAddress: z.string().trim().max(500).nullable().optional(),
});
export type OrganizationContactsUpdateBody = z.infer<typeof OrganizationContactsUpdateBody>;

export const OrganizationSummary = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANIZATION_KINDS),
  shortName: z.string(),
  fullName: z.string(),
  inn: z.string(),
  kpp: z.string().nullable(),
  status: z.enum(ORGANIZATION_STATUSES),
  programs: z.array(z.enum(ORGANIZATION_PROGRAMS)),
  membersCount: z.number().int(),
  createdAt: Instant,
  /**
   * Where the organization is reached: the contact person's e-mail, else the organization's own. «Выдача
   * лицензий» prefills the recipient with it — the address a shipment without one goes to (seed 000).
   */
  contactEmail: z.string(),
});
export type OrganizationSummary = z.infer<typeof OrganizationSummary>;

export const OrganizationListQuery = PageQuery.extend({
  status: z.enum(ORGANIZATION_STATUSES).optional(),
  program: z.enum(ORGANIZATION_PROGRAMS).optional(),
  sort: z.enum(['shortName', 'inn', 'createdAt']).default('shortName'),
});
export type OrganizationListQuery = z.input<typeof OrganizationListQuery>;
export const OrganizationList = paginated(OrganizationSummary);
export type OrganizationList = z.infer<typeof OrganizationList>;

export const Member = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  role: z.enum(MEMBERSHIP_ROLES),
  userStatus: z.enum(['active', 'blocked']),
  lastLoginAt: Instant.nullable(),
  createdAt: Instant,
});
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

/** Adds a person by email; an unknown email becomes a new user who gets a link to set a password. */
export const MemberAddBody = z.object({
  email: Email,
  name: z.string().trim().max(200).optional(),
  role: z.enum(MEMBERSHIP_ROLES),
});
export type MemberAddBody = z.infer<typeof MemberAddBody>;

export const MemberUpdateBody = z.object({ role: z.enum(MEMBERSHIP_ROLES) });
export type MemberUpdateBody = z.infer<typeof MemberUpdateBody>;

export const MemberParams = z.object({ id: z.uuid(), userId: z.uuid() });
