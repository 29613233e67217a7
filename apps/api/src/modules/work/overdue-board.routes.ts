import { OverdueBoardQuerySchema, OverdueBoardSchema } from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { errors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { overdueBoard } from "./overdue-board.service.js";

/** 全市待办: overdue work across departments, for every signed-in role (coordinators filter to theirs). */
export async function overdueBoardRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/overdue-work",
    {
      config: { access: "read" },
      schema: {
        tags: ["ledger"],
        summary: "Overdue milestones and items city-wide, the latest first: by district, department, kind, lateness",
        querystring: OverdueBoardQuerySchema,
        response: { 200: OverdueBoardSchema, ...errors },
      },
    },
    (request) => overdueBoard(contextOf(request, deps), request.query),
  );
}
