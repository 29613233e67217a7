import { CommonProblemSchema, CommonProblemStatusSchema, type CommonProblem } from "@resettle/domain";
import { StatusControl } from "../../../components/ui/status-control";
import { conflictCurrent } from "../../../lib/form-errors";
import { useUpdateCommonProblem } from "../api/use-save-common-problem";

type Props = {
  problem: CommonProblem;
  /** The office, the working group, and the responsible department's coordinator. */
  canUpdate: boolean;
  allowReopen: boolean;
  onChanged?: () => void;
};

/** A common problem's status: it moves through the same statuses, by the same rule, as milestones and items. */
export function CommonProblemStatusControl({ problem, ...access }: Props) {
  const update = useUpdateCommonProblem();
  return (
    <StatusControl
      {...access}
      completionRequired={false}
      record={problem}
      mutation={update}
      variables={(base, changes) => ({
        id: base.id,
        changes: { ...changes, status: CommonProblemStatusSchema.parse(changes.status) },
      })}
      readCurrent={(error) => conflictCurrent(error, CommonProblemSchema)}
      textScope="commonProblems"
      formName={`block-common-problem-${problem.id}`}
    />
  );
}
