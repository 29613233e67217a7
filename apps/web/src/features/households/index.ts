/** The household registry (回迁户台账, API module `households`). Other code imports this feature from here only. */
export { HouseholdRegistry } from "./components/household-registry";
export { HouseholdRoster } from "./components/household-roster";
