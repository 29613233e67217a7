import { z } from "zod";
import { TEXT_MAX } from "./text-limits.js";
import { refusal } from "./errors.js";
import { IdSchema, IsoDateTimeSchema } from "./common.js";
import { NewPasswordSchema, RoleSchema, UsernameSchema } from "./auth.js";
import { PageQuerySchema, QueryBooleanSchema, SortOrderSchema } from "./pagination.js";

/** A login account as administrators see it. Never carries the password or its hash. */
export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  departmentId: IdSchema.nullable(),
  personId: IdSchema.nullable(),
  active: z.boolean(),
  /** Signed in with a password an administrator chose, not yet changed by its user. */
  mustChangePassword: z.boolean().optional(),
  lastLoginAt: IsoDateTimeSchema.nullable(),
  version: z.number().int().min(1),
});
export type User = z.infer<typeof UserSchema>;

const userFields = {
  displayName: z.string().trim().min(1).max(TEXT_MAX.name),
  role: RoleSchema,
  departmentId: IdSchema.nullable(),
  personId: IdSchema.nullable(),
};

const coordinatorNeedsDepartment = (u: { role?: string; departmentId?: string | null }) =>
  u.role !== "coordinator" || !!u.departmentId;
const departmentIssue = refusal("department_required", "a coordinator needs a department", ["departmentId"]);

export const UserCreateSchema = z
  .strictObject({ username: UsernameSchema, password: NewPasswordSchema, ...userFields })
  .refine(coordinatorNeedsDepartment, departmentIssue);
export type UserCreate = z.infer<typeof UserCreateSchema>;

/** Changes to an account; `version` is the one the editor saw (409 if it moved on). */
export const UserUpdateSchema = z
  .strictObject({ ...userFields, active: z.boolean(), version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  // The merged record is checked on the server too; here only what the request itself says.
  .refine((u) => !(u.role === "coordinator" && u.departmentId === null), departmentIssue);
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const PasswordResetSchema = z.strictObject({ password: NewPasswordSchema });
export type PasswordReset = z.infer<typeof PasswordResetSchema>;

export const UserListQuerySchema = z.object({
  role: RoleSchema.optional(),
  departmentId: IdSchema.optional(),
  active: QueryBooleanSchema.optional(),
  q: z.string().trim().max(TEXT_MAX.name).optional(),
  sort: z.enum(["username", "displayName", "role", "lastLoginAt"]).default("username"),
  order: SortOrderSchema.default("asc"),
  ...PageQuerySchema.shape,
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;
