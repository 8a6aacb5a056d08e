/**
 * The import dialog's mapping step: one row per column of the planner's sheet — its header, its first values,
 * a select of the field it fills (grouped; 不导入 = ignore) and how that was found (按表头 / 猜测 / 按内容; guesses
 * highlighted) — with the required fields still missing named above it, and two small buttons to save the mapping
 * as a file (the CLI's `--map FILE` JSON) and to load one.
 */
import { useEffect, useRef, useState } from 'react';
import { useLang } from '../i18n/index.ts';
import { labelIn, sep } from '../i18n/labels.ts';
import { parseMappingSpec } from '../../../shared/model/mapping.ts';
import type { ColumnMapping, MappingProposal, SheetKind } from '../../../shared/api/methods/sheets.ts';
import { applyLoaded, duplicateFields, fieldGroups, missingRequired, type FieldOption } from './mapping-fields.ts';
import { saveFileOut } from './files.ts';

const IGNORE = '';

export interface MappingStepProps {
  kind: SheetKind;
  proposal: MappingProposal;
  /** The spreadsheet row of the headers. */
  headerRow: number;
  preview: string[][];
  mapping: ColumnMapping;
  onChange(m: ColumnMapping): void;
  /** The name the saved file takes after (the sheet's file, without its extension). */
  fileName: string;
}

function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function MappingStep({ kind, proposal, headerRow, preview, mapping, onChange, fileName }: MappingStepProps) {
  const { t, lang } = useLang();
  const [loadMsg, setLoadMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, []); // the dialog is taller than a 720-pixel screen
  const groups = fieldGroups(kind, proposal, mapping);
  const missing = missingRequired(kind, mapping);
  const dups = duplicateFields(mapping);
  const optionLabel = (o: FieldOption) => {
    const name = labelIn(o.field, lang);
    const text = o.year ? t('io.mapping.yearField', { year: o.year, field: name }) : name;
    return o.required ? `${text}${t('io.mapping.required')}` : text;
  };
  const labelOf = (key: string) => {
    for (const g of groups) for (const o of g.options) if (o.key === key) return labelIn(o.field, lang);
    return key;
  };
  const columns = proposal.columns.filter((c) => c.header);

  const save = () => {
    const base = fileName.replace(/\.[^.]+$/, '') || 'mapping';
    saveFileOut({ fileName: `${base}.列对应.json`, mimeType: 'application/json', dataBase64: utf8Base64(`${JSON.stringify(mapping, null, 2)}\n`) });
  };
  const load = async (f: File | undefined) => {
    if (!f) return;
    const parsed = parseMappingSpec(await f.text());
    if ('error' in parsed) {
      setLoadMsg({ ok: false, text: t('io.mapping.loadFailed', { file: f.name, message: labelIn(parsed.error, lang) }) });
      return;
    }
    const { mapping: next, absent } = applyLoaded(mapping, parsed.mapping);
    onChange(next);
    setLoadMsg({
      ok: absent.length === 0,
      text:
        t('io.mapping.loaded', { file: f.name })
        + (absent.length ? `${sep(lang, 'semi')}${t('io.mapping.loadedMissing', { cols: absent.join(sep(lang, 'list')) })}` : ''),
    });
  };

  return (
    <section ref={ref} className="mapping-step" data-testid="mapping-step">
      <div className="mapping-head">
        <strong>{t('io.mapping.title')}</strong>
        <span className="mapping-tools">
          <button type="button" className="btn small" onClick={save} data-testid="mapping-save">
            {t('io.mapping.save')}
          </button>
          <label className="btn small file-btn">
            {t('io.mapping.load')}
            <input
              type="file"
              className="file-native"
              accept=".json,.txt,application/json,text/plain"
              data-testid="mapping-load"
              onChange={(e) => {
                void load(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
        </span>
      </div>
      <p className="field-hint">{t('io.mapping.intro', { row: headerRow })}</p>
      {missing.length > 0 ? (
        <div className="mapping-missing" role="alert" data-testid="mapping-missing">
          {t('io.mapping.missing', { fields: missing.map((f) => labelIn(f, lang)).join(sep(lang, 'list')) })}
        </div>
      ) : (
        <div className="mapping-allset" data-testid="mapping-allset">
          {t('io.mapping.allSet')}
        </div>
      )}
      {[...dups].map(([field, cols]) => (
        <div key={field} className="mapping-missing" role="alert" data-testid="mapping-duplicate">
          {t('io.mapping.duplicate', { field: labelOf(field), cols: cols.map((c) => t('io.mapping.quoted', { s: c })).join(sep(lang, 'list')) })}
        </div>
      ))}
      {loadMsg && (
        <div className={loadMsg.ok ? 'import-meta' : 'mapping-missing'} data-testid="mapping-load-message">
          {loadMsg.text}
        </div>
      )}
      <div className="mapping-scroll">
        <table className="problem-table mapping-table" data-testid="mapping-table">
          <thead>
            <tr>
              <th>{t('io.mapping.header')}</th>
              <th>{t('io.mapping.preview')}</th>
              <th>{t('io.mapping.field')}</th>
              <th>{t('io.mapping.how')}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => {
              const field = c.header in mapping ? (mapping[c.header] ?? null) : c.field;
              const changed = field !== c.field;
              const how = changed ? 'changed' : c.how;
              const values = preview
                .map((r) => r[c.index] ?? '')
                .filter((v) => v !== '')
                .slice(0, 3);
              const shown = values.length ? values : c.sample.filter((v) => v !== '').slice(0, 3);
              const dup = field !== null && dups.has(field);
              return (
                <tr
                  key={c.index}
                  data-testid="mapping-row"
                  data-header={c.header}
                  data-how={how}
                  data-field={field ?? ''}
                  className={`${how === 'guess' || how === 'values' ? 'is-guess' : ''}${field === null ? ' is-ignored' : ''}${dup ? ' is-dup' : ''}`}
                >
                  <td className="mapping-header">{c.header}</td>
                  <td className="val mapping-sample" title={shown.join(' | ')}>
                    {shown.join(sep(lang, 'list'))}
                  </td>
                  <td>
                    <select
                      value={field ?? IGNORE}
                      data-testid="mapping-field"
                      aria-label={c.header}
                      onChange={(e) => onChange({ ...mapping, [c.header]: e.target.value === IGNORE ? null : e.target.value })}
                    >
                      <option value={IGNORE}>{t('io.mapping.ignore')}</option>
                      {groups.map((g) => (
                        <optgroup key={g.group} label={t(`io.mapping.groups.${g.group}`)}>
                          {g.options.map((o) => (
                            <option key={o.key} value={o.key}>
                              {optionLabel(o)}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                  </td>
                  <td className="mapping-how" data-testid="mapping-how">
                    {t(`io.mapping.hows.${how}`)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Whether 确认并导入 may go: every required field has a column and no two columns fill one field. */
export function mappingReady(kind: SheetKind, mapping: ColumnMapping): boolean {
  return missingRequired(kind, mapping).length === 0 && duplicateFields(mapping).size === 0;
}
