import { z } from "zod";
import { ItemSchema } from "./item.js";
import { MilestoneSchema } from "./milestone.js";
import { CommonProblemSchema } from "./problems.js";
import { NamedRefSchema, ProjectSummarySchema } from "./project.js";
import { ProjectHealthSchema } from "./status-rules.js";
import { TrajectorySchema } from "./trajectory.js";

/** One project's page: its ledger, where it stands against the plan, and why its colour. */
export const ProjectDetailSchema = ProjectSummarySchema.extend({
  milestones: z.array(MilestoneSchema),
  items: z.array(ItemSchema),
  trajectory: TrajectorySchema,
  health: ProjectHealthSchema,
  /** The common problems (共性问题) this project is linked to, with their progress. */
  commonProblems: z.array(CommonProblemSchema),
  /** The joint working group that reviews this project, if any. */
  workingGroup: NamedRefSchema.nullable(),
  /** Households in its registry (回迁户台账); above 0 the registry keeps `movedBack` and typed reports are refused. */
  registeredHouseholds: z.number().int().nonnegative(),
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;
