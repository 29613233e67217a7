/** Departments, persons and districts (API module `organisation`). Other code imports this feature from here only. */
export { departmentsQueries } from "./api/departments.queries";
export { districtsQueries } from "./api/districts.queries";
export { personsQueries } from "./api/persons.queries";
export { useUpdatePerson } from "./api/use-save-person";
export { DepartmentFormModal } from "./components/department-form-modal";
export { DepartmentTable } from "./components/department-table";
export { PersonFilters } from "./components/person-filters";
export { PersonFormModal } from "./components/person-form-modal";
export { renderPerson } from "./components/person-name";
export { PersonTable } from "./components/person-table";
export { PersonPageQuerySchema } from "./lib/person-list-query";
