import { z } from 'zod';
import { Email, Password } from './auth';
import { calendarDay, Instant, PageQuery, paginated } from './common';
import { MEMBERSHIP_ROLES, STAFF_ROLES, USER_STATUSES } from './roles';

export const AdminUserListQuery = PageQuery.extend({
  status: z.enum(USER_STATUSES).optional(),
  staff: z.enum(['staff', 'customers']).optional(),
  sort: z.enum(['email', 'name', 'createdAt', 'lastLoginAt']).default('email'),
});
export type AdminUserListQuery = z.input<typeof AdminUserListQuery>;

export const AdminUserMembership = z.object({
  organizationId: z.uuid(),
  shortName: z.string(),
  inn: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
});

export const AdminUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    staffRole: z.enum(STAFF_ROLES).nullable(),
    status: z.enum(USER_STATUSES),
    twoFactorEnabled: z.boolean(),
    hasPassword: z.boolean(),
    lastLoginAt: Instant.nullable(),
    createdAt: Instant,
    memberships: z.array(AdminUserMembership),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof AdminUser>;
export const AdminUserList = paginated(AdminUser);
export type AdminUserList = z.infer<typeof AdminUserList>;

/** Without a password the user receives an email link to set one. */
export const AdminUserCreateBody = z.object({
  email: Email,
  name: z.string().trim().min(1, 'Введите имя').max(200),
  phone: z.string().trim().max(50).nullable().optional(),
  staffRole: z.enum(STAFF_ROLES).nullable().optional(),
  password: Password.optional(),
});
export type AdminUserCreateBody = z.infer<typeof AdminUserCreateBody>;

export const AdminUserUpdateBody = z.object({
  name: z.string().trim().min(1, 'Введите имя').max(200).optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  staffRole: z.enum(STAFF_ROLES).nullable().optional(),
});
export type AdminUserUpdateBody = z.infer<typeof AdminUserUpdateBody>;

export const AuditListQuery = PageQuery.extend({
  action: z.string().max(100).optional(),
  organizationId: z.uuid().optional(),
  userId: z.uuid().optional(),
  from: calendarDay().optional(),
  to: calendarDay().optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AuditListQuery = z.input<typeof AuditListQuery>;

export const AuditEvent = z.object({
  id: z.string(),
  at: Instant,
  actorUserId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;
export const AuditList = paginated(AuditEvent);
export type AuditList = z.infer<typeof AuditList>;

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'stored'] as const;

export const MailListQuery = PageQuery.extend({
  status: z.enum(MAIL_STATUSES).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type MailListQuery = z.input<typeof MailListQuery>;

export const MailMessage = z.object({
  id: z.uuid(),
  to: z.array(z.string()),
  subject: z.string(),
  template: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: Instant,
  sentAt: Instant.nullable(),
});
export type MailMessage = z.infer<typeof MailMessage>;
export const MailList = paginated(MailMessage);
export type MailList = z.infer<typeof MailList>;
export const MailMessageDetail = MailMessage.extend({ html: z.string(), text: z.string() });
export type MailMessageDetail = z.infer<typeof MailMessageDetail>;

/** «О нас» / «Контакты» (seed 000, рис. 6) and the head of the technical department (seed 000, главная). */
export const PortalInfo = z
  .object({
    operatorName: z.string().trim().min(1).max(200),
    about: z.string().trim().max(5000),
    phone: z.string().trim().max(50),
    email: z.string().trim().max(200),
    address: z.string().trim().max(500),
    website: z.string().trim().max(300),
    techLeadName: z.string().trim().max(200),
    techLeadPhone: z.string().trim().max(50),
    techLeadEmail: z.string().trim().max(200),
  })
  .meta({ id: 'PortalInfo' });
export type PortalInfo = z.infer<typeof PortalInfo>;

export { Email, Password };
