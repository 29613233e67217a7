import { z } from "zod";
import {
  periodWords,
  ScorecardQuerySchema,
  ScorecardSchema,
  ScoreRecordPageSchema,
  ScoreRecordsQuerySchema,
  ScoringRuleSetCreateSchema,
  ScoringRuleSetSchema,
} from "@resettle/domain";
import { contextOf } from "../../lib/context.js";
import { errors, writeErrors } from "../../lib/route-schemas.js";
import type { App, ModuleDeps } from "../../lib/types.js";
import { contentDisposition, XLSX_TYPE, xlsxAnswer } from "../../lib/file-answer.js";
import { scorecardWorkbook } from "./scorecard-workbook.js";
import { createRuleSet, listRuleSets, readScorecard, readScoreRecords } from "./scorecards.service.js";

const tags = ["scorecards"];

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
