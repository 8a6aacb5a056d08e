/** Renderer entry: i18n first (zh-CN unless English was chosen), then the app — or, for `?print=brief`, the briefing's printable pages alone (the CLI's and Electron's PDF), each loaded only when it is the one shown. */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './ui/i18n/index.ts';
import './ui/styles/base.css';

const App = lazy(() => import('./app/App.tsx').then((m) => ({ default: m.App })));
const BriefPrint = lazy(() => import('./features/briefing/BriefPrint.tsx').then((m) => ({ default: m.BriefPrint })));

initI18n();
const printing = new URLSearchParams(window.location.search).get('print') === 'brief';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={null}>{printing ? <BriefPrint /> : <App />}</Suspense>
  </StrictMode>,
);
