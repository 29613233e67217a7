import type { Cooperators, CooperatorsUpdate, WorkNote, WorkNoteCreate } from "@resettle/domain";
import type { ServiceContext } from "../../lib/context.js";
import * as cooperation from "../../lib/cooperation.js";

// 牵头/配合 on projects, milestones and items: the lead is the record's responsible department;
// the cooperating departments are replaced as a whole set by the office. Progress notes (进展情况)
// are written by the lead, a cooperating department, the office or the working group; never edited.

type WorkTarget = "project" | "milestone" | "item";

/** 牵头单位 and 配合单位 of a record. */
export async function readCooperators({ db }: ServiceContext, type: WorkTarget, id: string): Promise<Cooperators> {
  return cooperation.presentCooperators(db, await cooperation.findTarget(db, type, id, false));
}

/** 设置配合单位 (the office): neither the lead itself nor an unknown department may cooperate. */
export const setCooperators = (ctx: ServiceContext, type: WorkTarget, id: string, input: CooperatorsUpdate) =>
  cooperation.setCooperators(ctx, type, id, input.departmentIds);

/** A milestone's or item's progress notes, oldest first. */
export const listNotes = (ctx: ServiceContext, type: "milestone" | "item", id: string): Promise<WorkNote[]> =>
  cooperation.listNotes(ctx, type, id);

/** 进展情况 on work: a coordinator of the lead or of a cooperating department, the office, the working group. */
export const addNote = (ctx: ServiceContext, type: "milestone" | "item", id: string, input: WorkNoteCreate) =>
  cooperation.addNote(ctx, type, id, input, "work.update");
