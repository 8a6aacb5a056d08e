/** Renderer entry: i18n first (zh-CN unless English was chosen), then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './app/i18n/index.ts';
import { App } from './app/App.tsx';
import './app/styles/base.css';

initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
