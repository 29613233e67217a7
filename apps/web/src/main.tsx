import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { Providers } from "./app/providers";
import { createRouter } from "./app/router";
import { loadLanguage, readStoredLanguage } from "./lib/i18n/i18n";
import "./styles/global.css";
import "./styles/print.css";

const router = createRouter();

// A language other than Chinese, chosen on an earlier visit, is fetched before the first paint
// (not drawn in Chinese first); if it cannot be, the app starts in Chinese.
void loadLanguage(readStoredLanguage())
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <Providers>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    ),
  );
