/** An in-app modal dialog (there are no native dialogs in the browser door). Esc closes it. */
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useLang } from '../i18n/index.ts';
import { errorCode, errorText } from '../i18n/labels.ts';
import './dialog.css';

interface Props {
  title: string;
  testId: string;
  onClose(): void;
  /** Submitting the form (Enter in a field) runs this. */
  onSubmit?(): void;
  children: ReactNode;
  footer: ReactNode;
  wide?: boolean;
}

export function Modal({ title, testId, onClose, onSubmit, children, footer, wide }: Props) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select, textarea, button.primary');
    first?.focus();
    if (first instanceof HTMLInputElement && first.type === 'text') first.select();
  }, []);
  // Escape closes even when focus has left the dialog (a button disabled while working drops focus).
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        closeRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a click beside the dialog is a mouse shortcut for ×; Esc and × are the keyboard's way
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <form ref={ref} className={`modal${wide ? ' is-wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId} onSubmit={submit}>
        <header className="modal-head">
          <h2>{title}</h2>
          <button type="button" className="modal-x" onClick={onClose} aria-label="×" data-testid="dialog-close">
            ×
          </button>
        </header>
        <div className="modal-body">{children}</div>
        <footer className="modal-foot">{footer}</footer>
      </form>
    </div>
  );
}

/** A service error in the current language; its code (for support) only in the tooltip, never in the text. */
export function ErrorBox({ error }: { error: unknown }) {
  const { t, lang } = useLang();
  if (!error) return null;
  const code = errorCode(error);
  return (
    <div className="error-box" role="alert" data-testid="dialog-error" data-code={code ?? undefined} title={code ? t('dialog.errorCode', { code }) : undefined}>
      <div>{errorText(error, lang)}</div>
    </div>
  );
}

/** Cancel + the primary button, disabled while working. */
export function DialogButtons({
  primary,
  busy,
  disabled,
  onCancel,
  danger,
}: {
  primary: string;
  busy: boolean;
  disabled?: boolean;
  onCancel(): void;
  danger?: boolean;
}) {
  const { t } = useLang();
  return (
    <>
      <button type="button" className="btn" onClick={onCancel} data-testid="dialog-cancel">
        {t('dialog.cancel')}
      </button>
      <button type="submit" className={`btn primary${danger ? ' danger' : ''}`} disabled={busy || disabled} data-testid="dialog-submit">
        {busy ? t('dialog.working') : primary}
      </button>
    </>
  );
}
