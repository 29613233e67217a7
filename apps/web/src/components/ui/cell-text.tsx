import { Tooltip } from "antd";
import { useRef, useState, type CSSProperties } from "react";
import { NO_VALUE } from "../../lib/format";

type Props = {
  text: string | null | undefined;
  /** Lines shown before the ellipsis. */
  lines?: number;
  /** The column never gets narrower than this, however long the other cells (px). */
  minWidth?: number;
  /** Nor wider than this while other columns need the room (px). */
  maxWidth?: number;
  className?: string;
};

const isClipped = (el: HTMLElement | null) =>
  !!el && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);

/**
 * Free text in a table cell (a reason, a note, a title): at most `lines` lines, then an
 * ellipsis; the whole text on hover when it is cut. The cell keeps a readable width: the
 * text wraps between words (and between Chinese characters), never below `minWidth`. The
 * full text stays in the page, so screen readers and printouts get all of it.
 */
export function CellText({ text, lines = 2, minWidth = 160, maxWidth = 360, className }: Props) {
  const ref = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);
  if (!text) return <>{NO_VALUE}</>;
  const style = { minWidth, maxWidth, WebkitLineClamp: lines } as CSSProperties;
  return (
    <Tooltip
      title={text}
      placement="topLeft"
      open={open}
      // Only a cut text has more to show.
      onOpenChange={(next) => setOpen(next && isClipped(ref.current))}
      classNames={{ root: "cell-text-tooltip" }}
    >
      <span ref={ref} className={className ? `cell-text ${className}` : "cell-text"} style={style}>
        {text}
      </span>
    </Tooltip>
  );
}
