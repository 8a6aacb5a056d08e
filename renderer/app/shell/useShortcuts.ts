/** Ctrl+Z 撤销, Ctrl+Y / Ctrl+Shift+Z 重做 — except while typing in a field (the field undoes its text). */
import { useEffect } from 'react';
import { useUndoRedo } from '../../ui/state/useUndoRedo.ts';
import { useUi } from '../../ui/state/UiContext.tsx';

const isField = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function useShortcuts(): void {
  const { undo, redo } = useUndoRedo();
  const { dialog } = useUi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || dialog || isField(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, dialog]);
}
