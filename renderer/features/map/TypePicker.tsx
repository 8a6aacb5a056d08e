/** Which facility types count in an access analysis: a drop-down list of check boxes (a click elsewhere closes it). */
import { useEffect, useRef } from 'react';
import { FACILITY_TYPES, type FacilityType } from '../../../shared/model/kinds.ts';
import { useLang } from '../../app/i18n/index.ts';
import { enumLabel } from '../../app/i18n/labels.ts';

export function TypePicker({ value, onChange }: { value: readonly FacilityType[]; onChange(v: FacilityType[]): void }) {
  const { t, lang } = useLang();
  const summary = value.length === 0 ? t('map.access.noTypes')
    : value.length <= 2 ? value.map((v) => enumLabel('facilityType', v, lang)).join(lang === 'en' ? ', ' : '、')
      : t('map.access.nTypes', { n: value.length });
  const box = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (box.current?.open && !box.current.contains(e.target as Node)) box.current.open = false;
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const toggle = (type: FacilityType, on: boolean) =>
    onChange(FACILITY_TYPES.filter((x) => (x === type ? on : value.includes(x))));
  return (
    <details ref={box} className="access-types" data-testid="access-types">
      <summary title={value.map((v) => enumLabel('facilityType', v, lang)).join('、')}>{summary}</summary>
      <div className="access-types-list">
        {FACILITY_TYPES.map((type) => (
          <label key={type}>
            <input type="checkbox" checked={value.includes(type)} onChange={(e) => toggle(type, e.target.checked)} data-testid={`access-type-${type}`} />
            {enumLabel('facilityType', type, lang)}
          </label>
        ))}
      </div>
    </details>
  );
}
