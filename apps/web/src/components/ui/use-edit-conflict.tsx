import { App, type FormInstance } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { isApiError } from "../../lib/api-error";
import { conflictCurrent } from "../../lib/form-errors";
import { ConflictModal } from "./conflict-modal";

export type ConflictField<V> = { key: string; label: ReactNode; text: (values: Partial<V>) => string };

type Options<R, V> = {
  /** The record as the form was opened with, or null when creating. */
  record: R | null;
  schema: z.ZodType<R>;
  form: FormInstance<V>;
  toValues: (record: R) => V;
  fields: ConflictField<V>[];
  /** Told when the server has a newer record, to refresh lists showing the old one. */
  onStale?: () => void;
};

/**
 * Optimistic locking in an edit form: keeps the version the edit is based on, and on a 409
 * shows the current record beside the user's input and offers to reload the form with it.
 */
export function useEditConflict<R extends { version: number }, V extends object>(options: Options<R, V>) {
  const { record, schema, form, toValues, fields, onStale } = options;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [base, setBase] = useState(record);
  const [conflict, setConflict] = useState<{ current: R; mine: Partial<V> } | null>(null);

  /** Takes a failed save; true when it was a conflict, now shown to the user. */
  const handleConflict = (error: unknown): boolean => {
    if (!isApiError(error) || !error.isConflict || !base) return false;
    onStale?.();
    const current = conflictCurrent(error, schema);
    if (current) setConflict({ current, mine: form.getFieldsValue(true) as Partial<V> });
    else void message.error(t("errors.CONFLICT"));
    return true;
  };

  const reload = () => {
    if (!conflict) return;
    setBase(conflict.current);
    form.resetFields();
    form.setFieldsValue(toValues(conflict.current) as Parameters<typeof form.setFieldsValue>[0]);
    setConflict(null);
    void message.info(t("conflict.reloaded"));
  };

  const conflictModal = conflict && (
    <ConflictModal
      rows={fields.map((field) => ({
        key: field.key,
        label: field.label,
        mine: field.text(conflict.mine),
        current: field.text(toValues(conflict.current)),
      }))}
      onReload={reload}
      onCancel={() => setConflict(null)}
    />
  );

  return { base, handleConflict, conflictModal };
}
