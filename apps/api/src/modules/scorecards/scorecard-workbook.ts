import ExcelJS from "exceljs";
import { periodWords, type Scorecard } from "@resettle/domain";

const KIND_WORDS = { district: "县区", department: "责任单位" } as const;
const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 1000) / 10}%`);
const pts = (p: number | null) => (p === null ? "不适用" : p);

/**
 * 考评得分表 as an evaluation office lays it out: a title over the table, 序号 … 总分 / 排名,
 * each part's figure beside its points, and the rules (version, weights, deductions) below.
 */
export async function scorecardWorkbook(card: Scorecard): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "回迁难问题督办平台";
  const sheet = book.addWorksheet("考评得分", {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const headers = [
    "序号",
    KIND_WORDS[card.kind],
    "按期完成率",
    "按期完成得分",
    "任务进度（已回迁/底线要求）",
    "任务进度得分",
    "督办按期反馈率",
    "督办反馈得分",
    "水电暖按期办结率",
    "水电暖得分",
    "更新及时率",
    "更新及时得分",
    "配合事项响应率",
    "配合事项得分",
    "逾期事项（件/天）",
    "督办单（蓝/黄/红）",
    "欠付超90天项目",
    "扣分",
    "总分",
    "排名",
  ];
  sheet.columns = headers.map((h, i) => ({ width: i === 0 ? 6 : i === 1 ? 22 : 14 }));
  sheet.mergeCells(1, 1, 1, headers.length);
  const title = sheet.getCell(1, 1);
  title.value = `回迁难问题整改绩效考评得分表（${periodWords(card.period)}，按${KIND_WORDS[card.kind]}）`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center" };
  sheet.mergeCells(2, 1, 2, headers.length);
  sheet.getCell(2, 1).value =
    `考评期间 ${card.from} 至 ${card.to}，数据截至 ${card.asOf}；评分细则第 ${card.rules.version} 版（${card.rules.effectiveFrom} 起施行）`;
  const head = sheet.getRow(3);
  head.values = headers;
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  for (const [i, row] of card.rows.entries()) {
    const c = row.components;
    sheet.addRow([
      i + 1,
      row.name,
      pct(c.onTime.rate),
      pts(row.points.onTime),
      `${c.quota.movedBack}/${c.quota.expected}`,
      pts(row.points.quota),
      pct(c.notices.rate),
      pts(row.points.notices),
      pct(c.tickets.rate),
      pts(row.points.tickets),
      pct(c.freshness.rate),
      pts(row.points.freshness),
      pct(c.cooperation.rate),
      pts(row.points.cooperation),
      `${c.overdue.count}/${c.overdue.days}`,
      `${c.notices.blue}/${c.notices.yellow}/${c.notices.red}`,
      c.arrears.projects90,
      row.points.deductions,
      row.score,
      row.rank,
    ]);
  }
  const r = card.rules.rules;
  sheet.addRow([]);
  for (const line of [
    `评分细则（第 ${card.rules.version} 版）：权重 按期完成 ${r.weights.onTime}、任务进度 ${r.weights.quota}、督办反馈 ${r.weights.notices}、水电暖办结 ${r.weights.tickets}、更新及时 ${r.weights.freshness}、配合事项 ${r.weights.cooperation}（不适用的项目按比例折算）。`,
    `扣分：逾期事项每件 ${r.deductions.overdueEach} 分（最多 ${r.deductions.overdueCap} 分）；督办单蓝色 ${r.deductions.noticeBlue}、黄色 ${r.deductions.noticeYellow}、红色 ${r.deductions.noticeRed} 分/件；临时安置补助费欠付超 90 天每个项目 ${r.deductions.arrears90Project} 分。更新及时：${r.freshnessDays} 天内有更新。配合事项：作为配合单位参与、期间内未办结的事项中，期间内填报进展情况或上传证明材料的比例（仅责任单位）。`,
  ])
    sheet.addRow([line]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
