import { fireEvent, screen } from "@testing-library/react";
import { Form, Input } from "antd";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../test/render-with-providers";
import { FormModal } from "./form-modal";

function Dialog({ saving, onSubmit }: { saving: boolean; onSubmit: (values: { title: string }) => void }) {
  const [form] = Form.useForm<{ title: string }>();
  return (
    <FormModal<{ title: string }>
      title="新增"
      name="test-form"
      form={form}
      initialValues={{ title: "主体工程封顶" }}
      saving={saving}
      onSubmit={onSubmit}
      onCancel={() => {}}
    >
      <Form.Item label="名称" name="title">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/** The dialog under a parent whose save starts and ends when the test says. */
function Parent({ onSubmit }: { onSubmit: (values: { title: string }) => void }) {
  const [saving, setSaving] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setSaving((s) => !s)}>
        toggle saving
      </button>
      <Dialog saving={saving} onSubmit={onSubmit} />
    </>
  );
}

describe("FormModal", () => {
  const submitForm = () => fireEvent.submit(screen.getByLabelText("名称").closest("form")!);

  it("submits its values", async () => {
    const onSubmit = vi.fn();
    renderWithProviders(<Dialog saving={false} onSubmit={onSubmit} />);
    submitForm();
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ title: "主体工程封顶" }), { timeout: 10_000 });
  }, 30_000);

  it("while saving shows the OK button loading and disabled, and a click or Enter sends nothing more", async () => {
    const onSubmit = vi.fn();
    renderWithProviders(<Dialog saving onSubmit={onSubmit} />);
    const ok = screen.getByRole("button", { name: /保\s*存/ });
    expect(ok).toHaveProperty("disabled", true);
    expect(ok.className).toMatch(/ant-btn-loading/);
    fireEvent.click(ok);
    submitForm();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(onSubmit).not.toHaveBeenCalled();
  }, 30_000);

  it("a double submission calls onSubmit once; once the save has ended, the form can be sent again", async () => {
    // The second click lands after the first passed validation, before the parent's saving shows.
    const onSubmit = vi.fn(() => {
      if (onSubmit.mock.calls.length === 1) submitForm();
    });
    renderWithProviders(<Parent onSubmit={onSubmit} />);
    submitForm();
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    // The parent's save runs and ends (refused, say): the user may send again.
    fireEvent.click(screen.getByText("toggle saving"));
    fireEvent.click(screen.getByText("toggle saving"));
    submitForm();
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2), { timeout: 10_000 });
  }, 30_000);

  it("when no save shows (the parent refused by itself, or the request settled at once), the form can be sent again", async () => {
    const onSubmit = vi.fn();
    renderWithProviders(<Dialog saving={false} onSubmit={onSubmit} />);
    submitForm();
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    submitForm();
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2), { timeout: 10_000 });
  }, 30_000);
});
