import { DatePicker, type DatePickerProps } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import type { SyntheticEvent } from "react";
import { outsideWindow, type DateBounds } from "../../lib/plan-windows";

dayjs.extend(customParseFormat);

type Props = Omit<DatePickerProps<Dayjs, false>, "disabledDate" | "format"> & {
  /** The dates allowed; unknown yet (undefined), none is refused. */
  bounds: DateBounds | undefined;
  /** As antd takes it, but one text pattern only: the typed text is read with it. */
  format?: string;
};

/**
 * A DatePicker whose calendar disables the days outside `bounds`, and which keeps a date typed
 * outside them. antd drops such a date on Enter or on leaving the field, without a word, and
 * the form then says only that the date is missing (or sends the date it had before). Here the
 * typed date reaches the form, where `dateBoundsRule` (put it on the same Form.Item) refuses it
 * and names the dates allowed.
 */
export function BoundedDatePicker({ bounds, format, onChange, onBlur, onKeyDown, ...props }: Props) {
  const outside = outsideWindow(bounds);
  const pattern = format ?? (props.showTime ? "YYYY-MM-DD HH:mm:ss" : "YYYY-MM-DD");
  // Read before antd puts the field back to its last accepted date.
  const keepTyped = (event: SyntheticEvent) => {
    const text = (event.target as HTMLInputElement).value.trim();
    const typed = dayjs(text, pattern, true);
    if (!text || !typed.isValid() || !outside(typed) || (props.value && typed.isSame(props.value))) return;
    onChange?.(typed, text);
  };
  return (
    <DatePicker
      {...props}
      format={format}
      disabledDate={outside}
      onChange={onChange}
      onKeyDown={(event, preventDefault) => {
        if (event.key === "Enter" || event.key === "Tab") keepTyped(event);
        onKeyDown?.(event, preventDefault);
      }}
      onBlur={(event, info) => {
        keepTyped(event);
        onBlur?.(event, info);
      }}
    />
  );
}
