import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { i18n } from './i18n/i18n';
import { SessionProvider } from './session/session';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      {/* A language other than English arrives as its own chunk: nothing is drawn in English meanwhile. */}
      <Suspense fallback={null}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </Suspense>
    </I18nextProvider>
  </StrictMode>,
);
