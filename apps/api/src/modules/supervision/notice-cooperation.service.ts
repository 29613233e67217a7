import type { Cooperators, CooperatorsUpdate, WorkNote, WorkNoteCreate } from "@resettle/domain";
import { raiseAlerts } from "../../lib/alert-store.js";
import { AppError } from "../../lib/app-error.js";
import type { ServiceContext } from "../../lib/context.js";
import * as cooperation from "../../lib/cooperation.js";
import { cooperatingAlerts, findNotice } from "./notices.service.js";

// 配合单位 on a 督办单: named by the office when it issues the notice, changed while the notice is
// open. They see the notice (My work, its page), write progress notes (进展情况) on it; the
// department it is issued to (the lead) alone signs for it, replies and asks to extend.

/** The notice's department (牵头) and the departments cooperating (配合). */
export async function readNoticeCooperators({ db }: ServiceContext, id: string): Promise<Cooperators> {
  return cooperation.presentCooperators(db, await cooperation.findTarget(db, "notice", id, false));
}

/**
 * 设置配合单位 (the office): the whole set, on the notice's locked row, audited; the departments
 * added are told (a 新督办单 alert each). A closed notice (销号) is final: 409 with it as it is.
 */
export function setNoticeCooperators(ctx: ServiceContext, id: string, input: CooperatorsUpdate) {
  return cooperation.setCooperators(ctx, "notice", id, input.departmentIds, {
    authorize: async (tx, target) => {
      const row = await tx.supervisionNotice.findUniqueOrThrow({ where: { id: target.id }, select: { status: true } });
      if (row.status === "closed")
        throw new AppError(
          "CONFLICT",
          "a closed notice (销号) keeps the departments it had",
          [
            {
              path: "params.id",
              reason: "transition_not_allowed",
              message: "a closed notice keeps its cooperating departments",
              params: { status: row.status },
            },
          ],
          await findNotice(tx, ctx.clock, id),
        );
    },
    then: async (tx, _target, added) => {
      const notice = await findNotice(tx, ctx.clock, id);
      await raiseAlerts(tx, cooperatingAlerts(notice, added));
    },
  });
}

/** A notice's progress notes, oldest first. */
export const listNoticeNotes = (ctx: ServiceContext, id: string): Promise<WorkNote[]> =>
  cooperation.listNotes(ctx, "notice", id);

/** 进展情况 on a notice: a coordinator of its department or of a cooperating one, or the office. */
export const addNoticeNote = (ctx: ServiceContext, id: string, input: WorkNoteCreate) =>
  cooperation.addNote(ctx, "notice", id, input, "notices.note");
