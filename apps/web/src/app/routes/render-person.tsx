import type { RenderPerson } from "../../components/ui/render-person";
import { PersonName } from "../../features/organisation/components/person-name";

/** Joins the projects tables to the persons directory, which knows who is a demo person. */
export const renderPerson: RenderPerson = (personId, name) => <PersonName personId={personId} name={name} />;
