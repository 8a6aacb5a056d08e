/**
 * The plan's 机构类别对照 (type_alias, plan format 6): facility types as a planner's sheets write them → the tool's
 * types, consulted by the facility import after the built-in 卫生机构类别 names and codes; and the service's
 * types.aliases / types.setAlias (their contract: shared/api/methods/types.ts).
 */
import type Database from 'better-sqlite3';
import type { PlannerService } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { TYPES_API, TypeAliasesOut, TypeAliasOut } from '../../shared/api/methods/types.ts';
import { foldTypeText, INSTITUTION_TYPES, isFacilityType, readFacilityType } from '../../shared/model/institution-types.ts';
import { FACILITY_TYPE_LABELS, type FacilityType } from '../../shared/model/kinds.ts';
import type { Workspace } from './workspace.ts';

/** A plan opened read-only and never migrated may lack the table: it then has no aliases. */
function hasTable(db: Database.Database): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'type_alias'").get();
}

/** The plan's aliases, as written (full-width folded to half-width, no spaces; matched regardless of case). A type this version does not know is left out. */
export function listTypeAliases(db: Database.Database): TypeAliasOut[] {
  if (!hasTable(db)) return [];
  return (db.prepare('SELECT written, type FROM type_alias ORDER BY written').all() as { written: string; type: string }[]).filter((r): r is TypeAliasOut =>
    isFacilityType(r.type),
  );
}

/** The aliases as the import reads them (ParseContext.facilityTypes.aliases). */
export function typeAliasMap(db: Database.Database): Map<string, FacilityType> {
  return new Map(listTypeAliases(db).map((a) => [foldTypeText(a.written), a.type]));
}

/** Inside the caller's write transaction. `type` null removes the alias. Refuses a text the tool already reads. */
export function setTypeAlias(db: Database.Database, written: string, type: FacilityType | null): void {
  const w = written.normalize('NFKC').replace(/\s+/g, '');
  // One row per text whatever its case (D110 and d110 are one code).
  const drop = () => db.prepare('DELETE FROM type_alias WHERE lower(written) = lower(?)').run(w);
  if (type === null) {
    drop();
    return;
  }
  const own = readFacilityType(w);
  if (own.type !== null) {
    const l = FACILITY_TYPE_LABELS[own.type];
    throw new ApiError('INVALID_ARGS', `「${w}」本工具已能读出（${l.zh}），不需要对照`, `"${w}" is already read by the tool (${l.en}); it needs no mapping`);
  }
  drop();
  db.prepare('INSERT INTO type_alias (written, type) VALUES (?, ?)').run(w, type);
}

function aliasesOut(db: Database.Database): TypeAliasesOut {
  return {
    builtIn: INSTITUTION_TYPES.map((t) => ({ code: t.code, name: t.name, aliases: [...(t.aliases ?? [])], type: t.type })),
    plan: listTypeAliases(db),
  };
}

export function typeHandlers(ws: Workspace): Pick<PlannerService, keyof typeof TYPES_API> {
  return {
    'types.aliases': () => aliasesOut(ws.requirePlan().db),
    'types.setAlias': ({ written, type }) =>
      ws.write((p) => {
        setTypeAlias(p.db, written, type);
        return aliasesOut(p.db);
      }),
  };
}
