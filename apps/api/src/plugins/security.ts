import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import helmet from "@fastify/helmet";

/**
 * The Content-Security-Policy of every answer. No inline styles: the SPA's page adds, per
 * answer, a nonce its <style> elements carry (`pageDirectives`, plugins/web.ts); an API answer
 * has no use for styles but its own.
 */
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

/**
 * The page's policy: styles from the app's files, and <style> elements with this answer's nonce
 * (antd's CSS-in-JS, rc-components' scroll locker: apps/web/src/lib/content-security-policy.ts).
 * Style attributes set through the CSSOM (React's `style`, zrender's SVG) need no keyword; but
 * ECharts writes its tooltips as HTML (`innerHTML`, each series' marker a `<span style=…>`), so
 * style *attributes* are allowed (`style-src-attr`), never <style> elements: an attribute has no
 * selectors, so injected markup can neither read the page through CSS nor restyle it beyond the
 * element itself.
 */
export const pageDirectives = (nonce: string) => ({
  ...DIRECTIVES,
  styleSrc: ["'self'", `'nonce-${nonce}'`],
  styleSrcElem: ["'self'", `'nonce-${nonce}'`],
  styleSrcAttr: ["'unsafe-inline'"],
});

export const securityPlugin = fp(async (app: FastifyInstance) => {
  await app.register(helmet, {
    contentSecurityPolicy: { directives: DIRECTIVES },
    // Served over plain http on intranets as often as not; HSTS belongs to the TLS proxy.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
});
