/** Renderer entry: i18n first (zh-CN unless English was chosen), then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './app/i18n/index.ts';
import { App } from './app/App.tsx';
import { BriefPrint } from './features/briefing/BriefPrint.tsx';
import './app/styles/base.css';

initI18n();
// ?print=brief: the briefing's printable pages alone (the CLI's and Electron's PDF), not the app.
const printing = new URLSearchParams(window.location.search).get('print') === 'brief';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {printing ? <BriefPrint /> : <App />}
  </StrictMode>,
);
