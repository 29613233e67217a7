import { can, type Capability } from "@resettle/domain";
import { Outlet } from "react-router";
import { ForbiddenResult } from "../../components/ui/forbidden-result";
import { useSessionUser } from "../../features/auth";

/** Pages a role may not see answer 403 when opened by their address; the server refuses anyway. */
export function RequireCapability({ capability }: { capability: Capability }) {
  const user = useSessionUser();
  return can(user, capability) ? <Outlet /> : <ForbiddenResult />;
}
