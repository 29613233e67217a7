import type { ReactNode } from "react";

type Props = {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
};

export function PageHeading({ title, subtitle, extra }: Props) {
  return (
    <div className="page-heading">
      <div>
        <h1 className="page-title">{title}</h1>
        {subtitle && <p className="page-subtitle">{subtitle}</p>}
      </div>
      {extra && <div className="page-heading-extra">{extra}</div>}
    </div>
  );
}
