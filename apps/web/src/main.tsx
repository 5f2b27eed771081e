import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { registerServiceWorker } from './app/register-service-worker';
import { listenForInstallPrompt } from './shared/pwa/install-prompt';
import { applyTheme, followSystemTheme } from './shared/theme/theme';
import './app/tokens.css';
import './app/global.css';

// Before the first render, so a chosen theme never flashes the other one.
applyTheme();
followSystemTheme();
listenForInstallPrompt();
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
