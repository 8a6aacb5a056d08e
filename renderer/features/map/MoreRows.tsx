/**
 * Long lists of the side panel (the streets/towns of a result, the facilities' catchments, the places not
 * covered) drawn a screenful at a time: a province has 2,000 streets/towns and 2,500 stations, and laying
 * out every row of a new result at once held the page for 1–2 s on a weak PC. The first FIRST_ROWS rows
 * (the order the list is sorted in: the worst served, the most people first) and a button for MORE_ROWS more.
 */
import { useState, type ReactNode } from 'react';
import { useLang } from '../../ui/i18n/index.ts';

export const FIRST_ROWS = 200;
export const MORE_ROWS = 500;

/** The rows to draw now (the first `limit`) and the button that shows more (null when all are shown). */
export function useMoreRows<T>(rows: readonly T[], testId: string): { shown: readonly T[]; more: ReactNode } {
  const { t } = useLang();
  const [limit, setLimit] = useState(FIRST_ROWS);
  if (rows.length <= limit) return { shown: rows, more: null };
  const rest = rows.length - limit;
  return {
    shown: rows.slice(0, limit),
    more: (
      <button type="button" className="access-more" onClick={() => setLimit(limit + MORE_ROWS)} data-testid={testId}>
        {t('map.access.moreRows', {
          shown: limit.toLocaleString('en-US'),
          of: rows.length.toLocaleString('en-US'),
          n: Math.min(rest, MORE_ROWS).toLocaleString('en-US'),
        })}
      </button>
    ),
  };
}
