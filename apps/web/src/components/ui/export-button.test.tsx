import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubFetch } from "../../test/fetch-stub";
import { renderWithProviders } from "../../test/render-with-providers";
import { ExportButton } from "./export-button";

afterEach(() => vi.unstubAllGlobals());

describe("ExportButton", () => {
  it("downloads the export with the filters on screen, under the name the server gives", async () => {
    const calls = stubFetch({
      status: 200,
      body: "xlsx",
      headers: {
        "content-disposition":
          "attachment; filename=\"export.xlsx\"; filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6.xlsx",
      },
    });
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: vi.fn(() => "blob:x"), revokeObjectURL: vi.fn() }));
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderWithProviders(<ExportButton path="/projects/export" params={{ districtId: "d1", page: 2, q: "" }} />);
    fireEvent.click(screen.getByRole("button", { name: /导出 Excel/ }));
    await waitFor(() => expect(clicked).toEqual(["项目台账.xlsx"]));
    expect(calls[0]!.url).toBe("/api/projects/export?districtId=d1&page=2");
    click.mockRestore();
  });

  it("names what it exports where a page has several", () => {
    renderWithProviders(<ExportButton path="/projects/p1/progress-reports/export" what="台账记录" />);
    expect(screen.getByRole("button", { name: "导出 Excel：台账记录" })).toBeTruthy();
  });

  it("says why when the export is refused, and stays on the page", async () => {
    stubFetch({
      status: 400,
      body: {
        error: {
          code: "VALIDATION_FAILED",
          message: "too many",
          details: [{ path: "querystring", reason: "too_big", message: "too many", params: { maximum: 10000 } }],
          requestId: "r1",
        },
      },
    });
    renderWithProviders(<ExportButton path="/audit-events/export" />);
    fireEvent.click(screen.getByRole("button", { name: /导出 Excel/ }));
    expect(await screen.findByText(/^超过 10,?000 行，无法导出：请先缩小筛选范围$/)).toBeTruthy();
  });
});
