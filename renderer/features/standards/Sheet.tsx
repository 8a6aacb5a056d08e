/**
 * A step inside the standards dialog (copy, delete, add a target, unsaved changes): a panel over the
 * dialog rather than a second modal, so Esc and the dialog's own close go back one step at a time.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  children: ReactNode;
  buttons: ReactNode;
  wide?: boolean;
  /** A click beside the panel: the same as its Cancel. */
  onDismiss(): void;
}

export function Sheet({ title, testId, children, buttons, wide, onDismiss }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input:not([disabled]), select, textarea, button.primary');
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click beside the panel is a mouse shortcut for Cancel; Esc and the Cancel button are the keyboard's way
    <div
      className="std-sheet-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onDismiss();
      }}
    >
      <div ref={ref} className={`std-sheet${wide ? ' is-wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h3 className="std-sheet-title">{title}</h3>
        <div className="std-sheet-body">{children}</div>
        <div className="std-sheet-foot">{buttons}</div>
      </div>
    </div>
  );
}

/** Enter in a field of a sheet runs its action instead of submitting the dialog's form. */
export function onEnter(run: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      run();
    }
  };
}
