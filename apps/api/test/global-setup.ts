export { default } from "../../../prisma/test/global-setup.js";
