import { DepartmentSchema, type DepartmentCreate, type DepartmentUpdate } from "@resettle/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../lib/api-client";
import { departmentsQueries } from "./departments.queries";

function useInvalidateDepartments() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: departmentsQueries.all() });
}

export function useCreateDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: (body: DepartmentCreate) => apiSend("POST", "/departments", body, DepartmentSchema),
    onSuccess: invalidate,
  });
}

/** `version` is the one the editor saw; the list reloads after a 409 too. */
export function useUpdateDepartment() {
  const invalidate = useInvalidateDepartments();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: DepartmentUpdate }) =>
      apiSend("PATCH", `/departments/${encodeURIComponent(id)}`, changes, DepartmentSchema),
    onSettled: invalidate,
  });
}
