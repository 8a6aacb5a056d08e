/**
 * 各区域覆盖: coverage before → after for each county and its streets/towns (those gaining most
 * first), as a bar — covered before, then what the proposal adds — and the people gained (p-median:
 * the mean travel time before → after, which is what it changes); the area's total below. A click on
 * a row shows the place on the map.
 */
import { useMemo } from 'react';
import type { SitingResultOut, SitingUnitOut } from '../../../../shared/siting/query.ts';
import { useLang } from '../../../ui/i18n/index.ts';
import { fmtInt, fmtShare } from '../format.ts';

const share = (n: number, of: number) => (of > 0 ? n / of : null);
const gain = (u: SitingUnitOut) => u.coveredAfter - u.coveredBefore;
const signed = (n: number) => (n > 0 ? `+${fmtInt(n)}` : '0');
type Means = ReadonlyMap<string, { before: number; after: number }>;

/** Population-weighted mean minutes per street/town and county (trips capped at the cutoff, as the model counts them). */
function meanMinutes(r: SitingResultOut): Means {
  const cap = r.query.cutoffMinutes;
  const parent = new Map(r.units.map((u) => [u.code, u.parent]));
  const sum = new Map<string, { w: number; b: number; a: number }>();
  for (const p of r.points) {
    const b = Math.min(p.minutesBefore ?? cap, cap),
      a = Math.min(p.minutesAfter ?? cap, cap);
    for (let code = p.township; code && code !== 'region'; code = parent.get(code) ?? null) {
      const s = sum.get(code) ?? { w: 0, b: 0, a: 0 };
      sum.set(code, { w: s.w + p.population, b: s.b + b * p.population, a: s.a + a * p.population });
    }
  }
  return new Map([...sum].filter(([, s]) => s.w > 0).map(([code, s]) => [code, { before: s.b / s.w, after: s.a / s.w }]));
}

function MeanCell({ m }: { m: { before: number; after: number } | undefined }) {
  if (!m) return <td className="is-num">—</td>;
  const better = m.after < m.before - 0.05;
  return (
    <td className="is-num">
      {better ? (
        <>
          {m.before.toFixed(1)} → <strong className="siting-delta">{m.after.toFixed(1)}</strong>
        </>
      ) : (
        m.after.toFixed(1)
      )}
    </td>
  );
}

function Row({ u, county, means, onLocate }: { u: SitingUnitOut; county?: boolean; means: Means | null; onLocate?(code: string): void }) {
  const before = share(u.coveredBefore, u.population),
    after = share(u.coveredAfter, u.population);
  const g = gain(u);
  return (
    <tr
      className={`${county ? 'siting-county-row' : ''}${g > 0 ? ' is-gain' : ''}`}
      data-testid="siting-unit-row"
      data-code={u.code}
      data-before={u.coveredBefore}
      data-after={u.coveredAfter}
      onClick={onLocate ? () => onLocate(u.code) : undefined}
    >
      <th scope="row">
        <span className="access-unit">{u.name}</span>
      </th>
      <td className="siting-share-cell">
        <span className="siting-bar" aria-hidden="true">
          <span className="is-before" style={{ width: `${(before ?? 0) * 100}%` }} />
          <span className="is-added" style={{ width: `${((after ?? 0) - (before ?? 0)) * 100}%` }} />
        </span>
        <span className="siting-share-text">
          {g > 0 ? (
            <>
              {fmtShare(before)} → <strong>{fmtShare(after)}</strong>
            </>
          ) : (
            fmtShare(after)
          )}
        </span>
      </td>
      {means ? (
        <MeanCell m={means.get(u.code)} />
      ) : (
        <td className="is-num">{g > 0 ? <span className="siting-delta">{signed(g)}</span> : <span className="siting-zero">0</span>}</td>
      )}
    </tr>
  );
}

export function CoverageTable({ result, onLocate }: { result: SitingResultOut; onLocate(code: string): void }) {
  const { t } = useLang();
  const { units } = result;
  const means = useMemo(() => (result.model === 'pmedian' ? meanMinutes(result) : null), [result]);
  const groups = useMemo(() => {
    const towns = units.filter((u) => u.scope === 'township');
    return units
      .filter((u) => u.scope === 'county')
      .map((c) => ({
        county: c,
        towns: towns.filter((u) => u.parent === c.code).sort((a, b) => gain(b) - gain(a) || a.code.localeCompare(b.code)),
      }));
  }, [units]);
  const region = units.find((u) => u.scope === 'region');

  return (
    <section className="siting-section">
      <h3 className="siting-section-title">{t('map.siting.units.title')}</h3>
      <div className="access-table-wrap">
        <table className="access-table siting-units-table" data-testid="siting-units">
          <thead>
            <tr>
              <th scope="col">
                <span>{t('map.siting.units.unit')}</span>
              </th>
              <th scope="col">
                <span>{t('map.siting.units.share')}</span>
              </th>
              <th scope="col" className="is-num">
                <span>{t(means ? 'map.siting.units.minutes' : 'map.siting.units.gained')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map(({ county, towns }) => [
              <Row key={county.code} u={county} county means={means} onLocate={onLocate} />,
              ...towns.map((u) => <Row key={u.code} u={u} means={means} onLocate={onLocate} />),
            ])}
          </tbody>
          {region && (
            <tfoot>
              <tr data-testid="siting-total" data-before={region.coveredBefore} data-after={region.coveredAfter}>
                <th scope="row">{t('map.siting.units.total')}</th>
                <td>
                  {fmtShare(share(region.coveredBefore, region.population))} → <strong>{fmtShare(share(region.coveredAfter, region.population))}</strong>
                </td>
                {means && result.meanMinutesBefore !== null && result.meanMinutesAfter !== null ? (
                  <MeanCell m={{ before: result.meanMinutesBefore, after: result.meanMinutesAfter }} />
                ) : (
                  <td className="is-num">{signed(gain(region))}</td>
                )}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
