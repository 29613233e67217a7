import { EditOutlined, FileAddOutlined, RollbackOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { can, type Review } from "@resettle/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PrintButton } from "../../../components/ui/print-button";
import { useSessionUser } from "../../../features/auth";
import {
  AddendumModal,
  ReviewEditModal,
  useSignReview,
  WithdrawReviewDialog,
  workingGroupsQueries,
} from "../../../features/reviews";
import { WithdrawnNote } from "../../../features/work";
import { actionErrorMessage } from "../../../lib/error-message";

/** Sign-off state and what the user may do with the record; none of it prints. */
export function ReviewToolbar({ review }: { review: Review }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const user = useSessionUser();
  const sign = useSignReview(review.id);
  const [dialog, setDialog] = useState<"edit" | "addendum" | "withdraw" | null>(null);
  // A withdrawn record (撤销) is kept for reference: nobody edits, signs or adds to it.
  const withdrawn = review.withdrawn;
  const canRecord = can(user, "reviews.record") && !withdrawn;
  // The attendee choices of the edit form: loaded ahead, so the form opens complete.
  const groups = useQuery({ ...workingGroupsQueries.list(), enabled: canRecord && !review.locked });
  const myDepartment = review.requiredDepartments.find((d) => d.id === user.departmentId);
  const canSign =
    !withdrawn &&
    can(user, "reviews.sign") &&
    !!user.departmentId &&
    review.pendingDepartmentIds.includes(user.departmentId);
  const signedCount = review.requiredDepartments.length - review.pendingDepartmentIds.length;

  const confirmSign = () =>
    modal.confirm({
      title: t("reviews.sign.confirmTitle", { department: myDepartment?.name ?? "" }),
      content: t("reviews.sign.confirmContent"),
      okText: t("reviews.sign.ok"),
      cancelText: t("common.cancel"),
      onOk: () =>
        sign
          .mutateAsync(undefined, {
            onSuccess: (signed) =>
              void message.success(t(signed.locked ? "reviews.sign.locked" : "reviews.sign.signed")),
            onError: (error) => void message.error(actionErrorMessage(t, error)),
          })
          .catch(() => undefined),
    });

  return (
    <div className="minutes-toolbar no-print" role="region" aria-label={t("reviews.minutes.toolbar")}>
      <Space wrap>
        {withdrawn ? (
          <WithdrawnNote withdrawal={withdrawn} />
        ) : review.locked ? (
          <Tag color="default">{t("reviews.minutes.locked")}</Tag>
        ) : (
          <Tag color="processing">
            {t("reviews.minutes.progress", { signed: signedCount, total: review.requiredDepartments.length })}
          </Tag>
        )}
        {myDepartment && !canSign && review.signatures.some((s) => s.departmentId === myDepartment.id) && (
          <Tag color="success">{t("reviews.sign.mine", { department: myDepartment.name })}</Tag>
        )}
      </Space>
      <Space wrap>
        {canSign && (
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined aria-hidden />}
            loading={sign.isPending}
            onClick={confirmSign}
          >
            {t("reviews.sign.button")}
          </Button>
        )}
        {canRecord && !review.locked && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog("edit")}>
            {t("reviews.edit.button")}
          </Button>
        )}
        {canRecord && (
          <Button icon={<FileAddOutlined aria-hidden />} onClick={() => setDialog("addendum")}>
            {t("reviews.addendum.button")}
          </Button>
        )}
        {canRecord && review.signatures.length === 0 && (
          <Button danger icon={<RollbackOutlined aria-hidden />} onClick={() => setDialog("withdraw")}>
            {t("withdraw.button")}
          </Button>
        )}
        <PrintButton />
      </Space>
      {dialog === "edit" && (
        <ReviewEditModal
          review={review}
          group={groups.data?.find((g) => g.id === review.group.id)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "addendum" && <AddendumModal reviewId={review.id} onClose={() => setDialog(null)} />}
      {dialog === "withdraw" && <WithdrawReviewDialog review={review} onClose={() => setDialog(null)} />}
    </div>
  );
}
