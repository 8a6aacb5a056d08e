/**
 * What went wrong, kept in view under the set being edited (not scrolled away with the targets): a
 * refused save says which target and field in words (the server's message, when it says more; its code
 * only in the tooltip).
 */
import { errorCode, errorText } from '../../ui/i18n/labels.ts';
import { useLang } from '../../ui/i18n/index.ts';
import type { SaveProblem } from './saveError.ts';

interface Props {
  /** A refused save or another refused call. */
  error: unknown;
  /** The refused field, when the server's answer names one. */
  problem: SaveProblem | null;
  /** A problem found before calling the server (text that is not a number). */
  local: string | null;
  saving: boolean;
}

export function ProblemStrip({ error, problem, local, saving }: Props) {
  const { t, lang } = useLang();
  if (!error && !local) return null;
  const code = errorCode(error);
  const said = error ? errorText(error, lang) : '';
  return (
    <div
      className="std-problem"
      role="alert"
      data-testid="standards-error"
      data-code={code ?? undefined}
      title={code ? t('dialog.errorCode', { code }) : undefined}
    >
      {local && <div className="std-problem-head">{local}</div>}
      {error ? (
        <>
          <div className="std-problem-head">
            {saving ? t('standards.saveFailed') : null} {problem?.text ?? said}
          </div>
          {problem && said !== problem.text && <div className="std-problem-detail">{said}</div>}
        </>
      ) : null}
    </div>
  );
}
