import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import {
  APPROACH_WORDS,
  HOUSEHOLD_STATE_WORDS,
  type HouseholdExportQuery,
  type HouseholdListItem,
  type HouseholdListPage,
  type HouseholdListQuery,
} from "@resettle/domain";
import type { Prisma } from "@resettle/prisma/client";
import type { ServiceContext } from "../../lib/context.js";
import { householdSelect, presentHousehold, searchWhere } from "./households.service.js";

// 回迁户名册: the registry across projects, a page at a time or as a workbook (masked, always).

const listSelect = {
  ...householdSelect,
  project: { select: { name: true, districtId: true, district: { select: { name: true } } } },
} satisfies Prisma.HouseholdSelect;
type ListRow = Prisma.HouseholdGetPayload<{ select: typeof listSelect }>;

function presentListItem({ project, ...row }: ListRow): HouseholdListItem {
  return {
    ...presentHousehold(row),
    projectName: project.name,
    districtId: project.districtId,
    districtName: project.district.name,
  };
}

function listWhere(query: HouseholdExportQuery): Prisma.HouseholdWhereInput {
  return {
    ...(query.projectId ? { projectId: query.projectId } : {}),
    ...(query.districtId ? { project: { districtId: query.districtId } } : {}),
    ...(query.state ? { state: query.state } : {}),
    ...searchWhere(query.q),
  };
}

/** The order asked for, then a tie-break that makes paging stable. */
function listOrder({ sort, order }: HouseholdExportQuery): Prisma.HouseholdOrderByWithRelationInput[] {
  switch (sort) {
    case "headName":
      return [{ headName: order }, { id: "asc" }];
    case "stateOn":
      return [{ stateOn: order }, { id: "asc" }];
    case "entered":
      return [{ project: { sequence: order } }, { createdAt: order }, { id: "asc" }];
  }
}

/** A page of the households of every project (or of one district, one project, one state). */
export async function listAllHouseholds({ db }: ServiceContext, query: HouseholdListQuery): Promise<HouseholdListPage> {
  const where = listWhere(query);
  const [total, rows] = await Promise.all([
    db.household.count({ where }),
    db.household.findMany({
      where,
      orderBy: listOrder(query),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: listSelect,
    }),
  ]);
  return { items: rows.map(presentListItem), total, page: query.page, pageSize: query.pageSize };
}

const EXPORT_BATCH = 2000;

const EXPORT_COLUMNS: { header: string; width: number; value: (h: HouseholdListItem) => string | number }[] = [
  { header: "区县", width: 10, value: (h) => h.districtName },
  { header: "项目", width: 28, value: (h) => h.projectName },
  { header: "户主姓名", width: 12, value: (h) => h.headName },
  { header: "身份证号", width: 22, value: (h) => h.idNumberMasked },
  { header: "联系电话", width: 16, value: (h) => h.phoneMasked ?? "" },
  { header: "原住址", width: 36, value: (h) => h.address },
  { header: "安置面积（㎡）", width: 14, value: (h) => h.areaM2 },
  { header: "安置方式", width: 12, value: (h) => APPROACH_WORDS[h.approach] },
  { header: "状态", width: 10, value: (h) => HOUSEHOLD_STATE_WORDS[h.state] },
  { header: "状态日期", width: 12, value: (h) => h.stateOn },
  { header: "备注", width: 10, value: (h) => (h.isDemo ? "演示数据" : "") },
];

/**
 * 导出回迁户名册: every household the filters select, in the list's order, ID numbers and
 * phones masked as everywhere. Streamed a batch at a time, so a province's registry never
 * sits in memory whole.
 */
export function exportHouseholds({ db }: ServiceContext, query: HouseholdExportQuery): Readable {
  const out = new PassThrough();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = writer.addWorksheet("回迁户名册", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map(({ header, width }) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const where = listWhere(query);
  const orderBy = listOrder(query);
  void (async () => {
    for (let skip = 0; ; skip += EXPORT_BATCH) {
      const rows = await db.household.findMany({ where, orderBy, skip, take: EXPORT_BATCH, select: listSelect });
      for (const row of rows) {
        const item = presentListItem(row);
        sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(item))).commit();
      }
      if (rows.length < EXPORT_BATCH) break;
    }
    sheet.commit();
    await writer.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
