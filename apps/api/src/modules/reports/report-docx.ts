import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Block, ReportDocument } from "./briefing-document.js";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// GB/T 9704 (党政机关公文格式): A4, 37 mm at the top, 28 mm left, 26 mm right, 35 mm at the bottom.
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

// The fonts every government PC has (Windows, WPS); Word substitutes its own where one is missing.
const BODY = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋" };
const HEADING = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体" };
const TITLE = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const TABLE = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体" };
const RED = "C00000";
/** Sizes in half-points: 三号 16 pt for the text, 小四 12 pt … 五号 10.5 pt in tables. */
const SIZE = { body: 32, table: 21, note: 24, title: 72 };

const cell = (text: string, width: number, centred: boolean, header = false) =>
  new TableCell({
    width: { size: Math.round((TEXT_WIDTH * width) / 100), type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split("\n").map(
      (line) =>
        new Paragraph({
          alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: line, font: TABLE, size: SIZE.table, bold: header })],
        }),
    ),
  });

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [
        new Paragraph({
          spacing: { before: 200, after: 100 },
          indent: { firstLine: 640 },
          keepNext: true,
          children: [new TextRun({ text: b.text, font: HEADING, size: SIZE.body })],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          spacing: { line: 560, lineRule: "exact" },
          indent: { firstLine: 640 },
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun({ text: b.text, font: BODY, size: SIZE.body })],
        }),
      ];
    case "note":
      return [
        new Paragraph({
          spacing: { before: 120, after: 120 },
          children: [new TextRun({ text: b.text, font: BODY, size: SIZE.note })],
        }),
      ];
    case "table":
      return [
        new Table({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          columnWidths: b.widths.map((w) => Math.round((TEXT_WIDTH * w) / 100)),
          rows: [
            new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, b.widths[i]!, true, true)) }),
            ...b.rows.map(
              (row) =>
                new TableRow({
                  cantSplit: true,
                  children: row.map((text, i) => cell(text, b.widths[i]!, b.centred.includes(i))),
                }),
            ),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
  }
}

/** A report as a Word document in the layout of a 简报: red masthead, issue, office and date over a red rule. */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const document = new Document({
    title: `${doc.title}（${doc.issueLine}）`,
    creator: doc.office,
    styles: { default: { document: { run: { font: BODY, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.title, font: TITLE, size: SIZE.title, bold: true, color: RED })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.issueLine, font: BODY, size: SIZE.body })],
          }),
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
            border: { bottom: { color: RED, space: 4, style: BorderStyle.SINGLE, size: 18 } },
            spacing: { after: 360 },
            children: [new TextRun({ font: BODY, size: SIZE.body, children: [doc.office, new Tab(), doc.date] })],
          }),
          ...doc.blocks.flatMap(block),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
