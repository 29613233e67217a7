// The channels module (推送渠道): 企业微信 / 钉钉 group robots and e-mail, configured by the office;
// the queue of deliveries and its dispatcher.
export { channelRoutes } from "./channels.routes.js";
export { deliverPending, enqueueDeliveries } from "./dispatcher.js";
export { networkTransports, type Transports } from "./transports.js";
