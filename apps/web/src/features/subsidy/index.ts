/** The temporary-subsidy ledger (临时安置补助费, API module `subsidy`). Other code imports this feature from here only. */
export { ProjectSubsidy } from "./components/project-subsidy";
