import { fireEvent, screen } from "@testing-library/react";
import { Form, Input } from "antd";
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
});
