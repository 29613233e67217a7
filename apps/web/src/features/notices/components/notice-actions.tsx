import type { Notice } from "@resettle/domain";
import { App, Button, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSessionUser } from "../../auth";
import { useReceiveNotice } from "../api/use-notices";
import { noticeActionsFor, type NoticeAction } from "../lib/notice-actions";
import {
  EscalateDialog,
  ExtensionDecisionDialog,
  ExtensionDialog,
  ReplyDialog,
  ReviewDialog,
} from "./notice-step-dialogs";
import { stepFailure } from "./step-failure";

type Dialog = Exclude<NoticeAction, "receipt">;

const DIALOGS: Record<Dialog, typeof ReplyDialog> = {
  reply: ReplyDialog,
  extension: ExtensionDialog,
  review: ReviewDialog,
  extension_decision: ExtensionDecisionDialog,
  escalate: EscalateDialog,
};

/**
 * The steps this user may take on the notice now, as buttons: 签收 asks to confirm; the others
 * open their dialog. Nothing when there is none (a leader, another department, a closed notice).
 */
export function NoticeActions({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useSessionUser();
  const receive = useReceiveNotice();
  const [open, setOpen] = useState<Dialog | null>(null);
  const actions = noticeActionsFor(user, notice);
  if (actions.length === 0) return null;
  const OpenDialog = open ? DIALOGS[open] : null;
  return (
    <Space wrap className="notice-actions no-print" role="group" aria-label={t("notices.actionsLabel")}>
      {actions.map((action) =>
        action === "receipt" ? (
          <Popconfirm
            key={action}
            title={t("notices.receiptConfirm", { number: notice.number })}
            okText={t("notices.actions.receipt")}
            cancelText={t("common.cancel")}
            onConfirm={async () => {
              try {
                await receive.mutateAsync({ id: notice.id, body: undefined });
                void message.success(t("notices.received"));
              } catch (error) {
                void message.error(stepFailure(t, error));
              }
            }}
          >
            <Button type="primary" loading={receive.isPending}>
              {t("notices.actions.receipt")}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            key={action}
            type={action === "reply" || action === "review" || action === "extension_decision" ? "primary" : "default"}
            danger={action === "escalate"}
            onClick={() => setOpen(action)}
          >
            {t(`notices.actions.${action}`)}
          </Button>
        ),
      )}
      {OpenDialog && <OpenDialog notice={notice} onClose={() => setOpen(null)} />}
    </Space>
  );
}
