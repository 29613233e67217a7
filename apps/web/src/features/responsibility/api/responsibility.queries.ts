import { CooperatorsSchema, ResponsibilityAssignmentSchema, WorkNoteSchema } from "@resettle/domain";
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet } from "../../../lib/api-client";

const HistorySchema = z.array(ResponsibilityAssignmentSchema);
const NotesSchema = z.array(WorkNoteSchema);

export type ResponsibilityTarget = { kind: "project" | "milestone"; id: string };
/** A record that has a lead (牵头单位) and may have cooperating departments (配合单位). */
export type CooperationTarget = { kind: "project" | "milestone" | "item"; id: string };
/** A milestone, an item or a 督办单: the records that carry progress notes (进展情况). */
export type NoteTarget = { kind: "milestone" | "item" | "notice"; id: string };

const PLURAL = {
  project: "projects",
  milestone: "milestones",
  item: "items",
  notice: "supervision-notices",
} as const;

export const targetPath = ({ kind, id }: { kind: keyof typeof PLURAL; id: string }) =>
  `/${PLURAL[kind]}/${encodeURIComponent(id)}`;

export const responsibilityQueries = {
  all: () => ["responsibility"] as const,
  /** Who was made responsible, when, by whom and why: newest first, as the API answers. */
  history: (target: ResponsibilityTarget) =>
    queryOptions({
      queryKey: [...responsibilityQueries.all(), target.kind, target.id],
      queryFn: ({ signal }) => apiGet(`${targetPath(target)}/responsibility-history`, HistorySchema, { signal }),
    }),
  /** 牵头单位 and 配合单位: under `all()`, so a new lead reloads them too. */
  cooperators: (target: CooperationTarget) =>
    queryOptions({
      queryKey: [...responsibilityQueries.all(), "cooperators", target.kind, target.id],
      queryFn: ({ signal }) => apiGet(`${targetPath(target)}/cooperators`, CooperatorsSchema, { signal }),
    }),
  /** 进展情况: a milestone's, an item's or a notice's progress notes, oldest first. */
  notes: (target: NoteTarget) =>
    queryOptions({
      queryKey: [...responsibilityQueries.all(), "notes", target.kind, target.id],
      queryFn: ({ signal }) => apiGet(`${targetPath(target)}/notes`, NotesSchema, { signal }),
    }),
};
