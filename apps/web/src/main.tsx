import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { registerServiceWorker } from './app/register-service-worker';
import { listenForInstallPrompt } from './shared/pwa/install-prompt';
import { activateLocale, initialLocale } from './shared/i18n/i18n';
import { applyTheme, followSystemTheme } from './shared/theme/theme';
import './app/tokens.css';
import './app/global.css';

// Before the first render, so a chosen theme never flashes the other one.
applyTheme();
followSystemTheme();
listenForInstallPrompt();
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
// The viewer's language is loaded before the first render, so no screen shows in another first.
await activateLocale(initialLocale());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
