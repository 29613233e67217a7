import { OverdueBoardQuerySchema, OverdueBoardSchema, WORK_STATUS_WORDS } from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { listExportRoute } from "../../lib/list-export.js";
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
  listExportRoute(app, deps, {
    url: "/api/overdue-work/export",
    access: "read",
    tags: ["ledger"],
    querystring: OverdueBoardQuerySchema,
    title: "全市逾期待办",
    list: overdueBoard,
    columns: [
      { header: "逾期天数", value: (e) => e.daysOverdue },
      { header: "类型", value: (e) => (e.type === "milestone" ? "推进节点" : "整改事项") },
      { header: "事项", width: 30, value: (e) => e.title },
      { header: "所属项目", width: 20, value: (e) => e.project.name },
      { header: "所属县区", value: (e) => e.district.name },
      { header: "责任单位", width: 18, value: (e) => e.responsibleDepartment?.name ?? "" },
      { header: "责任人", value: (e) => e.responsiblePerson?.name ?? "" },
      { header: "到期日", value: (e) => e.dueDate },
      { header: "状态", value: (e) => WORK_STATUS_WORDS[e.status] },
    ],
  });
}
