import { z } from "zod";
import { refusal } from "./errors.js";
import { IdSchema } from "./common.js";

/**
 * admin: 领导小组办公室 — everything, including accounts and assignment;
 * coordinator: 部门联络员 — bound to one department, changes only what it is responsible for;
 * working_group: 联合工作组成员 — reads everything, records reviews and decisions;
 * leader: 市领导 — reads everything, changes nothing.
 */
export const RoleSchema = z.enum(["admin", "coordinator", "working_group", "leader"]);
export type Role = z.infer<typeof RoleSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{1,39}$/, "2–40 characters: lower-case letters, digits, . _ -, starting with a letter");

/** The password everyone may read in the README; a production server never accepts it. */
export const DEMO_PASSWORD = "Panjin#2018";

/** At least 10 characters with letters and digits; never the published demo password. */
export const NewPasswordSchema = z
  .string()
  .min(10, "at least 10 characters")
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), refusal("password_letters_digits", "letters and digits both"))
  .refine((p) => p !== DEMO_PASSWORD, refusal("demo_password", "the published demo password cannot be used"));

export const LoginRequestSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const SessionUserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  departmentId: IdSchema.nullable(),
  /**
   * The password was chosen by an administrator: nothing but changing it (and signing out) is
   * allowed. The server always sends it; absent reads as false.
   */
  mustChangePassword: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const AuthResponseSchema = z.object({
  user: SessionUserSchema,
  csrfToken: z.string(),
});
export type AuthResponse = z.infer<typeof AuthResponseSchema>;

/** GET /api/auth/me: who is signed in, or `user: null` — being signed out is not an error. No CSRF token without a session. */
export const SessionResponseSchema = z.union([AuthResponseSchema, z.object({ user: z.null(), csrfToken: z.null() })]);
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
