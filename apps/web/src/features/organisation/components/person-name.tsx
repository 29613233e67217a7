import { NO_VALUE } from "../../../lib/format";
import { DemoTag } from "../../../components/ui/demo-tag";
import { usePersonDirectory } from "../api/use-person-directory";

type Props = {
  personId: string | null;
  /** The name the caller already has, shown while the directory loads. */
  name?: string;
  emptyText?: string;
};

export function PersonName({ personId, name, emptyText = NO_VALUE }: Props) {
  const directory = usePersonDirectory();
  if (!personId) return <>{emptyText}</>;
  const person = directory?.get(personId);
  return (
    <span className="person-name">
      {person?.name ?? name ?? NO_VALUE}
      {person?.title && <span className="person-title">{person.title}</span>}
      {person?.isDemo && <DemoTag />}
    </span>
  );
}
