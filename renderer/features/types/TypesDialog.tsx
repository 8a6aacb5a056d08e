/**
 * 机构类别对照 (文件 → 机构类别对照…): how the facility import reads the 机构类型 column. 本方案的对照 — the plan's own
 * entries (type_alias): each written text with a select to change its type and 删除, and a row to add one, the
 * service's refusal shown as it comes (a text the tool already reads needs no entry). 内置对照 — the WS 218-2002
 * 卫生机构类别 names and codes and what each reads as, read-only and searchable.
 */
import { useState } from 'react';
import { useQuery } from '../../api/index.ts';
import { Modal } from '../../ui/dialogs/Modal.tsx';
import { useLang } from '../../ui/i18n/index.ts';
import { useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { BuiltInTable } from './BuiltInTable.tsx';
import { PlanAliases } from './PlanAliases.tsx';
import './types.css';

export function TypesDialog() {
  const { t } = useLang();
  const { closeDialog } = useUi();
  const { status } = useAppData();
  const readOnly = !!status?.plan?.readOnly;
  // Read again after each write (the revision moves).
  const aliases = useQuery('types.aliases', {});
  const [submitAdd, setSubmitAdd] = useState(0);
  return (
    <Modal
      title={t('types.title')}
      testId="types-dialog"
      wide
      onClose={closeDialog}
      // Enter in the add row adds it.
      onSubmit={() => setSubmitAdd((n) => n + 1)}
      footer={
        <button type="button" className="btn" onClick={closeDialog} data-testid="types-close">
          {t('types.close')}
        </button>
      }
    >
      <p className="field-hint types-intro">{t('types.intro')}</p>
      {aliases.data ? (
        <>
          <PlanAliases plan={aliases.data.plan} readOnly={readOnly} submitSignal={submitAdd} />
          <BuiltInTable builtIn={aliases.data.builtIn} />
        </>
      ) : (
        <p className="field-hint">{t('types.loading')}</p>
      )}
    </Modal>
  );
}
