/** 使用此标准 · 复制为本方案标准… · 删除… for the set shown. */
import { useLang } from '../../ui/i18n/index.ts';

interface Props {
  /** The plan uses this set already … */
  inUse: boolean;
  /** … and for the year in the year field (nothing to change). */
  current: boolean;
  /** The year in the field, or null when it is not a year. */
  year: number | null;
  own: boolean;
  /** Unsaved edits: using or copying would take the saved set, so finish first. */
  dirty: boolean;
  disabled: boolean;
  onUse(): void;
  onCopy(): void;
  onDelete(): void;
}

export function SetActions({ inUse, current, year, own, dirty, disabled, onUse, onCopy, onDelete }: Props) {
  const { t } = useLang();
  const finish = dirty ? t('standards.finishFirst') : undefined;
  const useLabel = current ? t('standards.inUseNow') : inUse && year !== null ? t('standards.useYear', { year }) : t('standards.use');
  return (
    <div className="std-actions">
      <button
        type="button"
        className="btn primary"
        onClick={onUse}
        disabled={disabled || dirty || year === null || current}
        title={finish}
        data-testid="standards-use"
      >
        {current && <span aria-hidden="true">✓ </span>}
        {useLabel}
      </button>
      <button type="button" className="btn" onClick={onCopy} disabled={disabled || dirty} title={finish} data-testid="standards-copy">
        {t('standards.copy')}
      </button>
      {own && (
        <button type="button" className="btn std-danger" onClick={onDelete} disabled={disabled} data-testid="standards-delete">
          {t('standards.delete')}
        </button>
      )}
    </div>
  );
}
