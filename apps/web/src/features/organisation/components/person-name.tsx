import { NO_VALUE } from "../../../lib/format";
import { DemoTag } from "../../../components/ui/demo-tag";
import type { RenderPerson } from "../../../components/ui/render-person";
import { usePersonDirectory } from "../api/use-person-directory";

type Props = {
  personId: string | null;
  /** The name the caller already has, shown while the directory loads. */
  name?: string;
  emptyText?: string;
};

function PersonName({ personId, name, emptyText = NO_VALUE }: Props) {
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

/** Persons in the tables of other features, with the directory's title and demo mark. */
export const renderPerson: RenderPerson = (personId, name) => <PersonName personId={personId} name={name} />;
