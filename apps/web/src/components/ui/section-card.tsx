import { Card } from "antd";
import { useId, type ReactNode } from "react";

type Props = {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  /** Heading level: sections of a page are h2, panels inside a section h3. */
  level?: 2 | 3;
  className?: string;
};

export function SectionCard({ title, extra, children, level = 2, className }: Props) {
  const headingId = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className={["section-card", className].filter(Boolean).join(" ")}>
      <Card
        title={
          <Heading id={headingId} className="section-title">
            {title}
          </Heading>
        }
        extra={extra}
        size={level === 2 ? "medium" : "small"}
      >
        {children}
      </Card>
    </section>
  );
}
