import { z } from "zod";
import {
  pageOf,
  PasswordResetSchema,
  UserCreateSchema,
  UserListQuerySchema,
  UserSchema,
  UserUpdateSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { createUser, listUsers, resetPassword, updateUser } from "./users.service.js";
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
