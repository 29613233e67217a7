import { TEXT_MAX, type Department } from "@resettle/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stubFetch } from "../../../test/fetch-stub";
import { renderWithProviders } from "../../../test/render-with-providers";
import { ResponsibilityModal } from "./responsibility-modal";

const zhujian: Department = {
  id: "6a1f0c2e-1b3d-4c5e-8f70-9a1b2c3d4e5f",
  code: "zhujian",
  name: "市住房和城乡建设局",
  shortName: "住建",
  kind: "municipal_department",
  districtId: null,
  version: 1,
};

afterEach(() => vi.unstubAllGlobals());

describe("ResponsibilityModal, a reason longer than the limit", () => {
  it("keeps every character typed, shows the counter over the limit, and refuses to send", async () => {
    const calls = stubFetch();
    renderWithProviders(
      <ResponsibilityModal
        target={{ kind: "project", id: "14ec28ab-36ee-49fc-a9e3-a43d5bf69a17" }}
        title="调整责任"
        current={{ departmentId: zhujian.id, personId: null, version: 1 }}
        departments={[zhujian]}
        persons={[]}
        onClose={() => {}}
      />,
    );
    const reason = screen.getByLabelText("调整原因") as HTMLTextAreaElement;
    const long = "因".repeat(780);
    fireEvent.change(reason, { target: { value: long } });

    expect(reason.value).toHaveLength(780);
    // No native maxlength either: a browser would cut typed and pasted text at it.
    expect(reason.getAttribute("maxlength")).toBeNull();
    expect(screen.getByText(`780 / ${TEXT_MAX.note}`)).toBeTruthy();
    expect(reason.closest(".ant-input-out-of-range")).not.toBeNull();

    fireEvent.click(screen.getByRole("button", { name: /保\s*存/ }));
    expect(await screen.findByText(`最多 ${TEXT_MAX.note} 个字符`, {}, { timeout: 10_000 })).toBeTruthy();
    await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
    expect(reason.value).toHaveLength(780);
    expect(calls).toEqual([]);
  }, 30_000);
});
