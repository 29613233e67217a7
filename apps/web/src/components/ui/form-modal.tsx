import { Form, Modal, type FormInstance } from "antd";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** How long a submission holds the form when no save shows: well past a render, well within a double click. */
const HOLD_MS = 50;

type Props<V> = {
  title: ReactNode;
  /** Names the form: antd derives the fields' ids (and so the labels' targets) from it. */
  name: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  saving: boolean;
  okText?: ReactNode;
  onSubmit: (values: V) => void;
  onCancel: () => void;
  children: ReactNode;
};

/**
 * A create or edit form in a dialog. The parent mounts it only while open, so every opening
 * starts from the record's values. Enter in a field submits, as in any form.
 */
export function FormModal<V extends object>({
  title,
  name,
  form,
  initialValues,
  saving,
  okText,
  onSubmit,
  onCancel,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  // A second submission before the first one's `saving` reaches this component (a double click,
  // Enter then a click: antd validates asynchronously, so both can pass validation) is dropped.
  // The hold is taken synchronously and given back when the save ends; if no save shows within
  // a moment (the parent's own check refused, or the request settled before a render showed it
  // pending), it is given back then.
  const held = useRef(false);
  const savingSeen = useRef(saving);
  useEffect(() => {
    if (savingSeen.current && !saving) held.current = false;
    savingSeen.current = saving;
  }, [saving]);
  const release = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(release.current), []);
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t("common.save")}
      cancelText={t("common.cancel")}
      // While saving, the OK button spins and takes no click, and Enter in a field sends nothing
      // more: one submission, one request (the API's Idempotency-Key covers what gets through).
      okButtonProps={{ htmlType: "submit", loading: saving, disabled: saving }}
      onCancel={onCancel}
      // A click beside the dialog must not throw away what was typed.
      mask={{ closable: false }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<V>
          form={form}
          name={name}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => {
            if (saving || held.current) return;
            held.current = true;
            onSubmit(values);
            clearTimeout(release.current);
            release.current = setTimeout(() => {
              if (!savingSeen.current) held.current = false;
            }, HOLD_MS);
          }}
          scrollToFirstError
        >
          {dom}
        </Form>
      )}
    >
      {children}
    </Modal>
  );
}
