/** Facility types to choose (an access analysis, siting): a drop-down list of check boxes (a click elsewhere closes it). */
import { useRef } from 'react';
import { FACILITY_TYPES, type FacilityType } from '../../../shared/model/kinds.ts';
import { useLang } from '../../ui/i18n/index.ts';
import { enumLabel, sep } from '../../ui/i18n/labels.ts';
import { useDetailsDismiss } from './useDetailsDismiss.ts';

interface Props {
  value: readonly FacilityType[];
  onChange(v: FacilityType[]): void;
  /** What an empty choice means (default 未选择). */
  empty?: string;
  /** Test ids: the box, and each option's prefix. */
  testId?: string;
  optionTestId?: string;
}

export function TypePicker({ value, onChange, empty, testId = 'access-types', optionTestId = 'access-type' }: Props) {
  const { t, lang } = useLang();
  const summary =
    value.length === 0
      ? (empty ?? t('map.access.noTypes'))
      : value.length <= 2
        ? value.map((v) => enumLabel('facilityType', v, lang)).join(sep(lang, 'list'))
        : t('map.access.nTypes', { n: value.length });
  const box = useRef<HTMLDetailsElement>(null);
  useDetailsDismiss(box);
  const toggle = (type: FacilityType, on: boolean) => onChange(FACILITY_TYPES.filter((x) => (x === type ? on : value.includes(x))));
  return (
    <details ref={box} className="access-types" data-testid={testId}>
      <summary title={value.map((v) => enumLabel('facilityType', v, lang)).join('、')}>{summary}</summary>
      <div className="access-types-list">
        {FACILITY_TYPES.map((type) => (
          <label key={type}>
            <input type="checkbox" checked={value.includes(type)} onChange={(e) => toggle(type, e.target.checked)} data-testid={`${optionTestId}-${type}`} />
            {enumLabel('facilityType', type, lang)}
          </label>
        ))}
      </div>
    </details>
  );
}
