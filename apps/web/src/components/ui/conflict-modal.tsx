import { Modal, Table, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type ConflictRow = {
  key: string;
  label: ReactNode;
  /** What the user typed, as text. */
  mine: string;
  /** What the record holds now, as text. */
  current: string;
};

type Props = {
  rows: ConflictRow[];
  onReload: () => void;
  onCancel: () => void;
  /** For changes that are not a form: what happened and what the OK button will do. */
  description?: ReactNode;
  okText?: ReactNode;
  saving?: boolean;
};

/**
 * A save refused with 409: someone changed the record after the form was opened. Shows what
 * the user typed beside what is saved now; reloading puts the saved values (and their version)
 * into the form, for the user to apply their change again.
 */
export function ConflictModal({ rows, onReload, onCancel, description, okText, saving }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t("conflict.title")}
      okText={okText ?? t("conflict.reload")}
      okButtonProps={{ loading: saving }}
      cancelText={t("common.cancel")}
      onOk={onReload}
      onCancel={onCancel}
      width={640}
      zIndex={1100}
    >
      <p>{description ?? t("conflict.description")}</p>
      <Table<ConflictRow>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        caption={<span className="sr-only">{t("conflict.caption")}</span>}
        columns={[
          { key: "label", title: t("conflict.field"), render: (_, row) => row.label },
          { key: "mine", title: t("conflict.mine"), render: (_, row) => row.mine },
          {
            key: "current",
            title: t("conflict.current"),
            render: (_, row) => (
              <>
                {row.current}
                {row.current !== row.mine && (
                  <Tag color="orange" className="conflict-changed">
                    {t("conflict.differs")}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
    </Modal>
  );
}
