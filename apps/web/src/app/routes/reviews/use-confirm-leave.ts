import { App } from "antd";
import { useEffect, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";

/** Asks before a half-written record is left: in the app (router blocker) and on closing the tab. */
export function useConfirmLeave(dirty: RefObject<boolean>) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    modal.confirm({
      title: t("reviews.form.unsavedTitle"),
      content: t("reviews.form.unsavedContent"),
      okText: t("reviews.form.leave"),
      cancelText: t("reviews.form.stay"),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
