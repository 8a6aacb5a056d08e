/**
 * The contract's facility-type section (机构类别对照; spread into API in ../contract.ts): the 卫生机构类别 names and
 * codes the tool reads (shared/model/institution-types.ts), and the plan's own table of written types (type_alias).
 */
import { z } from 'zod';
import { FACILITY_TYPES, type FacilityType } from '../../model/kinds.ts';
import { method } from '../schemas.ts';

/** One built-in 卫生机构类别: its WS 218-2002 code and name, and the tool's type ('byLevel': 综合医院, by 医院等级; null: not planned). */
export interface BuiltInTypeOut {
  code: string;
  name: string;
  aliases: string[];
  type: FacilityType | 'byLevel' | null;
}
/** One row of the plan's 机构类别对照: a type as the planner's sheets write it → the tool's type. */
export interface TypeAliasOut {
  written: string;
  type: FacilityType;
}
export interface TypeAliasesOut {
  builtIn: BuiltInTypeOut[];
  plan: TypeAliasOut[];
}

export const TYPES_API = {
  'types.aliases': method<TypeAliasesOut>()(
    z.object({}).strict(),
    "The facility types as written that imports read: the built-in 卫生机构类别 names and codes, and the plan's own 机构类别对照.",
  ),
  'types.setAlias': method<TypeAliasesOut>()(
    z.object({ written: z.string().trim().min(1).max(200), type: z.enum(FACILITY_TYPES).nullable() }).strict(),
    "Map a facility type as the planner's sheets write it to one of the tool's types (type null: remove it); refused for a text the tool already reads.",
  ),
} as const;
