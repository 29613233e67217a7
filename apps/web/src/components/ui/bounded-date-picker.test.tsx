import { fireEvent, screen, waitFor } from "@testing-library/react";
import { Form } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { describe, expect, it, vi } from "vitest";
import { dateBoundsRule } from "../../lib/form-rules";
import { renderWithProviders } from "../../test/render-with-providers";
import { BoundedDatePicker } from "./bounded-date-picker";

const bounds = { maximum: "2026-11-25" };

/** A field like 受理时间: a day and a time, never after today. */
function Harness({ onFinish }: { onFinish: (values: { at: Dayjs }) => void }) {
  const { t } = useTranslation();
  return (
    <Form<{ at: Dayjs }> onFinish={onFinish}>
      <Form.Item
        label="When"
        name="at"
        rules={[{ required: true, message: t("validation.required") }, dateBoundsRule(t, bounds)]}
      >
        <BoundedDatePicker bounds={bounds} showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <button type="submit">Send</button>
    </Form>
  );
}

describe("BoundedDatePicker", () => {
  it("keeps a later day typed and names the last day allowed; a day within goes through", async () => {
    const onFinish = vi.fn();
    renderWithProviders(<Harness onFinish={onFinish} />, "en");
    const field = screen.getByLabelText("When") as HTMLInputElement;
    fireEvent.mouseDown(field);
    fireEvent.change(field, { target: { value: "2062-01-01 09:30" } });
    fireEvent.blur(field);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText("The date cannot be later than 2026-11-25")).toBeTruthy();
    expect(field.value).toBe("2062-01-01 09:30");
    expect(onFinish).not.toHaveBeenCalled();

    fireEvent.mouseDown(field);
    fireEvent.change(field, { target: { value: "2026-01-01 09:30" } });
    fireEvent.keyDown(field, { key: "Enter", code: "Enter" });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0]![0].at.format("YYYY-MM-DD HH:mm")).toBe("2026-01-01 09:30");
  });
});
