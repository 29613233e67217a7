import type { WorkingGroup } from "@resettle/domain";
import { Checkbox, Empty } from "antd";
import { useTranslation } from "react-i18next";
import "../reviews.css";

type Props = {
  /** None chosen yet: the picker says to choose one first. */
  group: WorkingGroup | undefined;
  /** Set by Form.Item: the picker's id, which the item's label points at. */
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  "aria-invalid"?: boolean;
  /** Names the group of checkboxes: a label element cannot point at a group. */
  "aria-label"?: string;
};

/**
 * 参会人员: the group's persons, one checkbox each, under their member department. Someone
 * deactivated since stays listed while chosen, so an old record can still be corrected.
 */
export function AttendeePicker({ group, id, value = [], onChange, ...aria }: Props) {
  const { t } = useTranslation();
  if (!group) return <span className="form-hint">{t("reviews.form.chooseGroupFirst")}</span>;
  const chosen = new Set(value);
  const shown = group.persons.filter((p) => p.active || chosen.has(p.id));
  const departments = group.departments
    .map((d) => ({ ...d, persons: shown.filter((p) => p.departmentId === d.id) }))
    .filter((d) => d.persons.length > 0);

  if (departments.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("reviews.form.noPersons")} />;

  const toggle = (personId: string, checked: boolean) =>
    onChange?.(checked ? [...value, personId] : value.filter((v) => v !== personId));

  return (
    <div id={id} className="attendee-picker" role="group" {...aria}>
      {departments.map((d) => (
        <fieldset key={d.id} className="attendee-department">
          <legend>{d.name}</legend>
          {d.persons.map((p) => (
            <Checkbox key={p.id} checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)}>
              {p.title ? `${p.name}（${p.title}）` : p.name}
            </Checkbox>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
