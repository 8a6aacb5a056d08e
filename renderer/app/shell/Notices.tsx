/** Short notices in the lower right (exported, undone, why a cell cannot be edited …). */
import { useUi } from '../../ui/state/UiContext.tsx';

export function Notices() {
  const { notices, dismiss } = useUi();
  if (!notices.length) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice is-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{n.text}</span>
          <button type="button" className="notice-x" onClick={() => dismiss(n.id)} aria-label="×">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
