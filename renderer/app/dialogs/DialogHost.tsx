/** Shows the dialog the UI state asks for. */
import { useLang } from '../../ui/i18n/index.ts';
import { useAppActions, useAppData } from '../../ui/state/AppContext.tsx';
import { useUi } from '../../ui/state/UiContext.tsx';
import { NameDialog } from '../../ui/dialogs/NameDialog.tsx';
import { PlanFileDialog } from './PlanFileDialog.tsx';
import { ImportDialog } from '../../ui/io/ImportDialog.tsx';
import { TemplateDialog } from '../../ui/io/TemplateDialog.tsx';
import { DeleteScenarioDialog, ScenarioDialog } from '../../ui/scenarios/ScenarioDialogs.tsx';
import { StandardsDialog } from '../../features/standards/StandardsDialog.tsx';
import { RoadsDialog } from '../../features/roads/RoadsDialog.tsx';
import { CheckPanel } from '../../features/check/CheckPanel.tsx';
import { TypesDialog } from '../../features/types/TypesDialog.tsx';

export function DialogHost() {
  const { t } = useLang();
  const { dialog, closeDialog } = useUi();
  const { status } = useAppData();
  const { invoke, write } = useAppActions();
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'planFile':
      return <PlanFileDialog key={dialog.mode} mode={dialog.mode} />;
    case 'renamePlan':
      return (
        <NameDialog
          title={t('plan.renameTitle')}
          label={t('plan.name')}
          initial={status?.plan?.name ?? ''}
          testId="plan-rename-dialog"
          onClose={closeDialog}
          onSubmit={async (name) => {
            await write(() => invoke('plan.rename', { name }));
          }}
        />
      );
    case 'import':
      return <ImportDialog key={dialog.table} table={dialog.table} />;
    case 'template':
      return <TemplateDialog />;
    case 'scenario':
      return <ScenarioDialog key={dialog.mode} mode={dialog.mode} />;
    case 'deleteScenario':
      return <DeleteScenarioDialog />;
    case 'standards':
      return <StandardsDialog />;
    case 'roads':
      return <RoadsDialog />;
    case 'types':
      return <TypesDialog />;
    case 'check':
      return <CheckPanel key={`${dialog.standardId}|${dialog.year}`} standardId={dialog.standardId} year={dialog.year} onClose={closeDialog} />;
  }
}
