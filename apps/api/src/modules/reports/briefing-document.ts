import type { Briefing } from "@resettle/domain";
import {
  chineseDate,
  chineseMonthDay,
  count,
  describeRule,
  floorGapCell,
  floorGapWords,
  HEALTH_WORDS,
  NOTICE_LEVEL_WORDS,
  NOTICE_STATUS_WORDS,
  percent,
} from "./report-words.js";

/**
 * A document as both writers (.docx and PDF) lay it out: a head, then headings, paragraphs and
 * tables. The content is decided once, here; the writers only typeset it.
 */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "note"; text: string }
  /** `widths`: each column's share of the page width (they add up to 100); `centred`: the columns of figures. */
  | { kind: "table"; header: string[]; rows: string[][]; widths: number[]; centred: number[] };

export type ReportDocument = {
  title: string;
  /** 2026年第48期 */
  issueLine: string;
  /** The office on the left and the date on the right, under the issue line. */
  office: string;
  date: string;
  blocks: Block[];
};

/** Who issues the briefing (the leading group's office, as on the 督办单). */
const BRIEFING_OFFICE = "领导小组办公室";

/** The briefing's file name: 工作简报（2026年第48期）. */
export const briefingFileName = (b: Briefing) => `工作简报（${b.issue.year}年第${b.issue.number}期）`;

const NUMBERS = ["一", "二", "三", "四", "五", "六"];

