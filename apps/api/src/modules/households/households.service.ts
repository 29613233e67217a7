import {
  checkHouseholdMove,
  HOUSEHOLD_STATE_WORDS,
  isClosedYear,
  isSettled,
  maskIdNumber,
  maskPhone,
  progressReporterIds,
  type Household,
  type HouseholdBulkResult,
  type HouseholdBulkTransition,
  type HouseholdCreate,
  type HouseholdEvent,
  type HouseholdPage,
  type HouseholdQuery,
  type HouseholdTransition,
} from "@resettle/domain";
import { Prisma } from "@resettle/prisma/client";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Db, ServiceContext, Tx } from "../../lib/context.js";
import { fromIsoDate, toIsoDate } from "../../lib/dates.js";
import { outsideWindow, readPlanWindows } from "../../lib/plan-window.js";
import { containsText, escapeLikePattern } from "../../lib/text-search.js";
import { lockProject } from "../../lib/projects.js";
import { requireActFor } from "../../lib/work-rules.js";
import { writeLedgerEntry } from "../work/index.js";

export const householdSelect = {
  id: true,
  projectId: true,
  headName: true,
  idNumber: true,
  phone: true,
  address: true,
  areaM2: true,
  approach: true,
  state: true,
  stateOn: true,
  isDemo: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.HouseholdSelect;
type HouseholdRow = Prisma.HouseholdGetPayload<{ select: typeof householdSelect }>;

/** A household as it leaves the server: the ID number and the phone masked, always. */
export function presentHousehold({ idNumber, phone, areaM2, stateOn, updatedAt, ...row }: HouseholdRow): Household {
  return {
    ...row,
    idNumberMasked: maskIdNumber(idNumber),
    phoneMasked: phone === null ? null : maskPhone(phone),
    areaM2: areaM2.toNumber(),
    stateOn: toIsoDate(stateOn),
    updatedAt: updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a household: never the full ID number or phone. */
const auditedHousehold = (h: Household) => ({
  headName: h.headName,
  idNumber: h.idNumberMasked,
  phone: h.phoneMasked,
  address: h.address,
  areaM2: h.areaM2,
  approach: h.approach,
  state: h.state,
  stateOn: h.stateOn,
});

const projectSelect = {
  id: true,
  name: true,
  districtId: true,
  responsibleDepartmentId: true,
  totalHouseholds: true,
  movedBack: true,
  registeredHouseholds: true,
} satisfies Prisma.ProjectSelect;
export type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;

/**
 * Who keeps a project's registry: whoever may report its households moved back — its
 * responsible department or its district's government (coordinators), the office.
 */
export async function requireRegistryKeeper(
  tx: Db,
  ctx: ServiceContext,
  project: ProjectRow,
  capability: "progress.report" | "subsidy.record" = "progress.report",
) {
  const governments = await tx.department.findMany({
    where: { kind: "district_government", districtId: project.districtId },
    select: { id: true, kind: true, districtId: true },
  });
  requireActFor(ctx.actor.user, capability, progressReporterIds(project, governments));
}

export async function findProject(tx: Db, projectId: string): Promise<ProjectRow> {
  const project = await tx.project.findUnique({ where: { id: projectId }, select: projectSelect });
  if (!project) throw AppError.notFound("Project");
  return project;
}

/** The search: the head's name or the address (contains), or the ID number's last digits (4 to 6). */
export function searchWhere(q: string | undefined): Prisma.HouseholdWhereInput {
  if (!q) return {};
  const or: Prisma.HouseholdWhereInput[] = [{ headName: containsText(q) }, { address: containsText(q) }];
  const tail = q.toUpperCase();
  if (/^[0-9X]{4,6}$/.test(tail)) or.push({ idNumber: { endsWith: escapeLikePattern(tail) } });
  return { OR: or };
}

/** A page of a project's registry, in the order households were entered. */
export async function listHouseholds(
  { db }: ServiceContext,
  { projectId, query }: { projectId: string; query: HouseholdQuery },
): Promise<HouseholdPage> {
  await findProject(db, projectId);
  const where: Prisma.HouseholdWhereInput = {
    projectId,
    ...(query.state ? { state: query.state } : {}),
    ...searchWhere(query.q),
  };
  const [total, rows] = await Promise.all([
    db.household.count({ where }),
    db.household.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: householdSelect,
    }),
  ]);
  return { items: rows.map(presentHousehold), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Takes `n` places in the project's registry in one bounded statement: concurrent additions
 * queue on the project's row and can never take it past the plan's total.
 */
export async function takeRegistryPlaces(tx: Tx, project: ProjectRow, n: number) {
  const taken = await tx.$executeRaw`
    UPDATE "projects" SET "registeredHouseholds" = "registeredHouseholds" + ${n}
    WHERE "id" = ${project.id}::uuid AND "registeredHouseholds" + ${n} <= "totalHouseholds"`;
  if (taken === 0) {
    const { registeredHouseholds } = await tx.project.findUniqueOrThrow({
      where: { id: project.id },
      select: { registeredHouseholds: true },
    });
    throw new AppError(
      "CONFLICT",
      `The registry holds ${registeredHouseholds} of the project's ${project.totalHouseholds} households: no room for ${n} more`,
      [
        {
          path: "params.id",
          reason: "registry_full",
          message: `at most ${project.totalHouseholds} households`,
          params: { maximum: project.totalHouseholds, registered: registeredHouseholds },
        },
      ],
    );
  }
}

/** 409 on the ID number when another household has it (named only by its masked number). */
async function refuseTakenIdNumber(tx: Db, idNumber: string) {
  const other = await tx.household.findUnique({ where: { idNumber }, select: { projectId: true } });
  if (other)
    throw new AppError("CONFLICT", `A household with ID number ${maskIdNumber(idNumber)} is already registered`, [
      { path: "body.idNumber", reason: "taken", message: "already in another household" },
    ]);
}

/**
 * A new household, 待回迁 from today. A project whose figure already counts households moved
 * back from typed reports starts its registry by an import that lists them (so that the
 * figure and the registry agree from the first day), not household by household.
 */
export async function createHousehold(
  ctx: ServiceContext,
  { projectId, input }: { projectId: string; input: HouseholdCreate },
): Promise<Household> {
  return ctx.db.$transaction(async (tx) => {
    await lockProject(tx, projectId);
    const project = await findProject(tx, projectId);
    await requireRegistryKeeper(tx, ctx, project);
    if (project.registeredHouseholds === 0 && project.movedBack > 0)
      throw new AppError(
        "CONFLICT",
        `${project.movedBack} households of this project are counted as moved back from typed reports: start its registry with an import that lists them`,
        [
          {
            path: "params.id",
            reason: "registry_managed",
            message: "start this project's registry with an import",
            params: { movedBack: project.movedBack },
          },
        ],
      );
    await refuseTakenIdNumber(tx, input.idNumber);
    await takeRegistryPlaces(tx, project, 1);
    const { today } = await readPlanWindows(tx, ctx.clock);
    const created = presentHousehold(
      await tx.household.create({
        data: {
          projectId,
          headName: input.headName,
          idNumber: input.idNumber,
          phone: input.phone ?? null,
          address: input.address,
          areaM2: new Prisma.Decimal(input.areaM2.toFixed(2)),
          approach: input.approach,
          state: "waiting",
          stateOn: fromIsoDate(today),
          createdById: ctx.actor.id,
          events: { create: { toState: "waiting", on: fromIsoDate(today), byId: ctx.actor.id } },
        },
        select: householdSelect,
      }),
    );
    await audit(tx, ctx.actor, {
      action: "create",
      entityType: "household",
      entityId: created.id,
      projectId,
      after: auditedHousehold(created),
    });
    return created;
  });
}

/** The household's row, locked for the caller's transaction: its moves queue on it. */
async function lockHousehold(tx: Tx, id: string): Promise<HouseholdRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "households" WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw AppError.notFound("Household");
  return tx.household.findUniqueOrThrow({ where: { id }, select: householdSelect });
}

/**
 * Moves a household on a day, under the version its editor saw. Settling (已回迁 or 货币补偿)
 * writes +1 to the progress ledger and leaving it −1 (a correction with the reason), in the
 * same transaction: the project's figure, its year sums and so the dashboard follow.
 */
export async function transitionHousehold(
  ctx: ServiceContext,
  { id, input }: { id: string; input: HouseholdTransition },
): Promise<Household> {
  return ctx.db.$transaction(async (tx) => {
    const row = await lockHousehold(tx, id);
    const project = await findProject(tx, row.projectId);
    await requireRegistryKeeper(tx, ctx, project);
    const windows = await readPlanWindows(tx, ctx.clock);
    return moveHousehold(tx, ctx, { row, project, input, windows });
  });
}

/**
 * 批量变更状态: the selected households move to one state on one day, each as if moved alone
 * (its version, its rules, its ledger entry and its audit event), all in one transaction. The
 * first household that cannot move refuses the whole batch, named by its place in `items`.
 */
export async function transitionHouseholds(
  ctx: ServiceContext,
  input: HouseholdBulkTransition,
): Promise<HouseholdBulkResult> {
  return ctx.db.$transaction(async (tx) => {
    const ids = input.items.map((i) => i.id);
    // Locked in one order, so two batches that share households queue instead of deadlocking.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "households" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
    if (locked.length !== ids.length) {
      const found = new Set(locked.map((r) => r.id));
      const index = ids.findIndex((id) => !found.has(id));
      throw AppError.invalid(`body.items.${index}.id`, "unknown_reference", `No household ${ids[index]}`);
    }
    const rows = new Map(
      (await tx.household.findMany({ where: { id: { in: ids } }, select: householdSelect })).map((r) => [r.id, r]),
    );
    const projects = new Map<string, ProjectRow>();
    for (const projectId of new Set([...rows.values()].map((r) => r.projectId))) {
      const project = await findProject(tx, projectId);
      await requireRegistryKeeper(tx, ctx, project);
      projects.set(projectId, project);
    }
    const windows = await readPlanWindows(tx, ctx.clock);
    for (const [index, { id, version }] of input.items.entries()) {
      const row = rows.get(id)!;
      try {
        await moveHousehold(tx, ctx, {
          row,
          project: projects.get(row.projectId)!,
          input: { to: input.to, on: input.on, reason: input.reason, version },
          windows,
        });
      } catch (error) {
        throw error instanceof AppError ? ofBatchItem(error, index, row.headName) : error;
      }
    }
    return { moved: input.items.length };
  });
}

/** A household's refusal as the batch's: its fields under `body.items.<index>`, its name in the message. */
function ofBatchItem(error: AppError, index: number, headName: string): AppError {
  const details = (
    error.details ?? [{ path: "body.version", reason: "stale_version" as const, message: error.message }]
  ).map((d) => ({
    ...d,
    path: d.path.replace(/^body\./, `body.items.${index}.`),
    params: { ...d.params, headName, index },
  }));
  return new AppError(error.code, `${headName}: ${error.message}`, details, error.current);
}

type Windows = Awaited<ReturnType<typeof readPlanWindows>>;

/** One household's move, its row locked by the caller and its keeper checked. */
async function moveHousehold(
  tx: Tx,
  ctx: ServiceContext,
  {
    row,
    project,
    input,
    windows,
  }: { row: HouseholdRow; project: ProjectRow; input: HouseholdTransition; windows: Windows },
): Promise<Household> {
  const { id } = row;
  const current = presentHousehold(row);
  if (current.version !== input.version) throw AppError.staleVersion("Household", current);
  const move = checkHouseholdMove(current.state, input.to, input.reason);
  if (!move.ok)
    throw AppError.invalid(move.reason === "reason_required" ? "body.reason" : "body.to", move.reason, move.message, {
      from: current.state,
    });
  const { today, reportedOn: window } = windows;
  if (input.on > today)
    throw AppError.invalid("body.on", "date_in_future", `${input.on} is after today (${today})`, { maximum: today });
  // Not before the day it reached its present state; a household still waiting since it was
  // entered waited long before that day, so only the plan's window bounds its first move.
  const since = current.state === "waiting" ? window.minimum : max(window.minimum, current.stateOn);
  const outside = outsideWindow("body.on", input.on, { ...window, minimum: since });
  if (outside) throw AppError.invalidFields([outside]);
  const backdated = isClosedYear(input.on, today);
  const ledgerMove = Number(isSettled(input.to)) - Number(isSettled(current.state));
  if (ledgerMove !== 0 && backdated && !input.reason)
    throw AppError.invalid(
      "body.reason",
      "reason_required",
      `A move dated in ${input.on.slice(0, 4)}, a year already closed, changes its total: it needs a reason (补报)`,
      { year: Number(input.on.slice(0, 4)) },
    );

  const updated = await tx.household.updateMany({
    where: { id, version: input.version },
    data: { state: input.to, stateOn: fromIsoDate(input.on), version: { increment: 1 } },
  });
  if (updated.count !== 1) throw AppError.staleVersion("Household", current);
  const entry =
    ledgerMove === 0
      ? null
      : await writeLedgerEntry(tx, ctx, {
          projectId: project.id,
          projectName: project.name,
          totalHouseholds: project.totalHouseholds,
          households: ledgerMove,
          reportedOn: input.on,
          note: `${current.headName}：${HOUSEHOLD_STATE_WORDS[current.state]} → ${HOUSEHOLD_STATE_WORDS[input.to]}`,
          reason: input.reason ?? null,
          backdated,
          path: "body.to",
        });
  await tx.householdEvent.create({
    data: {
      householdId: id,
      fromState: current.state,
      toState: input.to,
      on: fromIsoDate(input.on),
      reason: input.reason ?? null,
      byId: ctx.actor.id,
      progressReportId: entry?.id ?? null,
    },
  });
  const after = presentHousehold(await tx.household.findUniqueOrThrow({ where: { id }, select: householdSelect }));
  await audit(tx, ctx.actor, {
    action: "transition",
    entityType: "household",
    entityId: id,
    projectId: project.id,
    before: {
      headName: current.headName,
      idNumber: current.idNumberMasked,
      state: current.state,
      stateOn: current.stateOn,
    },
    after: { state: after.state, stateOn: after.stateOn, ...(input.reason ? { reason: input.reason } : {}) },
  });
  return after;
}

const max = (a: string, b: string) => (a > b ? a : b);

/** A household's moves, oldest first. */
export async function listHouseholdEvents({ db }: ServiceContext, { id }: { id: string }): Promise<HouseholdEvent[]> {
  if (!(await db.household.count({ where: { id } }))) throw AppError.notFound("Household");
  const rows = await db.householdEvent.findMany({
    where: { householdId: id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: {
      id: true,
      fromState: true,
      toState: true,
      on: true,
      reason: true,
      at: true,
      by: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    from: r.fromState,
    to: r.toState,
    on: toIsoDate(r.on),
    reason: r.reason,
    by: r.by?.displayName ?? null,
    at: r.at.toISOString(),
  }));
}

/**
 * 查看完整身份证号: one household's full ID number, for an administrator who gives the reason.
 * The reveal is audited (who, when, why) — the number itself never enters the trail.
 */
export async function revealIdNumber(
  ctx: ServiceContext,
  { id, reason }: { id: string; reason: string },
): Promise<{ idNumber: string }> {
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.household.findUnique({ where: { id }, select: householdSelect });
    if (!row) throw AppError.notFound("Household");
    await audit(tx, ctx.actor, {
      action: "reveal_id_number",
      entityType: "household",
      entityId: id,
      projectId: row.projectId,
      after: { headName: row.headName, idNumber: maskIdNumber(row.idNumber), reason },
    });
    return { idNumber: row.idNumber };
  });
}
