import { can, type Capability } from "@resettle/domain";
import { lazy } from "react";
import { Outlet } from "react-router";
import { useSessionUser } from "../../features/auth";

// Loaded only when refused: Ant Design's Result stays out of the first load (issue 13). The guard
// itself is not lazy, so that a permitted page is not one more round trip away.
const ForbiddenResult = lazy(() =>
  import("../../components/ui/forbidden-result").then((module) => ({ default: module.ForbiddenResult })),
);

/** Pages a role may not see answer 403 when opened by their address; the server refuses anyway. */
export function RequireCapability({ capability }: { capability: Capability }) {
  const user = useSessionUser();
  return can(user, capability) ? <Outlet /> : <ForbiddenResult />;
}
