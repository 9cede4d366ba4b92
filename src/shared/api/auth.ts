import { z } from 'zod';
import { Instant } from './common';
import { MEMBERSHIP_ROLES, ORGANIZATION_PROGRAMS, STAFF_ROLES } from './roles';

export const PASSWORD_MIN_LENGTH = 8;

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Пароль должен быть не короче ${PASSWORD_MIN_LENGTH} символов`)
  .max(200, 'Пароль слишком длинный');

export const Email = z.string().trim().toLowerCase().pipe(z.email('Неверный адрес электронной почты'));

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1, 'Введите пароль').max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const TwoFactorLoginBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Код состоит из 6 цифр'),
});
export type TwoFactorLoginBody = z.infer<typeof TwoFactorLoginBody>;

export const UserSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  staffRole: z.enum(STAFF_ROLES).nullable(),
  twoFactorEnabled: z.boolean(),
  locale: z.enum(['ru', 'en']),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const MembershipSummary = z.object({
  organizationId: z.uuid(),
  shortName: z.string(),
  inn: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
  programs: z.array(z.enum(ORGANIZATION_PROGRAMS)),
  status: z.enum(['active', 'blocked']),
});
export type MembershipSummary = z.infer<typeof MembershipSummary>;

/** `GET /api/v1/auth/me`: who is logged in, where, and the CSRF token for state-changing requests. */
export const MeResponse = z
  .object({
    user: UserSummary,
    organizations: z.array(MembershipSummary),
    activeOrganizationId: z.uuid().nullable(),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type MeResponse = z.infer<typeof MeResponse>;

/** Login either completes (`status: "ok"`) or waits for a TOTP code (`status: "two_factor_required"`). */
export const LoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), me: MeResponse }),
  z.object({ status: z.literal('two_factor_required'), csrfToken: z.string() }),
]);
export type LoginResponse = z.infer<typeof LoginResponse>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Введите текущий пароль').max(200),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const ForgotPasswordBody = z.object({ email: Email });
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBody>;

export const ResetPasswordBody = z.object({
  token: z.string().min(20).max(200),
  newPassword: Password,
});
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>;

export const ResetTokenStatus = z.object({ valid: z.boolean(), email: z.string().nullable() });
export type ResetTokenStatus = z.infer<typeof ResetTokenStatus>;

export const SessionInfo = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: Instant,
  lastSeenAt: Instant,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionList = z.object({ items: z.array(SessionInfo) });
export type SessionList = z.infer<typeof SessionList>;

export const TwoFactorSetupResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string(),
});
export type TwoFactorSetupResponse = z.infer<typeof TwoFactorSetupResponse>;

export const TwoFactorEnableBody = z.object({ code: TwoFactorLoginBody.shape.code });
export type TwoFactorEnableBody = z.infer<typeof TwoFactorEnableBody>;

export const TwoFactorDisableBody = z.object({ password: z.string().min(1, 'Введите пароль').max(200) });
export type TwoFactorDisableBody = z.infer<typeof TwoFactorDisableBody>;

export const SwitchOrganizationBody = z.object({ organizationId: z.uuid() });
export type SwitchOrganizationBody = z.infer<typeof SwitchOrganizationBody>;

export const ProfileUpdateBody = z.object({
  name: z.string().trim().min(1, 'Введите имя').max(200).optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  locale: z.enum(['ru', 'en']).optional(),
});
export type ProfileUpdateBody = z.infer<typeof ProfileUpdateBody>;
