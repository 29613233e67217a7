import type { Item, Milestone } from "@resettle/domain";
import { useWithdrawWork } from "../api/use-withdraw-work";
import { WithdrawDialog } from "./withdraw-dialog";

type Props =
  { kind: "milestone"; work: Milestone; onClose: () => void } | { kind: "item"; work: Item; onClose: () => void };

/** 撤销 of a milestone or an item, at the version the page shows. */
export function WithdrawWorkDialog({ kind, work, onClose }: Props) {
  const withdraw = useWithdrawWork(kind);
  return (
    <WithdrawDialog
      kind={kind}
      name={work.title}
      pending={withdraw.isPending}
      withdraw={(reason) => withdraw.mutateAsync({ id: work.id, withdrawal: { reason, version: work.version } })}
      onClose={onClose}
    />
  );
}
