import { z } from "zod";
import { BriefingQuerySchema, BriefingSchema, StocktakeQuerySchema, StocktakeSchema } from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { errors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { contentDisposition } from "../../lib/file-answer.js";
import { briefingDocument, briefingFileName } from "./briefing-document.js";
import { readBriefing } from "./briefing.service.js";
import { DOCX_TYPE, reportDocx } from "./report-docx.js";
import { reportPdf } from "./report-pdf.js";
import { readStocktake } from "./stocktake.service.js";

const tags = ["reports"];

/** 工作简报 (JSON for the printable page, .docx, PDF) and 逐项目研判材料. */
export async function reportRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/reports/briefing",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "工作简报 for a date (the plan's first day to today): the dashboard's figures, projects by health with reasons, the week's changes, overdue work by department, notices",
        querystring: BriefingQuerySchema,
        response: { 200: BriefingSchema, ...errors },
      },
    },
    (request) => readBriefing(contextOf(request, deps), request.query),
  );

  const files = [
    ["docx", DOCX_TYPE, reportDocx],
    ["pdf", "application/pdf", reportPdf],
  ] as const;
  for (const [extension, type, write] of files)
    app.get(
      `/api/reports/briefing.${extension}`,
      {
        config: { access: "read" },
        schema: {
          tags,
          summary: `工作简报 for a date as an A4 .${extension}, written on the server`,
          querystring: BriefingQuerySchema,
          response: { 200: z.any().describe(`an A4 document (${type})`), ...errors },
        },
      },
      async (request, reply) => {
        const briefing = await readBriefing(contextOf(request, deps), request.query);
        const file = await write(briefingDocument(briefing));
        return reply
          .type(type)
          .header("content-disposition", contentDisposition(`${briefingFileName(briefing)}.${extension}`))
          .send(file);
      },
    );

  app.get(
    "/api/reports/stocktake",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary:
          "逐项目研判材料 for a working group: per project its trajectory, health and reasons, blockers, open follow-up actions, tickets, arrears and the decisions owed",
        querystring: StocktakeQuerySchema,
        response: { 200: StocktakeSchema, ...errors },
      },
    },
    (request) => readStocktake(contextOf(request, deps), request.query),
  );
}