/** 工作简报 in words and tables, in the order a reader of the office's briefings expects. */
export function briefingDocument(b: Briefing): ReportDocument {
  const week = `${chineseMonthDay(b.window.from)}至${chineseMonthDay(b.window.to)}`;
  const heading = (() => {
    let n = 0;
    return (text: string): Block => ({ kind: "heading", text: `${NUMBERS[n++]}、${text}` });
  })();
  const blocks: Block[] = [];
  if (b.demoData)
    blocks.push({ kind: "note", text: "系统中含演示数据（虚构的人员和记录），本简报仅供演示，不作工作依据。" });

  // 一、总体进展: the dashboard's figures.
  blocks.push(heading("总体进展"));
  const plan = b.plan ? `《${b.plan.title}》确定的` : "";
  blocks.push({
    kind: "paragraph",
    text:
      `截至${chineseDate(b.date)}，${plan}${count(b.totals.projects)}个项目共${count(b.totals.households)}户，` +
      `已回迁${count(b.totals.movedBack)}户，占${percent(b.totals.movedBackPercent)}；` +
      `本周（${week}）上报回迁${count(b.changes.movedBack.households)}户。` +
      b.districts
        .map(
          (d) =>
            `${d.name}${count(d.households)}户，已回迁${count(d.movedBack)}户，占${percent(d.movedBackPercent)}` +
            (d.floor && d.floorGapPoints !== null
              ? `，${floorGapWords(d.floorGapPoints)}（${d.floor.year}年底线${percent(d.floor.percent)}）`
              : ""),
        )
        .join("；") +
      "。",
  });
  blocks.push({
    kind: "table",
    header: ["县区", "项目数", "总户数", "已回迁", "回迁比例", "底线要求", "与底线比较", "本周回迁"],
    widths: [13, 9, 11, 11, 11, 15, 18, 12],
    centred: [1, 2, 3, 4, 5, 6, 7],
    rows: [
      ...b.districts.map((d) => [
        d.name,
        count(d.projects),
        count(d.households),
        count(d.movedBack),
        percent(d.movedBackPercent),
        d.floor ? `${d.floor.year}年${percent(d.floor.percent)}` : "—",
        d.floorGapPoints === null ? "—" : floorGapCell(d.floorGapPoints),
        count(d.movedBackInWindow),
      ]),
      [
        "全市合计",
        count(b.totals.projects),
        count(b.totals.households),
        count(b.totals.movedBack),
        percent(b.totals.movedBackPercent),
        "—",
        "—",
        count(b.changes.movedBack.households),
      ],
    ],
  });

  // 二、项目预警: every project by colour, with the rules that fired.
  blocks.push(heading("项目预警情况"));
  blocks.push({
    kind: "paragraph",
    text: `红色预警${b.health.red}个、黄色预警${b.health.amber}个、绿色（正常）${b.health.green}个。`,
  });
  blocks.push({
    kind: "table",
    header: ["序号", "项目", "县区", "预警", "已回迁/总户数", "原因"],
    widths: [6, 15, 10, 7, 13, 49],
    centred: [0, 3, 4],
    rows: b.projects.map((p, i) => [
      String(i + 1),
      p.name,
      p.district.name,
      HEALTH_WORDS[p.level],
      `${count(p.movedBack)}/${count(p.totalHouseholds)}`,
      p.rules.length ? p.rules.map(describeRule).join("；") : "未触发预警规则",
    ]),
  });

  // 三、本周动态: what changed since the last briefing.
  blocks.push(heading(`本周工作动态（${week}）`));
  const c = b.changes;
  blocks.push({
    kind: "paragraph",
    text:
      `上报回迁${count(c.movedBack.households)}户（台账记录${c.movedBack.entries}条）；` +
      `完成推进节点${c.milestonesCompleted}个、整改事项${c.itemsCompleted}项；` +
      `交办督办单${c.noticesIssued}件；受理水电暖问题${c.ticketsOpened}件，办结${c.ticketsResolved}件。`,
  });

  // 四、逾期工作: by responsible department.
  blocks.push(heading("逾期工作（按责任单位）"));
  blocks.push({
    kind: "paragraph",
    text:
      b.overdue.milestones + b.overdue.items === 0
        ? "截至本期，无逾期未完成的推进节点和整改事项。"
        : `截至本期，逾期未完成推进节点${b.overdue.milestones}个、整改事项${b.overdue.items}项，涉及${b.overdueByDepartment.length}个责任单位。`,
  });
  if (b.overdueByDepartment.length)
    blocks.push({
      kind: "table",
      header: ["责任单位", "逾期推进节点", "逾期整改事项", "合计", "最早到期日", "最长逾期（天）"],
      widths: [26, 13, 13, 9, 22, 17],
      centred: [1, 2, 3, 4, 5],
      rows: b.overdueByDepartment.map((d) => [
        d.department?.name ?? "未明确责任单位",
        String(d.milestones),
        String(d.items),
        String(d.milestones + d.items),
        chineseDate(d.oldestDueDate),
        count(d.mostDaysOverdue),
      ]),
    });

  // 五、督办: notices issued in the week, open ones by colour.
  blocks.push(heading("督办情况"));
  const open = b.notices.open;
  blocks.push({
    kind: "paragraph",
    text:
      `本周交办督办单${b.notices.issued.length}件。` +
      `目前未销号督办单${open.red + open.yellow + open.blue}件，其中红色${open.red}件、黄色${open.yellow}件、蓝色${open.blue}件。`,
  });
  if (b.notices.issued.length)
    blocks.push({
      kind: "table",
      header: ["编号", "等级", "责任单位", "督办事项", "反馈时限", "状态"],
      widths: [24, 8, 15, 25, 17, 11],
      centred: [1, 4, 5],
      rows: b.notices.issued.map((n) => [
        n.number,
        NOTICE_LEVEL_WORDS[n.level],
        n.department.name,
        n.targetLabel,
        chineseDate(n.replyBy),
        NOTICE_STATUS_WORDS[n.status],
      ]),
    });

  blocks.push({
    kind: "note",
    text:
      `注：数据来源于本系统台账，按${chineseDate(b.date)}计算；期数为该日所在的 ISO 周次。` +
      (b.generatedOn !== b.date ? `数字为生成日（${chineseDate(b.generatedOn)}）的台账记载。` : ""),
  });

  return {
    title: "工作简报",
    issueLine: `${b.issue.year}年第${b.issue.number}期`,
    office: BRIEFING_OFFICE,
    date: chineseDate(b.date),
    blocks,
  };
}
