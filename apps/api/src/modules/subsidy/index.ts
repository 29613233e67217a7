// The subsidy module (临时安置补助费): reads the household registry it pays.
export { subsidyRoutes } from "./subsidy.routes.js";
export { arrearsReport, readOldArrears, readOldArrearsWithStandard } from "./subsidy.service.js";
