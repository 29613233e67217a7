import { z } from "zod";
import {
  pageOf,
  PasswordResetSchema,
  ROLE_WORDS,
  UserCreateSchema,
  UserListQuerySchema,
  UserSchema,
  UserUpdateSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { chinaDateTime, listExportRoute } from "../../lib/list-export.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { createUser, listUsers, listUsersNamed, resetPassword, updateUser } from "./users.service.js";
import { byId, errors, writeErrors } from "../../lib/route-schemas.js";

/** Accounts: administrators only. Passwords go in, never come out. */
export async function userRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/users",
    {
      config: { access: "accounts.manage" },
      schema: {
        tags: ["accounts"],
        summary: "User accounts: filter, sort, paginate",
        querystring: UserListQuerySchema,
        response: { 200: pageOf(UserSchema), ...errors },
      },
    },
    (request) => listUsers(contextOf(request, deps), request.query),
  );
  listExportRoute(app, deps, {
    url: "/api/users/export",
    access: "accounts.manage",
    tags: ["accounts"],
    querystring: UserListQuerySchema,
    title: "用户账号",
    list: listUsersNamed,
    columns: [
      { header: "用户名", width: 18, value: (u) => u.username },
      { header: "姓名", value: (u) => u.displayName },
      { header: "角色", value: (u) => ROLE_WORDS[u.role] },
      { header: "所属部门", width: 20, value: (u) => u.departmentName ?? "" },
      { header: "对应人员", value: (u) => u.personName ?? "" },
      {
        header: "状态",
        value: (u) => `${u.active ? "启用" : "停用"}${u.mustChangePassword ? "（待改密码）" : ""}`,
      },
      { header: "最近登录", width: 18, value: (u) => chinaDateTime(u.lastLoginAt) },
    ],
  });
  app.post(
    "/api/users",
    {
      config: { access: "accounts.manage" },
      schema: {
        tags: ["accounts"],
        summary: "Create an account",
        body: UserCreateSchema,
        response: { 201: UserSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(contextOf(request, deps), request.body)),
  );
  app.patch(
    "/api/users/:id",
    {
      config: { access: "accounts.manage" },
      schema: {
        tags: ["accounts"],
        summary: "Change an account; active: false deactivates it and ends its sessions at once",
        params: byId,
        body: UserUpdateSchema,
        response: { 200: UserSchema, ...writeErrors },
      },
    },
    (request) => updateUser(contextOf(request, deps), { id: request.params.id, changes: request.body }),
  );
  app.post(
    "/api/users/:id/password",
    {
      config: { access: "accounts.manage" },
      schema: {
        tags: ["accounts"],
        summary: "Set a new password for an account; its sessions end",
        params: byId,
        body: PasswordResetSchema,
        response: { 204: z.null().describe("No content"), ...writeErrors },
      },
    },
    async (request, reply) => {
      await resetPassword(contextOf(request, deps), { id: request.params.id, ...request.body });
      return reply.status(204).send(null);
    },
  );
}
