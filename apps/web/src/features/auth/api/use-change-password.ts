import type { ChangePasswordRequest } from "@resettle/domain";
import { useMutation } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => apiSend("PUT", "/auth/password", body),
  });
}
