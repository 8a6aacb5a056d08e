/**
 * The briefing as printable A4 pages (`?print=brief&scenario=…&compare=…`): what the CLI's headless
 * Chromium and Electron's printToPDF print. Sets document.body.dataset.briefReady = 'true' once every
 * page is drawn (or briefError), and offers window.healthplanPptx() for the PPTX deck.
 */
export function BriefPrint() {
  document.body.dataset.briefError = 'the printable briefing is not built yet';
  return null;
}
