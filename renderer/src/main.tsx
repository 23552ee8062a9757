import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AntdProvider } from './app/AntdProvider';
import { SettingsProvider } from './app/locale-context';
import { initI18n } from './i18n';
import { call } from './lib/api';
import { installWebClient } from './lib/web/client';
import './styles.css';

// Electron's preload has put window.api in place; in a browser the page talks to `adsg ui` itself.
// First of all, so the token leaves the address before the router reads it.
if (!('api' in window)) installWebClient();

// Settings first, so the first paint is already in the user's language.
const root = createRoot(document.getElementById('root')!);
call('settings:get', {}).then(
  (settings) => {
    initI18n(settings.locale);
    root.render(
      <StrictMode>
        <SettingsProvider initial={settings}>
          <AntdProvider>
            <App />
          </AntdProvider>
        </SettingsProvider>
      </StrictMode>,
    );
  },
  (error: unknown) => {
    // Shown before any language is known (the first call is what failed): the message carries both.
    root.render(
      <div role="alert" style={{ padding: 32, maxWidth: 880, lineHeight: 1.7, whiteSpace: 'pre-wrap' }}>
        <strong>ADSG Workbench</strong>
        {'\n'}
        {String((error as Error)?.message ?? error)}
      </div>,
    );
  },
);
