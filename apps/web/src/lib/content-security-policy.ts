declare global {
  // zod 4 keeps its configuration here, shared by every copy of it (zod/v4/core/core.js).
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

/**
 * What the page's Content-Security-Policy (apps/api/src/plugins/security.ts) asks of the app's scripts.
 *
 * Styles: the server puts a nonce in index.html per answer (apps/api/src/plugins/web.ts); none
 * under Vite's dev server, which sends no policy. antd's CSS-in-JS takes it through
 * ConfigProvider's `csp`; rc-components' scroll locker (a Modal or Drawer open) and scrollbar
 * measure make <style> elements of their own without it, so every <style> this page's scripts
 * create carries it. Markup injected into the page (what the policy is for) is parsed, not
 * created here: its <style> has no nonce and is refused.
 */
export const cspNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content || undefined;

if (cspNonce) {
  const createElement = Document.prototype.createElement;
  Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
    const element = createElement.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = cspNonce;
    return element;
  } as typeof createElement;
}

// No eval (script-src 'self'): zod would try `new Function("")` once to see whether it may
// compile its object parsers, and the policy would report the refusal. Set where zod reads it,
// before or after zod is loaded, without loading it: the sign-in page fetches zod only when a
// request goes out (lib/first-load-schemas.ts).
(globalThis.__zod_globalConfig ??= {}).jitless = true;
