import { z } from "zod";
import {
  periodWords,
  ScorecardQuerySchema,
  ScorecardSchema,
  ScoreRecordPageSchema,
  ScoreRecordsQuerySchema,
  ScoringRuleSetCreateSchema,
  ScoringRuleSetSchema,
  type ScoreRecord,
  type ScoreRecordsQuery,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { listExportRoute } from "../../lib/list-export.js";
import { errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { contentDisposition, XLSX_TYPE, xlsxAnswer } from "../../lib/file-answer.js";
import { scorecardWorkbook } from "./scorecard-workbook.js";
import { createRuleSet, listRuleSets, readScorecard, readScoreRecords } from "./scorecards.service.js";

const tags = ["scorecards"];
const RECORD_PART_WORDS: Record<ScoreRecordsQuery["part"], string> = {
  onTime: "按期完成",
  overdue: "逾期事项",
  notices: "督办反馈",
  tickets: "水电暖办结",
  cooperation: "配合事项",
};
const RECORD_TYPE_WORDS: Record<ScoreRecord["type"], string> = {
  milestone: "推进节点",
  item: "整改事项",
  notice: "督办单",
  ticket: "水电暖问题",
  project: "项目",
};

/** 绩效考评: the ranking, the records behind a score, its Excel, and the rules' versions. */
export async function scorecardRoutes(app: App, deps: ModuleDeps) {
  app.get(
    "/api/scorecards",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Every district or department scored for a period (2026-Q4 or 2026), ranked, with the rules used",
        querystring: ScorecardQuerySchema,
        response: { 200: ScorecardSchema, ...errors },
      },
    },
    (request) => readScorecard(contextOf(request, deps), request.query),
  );
  app.get(
    "/api/scorecards/export",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "The scorecard as an .xlsx 考评得分表 (title, parts beside their points, the rules below)",
        querystring: ScorecardQuerySchema,
        response: { ...xlsxAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const card = await readScorecard(contextOf(request, deps), request.query);
      const kind = card.kind === "district" ? "县区" : "责任单位";
      return reply
        .type(XLSX_TYPE)
        .header(
          "content-disposition",
          contentDisposition(`绩效考评得分表（${periodWords(card.period)}，${kind}）.xlsx`),
        )
        .send(await scorecardWorkbook(card));
    },
  );
  app.get(
    "/api/scorecards/records",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "The records behind one part of one district's or department's score, the latest first",
        querystring: ScoreRecordsQuerySchema,
        response: { 200: ScoreRecordPageSchema, ...errors },
      },
    },
    (request) => readScoreRecords(contextOf(request, deps), request.query),
  );
  listExportRoute(app, deps, {
    url: "/api/scorecards/records/export",
    access: "read",
    tags,
    querystring: ScoreRecordsQuerySchema,
    title: "考评明细",
    fileTitle: async ({ db }, { period, kind, id, part }) => {
      const unit =
        kind === "district"
          ? await db.district.findUnique({ where: { id }, select: { name: true } })
          : await db.department.findUnique({ where: { id }, select: { name: true } });
      return `${unit?.name ?? ""}${RECORD_PART_WORDS[part]}明细（${periodWords(period)}）`;
    },
    list: readScoreRecords,
    columns: [
      { header: "事项", width: 40, value: (r) => r.label },
      { header: "类型", value: (r) => RECORD_TYPE_WORDS[r.type] },
      { header: "所属项目", width: 24, value: (r) => r.projectName ?? "" },
      { header: "到期日", width: 12, value: (r) => r.dueDate },
      { header: "完成日", width: 12, value: (r) => r.doneOn ?? "未完成" },
      { header: "逾期天数", value: (r) => r.daysLate },
    ],
  });
  app.get(
    "/api/scoring-rules",
    {
      config: { access: "read" },
      schema: {
        tags,
        summary: "Every version of the scoring rules, newest first",
        response: { 200: z.array(ScoringRuleSetSchema), ...errors },
      },
    },
    (request) => listRuleSets(contextOf(request, deps)),
  );
  app.post(
    "/api/scoring-rules",
    {
      config: { access: "scoring.manage" },
      schema: {
        tags,
        summary:
          "A new version of the scoring rules from a day on (the office); earlier versions are kept as they were",
        body: ScoringRuleSetCreateSchema,
        response: { 201: ScoringRuleSetSchema, ...writeErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createRuleSet(contextOf(request, deps), request.body)),
  );
}
