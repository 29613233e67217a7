import { fileURLToPath } from "node:url";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { Block, ReportDocument } from "./briefing-document.js";

/**
 * The font the PDF is set in: a subset of Noto Sans CJK SC (SIL Open Font License 1.1, its text
 * and the script that made it beside the file) with every character GBK encodes (all CJK Unified
 * Ideographs U+4E00–U+9FA5), ASCII and the punctuation Chinese text uses. It is kept in the
 * repository so that every machine, an intranet server without CJK fonts too, renders the same
 * PDF. A character outside it (an extension-B ideograph) prints as an empty box in the PDF; the
 * .docx is set in the reader's own fonts.
 */
const FONT = fileURLToPath(new URL("../../../assets/fonts/ReportSansSC-Regular.otf", import.meta.url));

let fontsSet = false;
function setFonts() {
  if (fontsSet) return;
  // One face: pdfkit does not embolden, so headings stand out by size.
  pdfmake.setFonts({ ReportSans: { normal: FONT, bold: FONT, italics: FONT, bolditalics: FONT } });
  // Nothing is fetched or read while rendering but the font itself.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path === FONT);
  fontsSet = true;
}

const RED = "#c00000";
const mmToPt = (n: number) => (n * 72) / 25.4;

function block(b: Block): Content {
  switch (b.kind) {
    case "heading":
      return { text: b.text, fontSize: 15, margin: [0, 10, 0, 4], headlineLevel: 1 };
    case "paragraph":
      return { text: b.text, fontSize: 13, lineHeight: 1.5, leadingIndent: 26, alignment: "justify" };
    case "note":
      return { text: b.text, fontSize: 10.5, margin: [0, 6, 0, 6], color: "#333333" };
    case "table":
      return {
        margin: [0, 4, 0, 8],
        fontSize: 9.5,
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: b.widths.map((w) => `${w}%`),
          body: [
            b.header.map((text) => ({ text, alignment: "center" as const, fillColor: "#f0f0f0" })),
            ...b.rows.map((row) =>
              row.map((text, i) => ({
                text,
                alignment: b.centred.includes(i) ? ("center" as const) : ("left" as const),
              })),
            ),
          ],
        },
      };
  }
}

/** A report as an A4 PDF, laid out as the .docx is: red masthead, issue, office and date over a red rule. */
export async function reportPdf(doc: ReportDocument): Promise<Buffer> {
  setFonts();
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [mmToPt(28), mmToPt(30), mmToPt(26), mmToPt(28)],
    info: { title: `${doc.title}（${doc.issueLine}）`, author: doc.office, creator: "Resettle" },
    defaultStyle: { font: "ReportSans", fontSize: 12 },
    content: [
      { text: doc.title, fontSize: 36, color: RED, alignment: "center", characterSpacing: 8, margin: [0, 0, 0, 6] },
      { text: doc.issueLine, fontSize: 13, alignment: "center", margin: [0, 0, 0, 10] },
      {
        columns: [
          { text: doc.office, fontSize: 13 },
          { text: doc.date, fontSize: 13, alignment: "right" },
        ],
      },
      {
        canvas: [{ type: "line", x1: 0, y1: 4, x2: mmToPt(210 - 28 - 26), y2: 4, lineWidth: 1.5, lineColor: RED }],
        margin: [0, 0, 0, 12],
      },
      ...doc.blocks.map(block),
    ],
    footer: (page, pages) => ({
      text: `— ${page} / ${pages} —`,
      alignment: "center",
      fontSize: 9,
      margin: [0, 8, 0, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
