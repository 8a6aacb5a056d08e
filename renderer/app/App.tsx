/** The app: data and UI state around the shell. */
import { AppProvider } from '../ui/state/AppContext.tsx';
import { UiProvider } from '../ui/state/UiContext.tsx';
import { Shell } from './shell/Shell.tsx';

export function App() {
  return (
    <AppProvider>
      <UiProvider>
        <Shell />
      </UiProvider>
    </AppProvider>
  );
}
