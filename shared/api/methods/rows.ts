/** The contract's rows section (spread into API in ../contract.ts): a scenario's units and facilities, read and edited one cell or one facility at a time. */
import { z } from 'zod';
import type { Facility, Unit } from '../../model/entities.ts';
import { FACILITY_TYPES } from '../../model/kinds.ts';
import { CellValue, InScenario, Key, Lat, Lon, method, Name } from '../schemas.ts';

export const ROWS_API = {
  'units.list': method<Unit[]>()(InScenario, 'All units of a scenario, in code order.'),
  'facilities.list': method<Facility[]>()(InScenario, 'All facilities of a scenario, in id order.'),
  'units.update': method<Unit>()(InScenario.extend({ code: Key, field: Key, value: CellValue }), 'Set one field of one unit (an undoable edit).'),
  'facilities.update': method<Facility>()(InScenario.extend({ id: Key, field: Key, value: CellValue }), 'Set one field of one facility (an undoable edit).'),

  'facilities.add': method<Facility>()(
    InScenario.extend({
      type: z.enum(FACILITY_TYPES),
      lon: Lon,
      lat: Lat,
      id: Key.optional(),
      name: Name.optional(),
      unit_code: Key.optional(),
      fields: z.record(z.string(), CellValue).optional(),
    }),
    'Place a new facility (on the map): it belongs to the unit it stands in unless given; one edit, undone as one.',
  ),
  'facilities.move': method<Facility>()(
    InScenario.extend({ id: Key, lon: Lon, lat: Lat }),
    'Move a facility; it then belongs to the unit it stands in. One edit.',
  ),
  'facilities.remove': method<{ removed: string }>()(InScenario.extend({ id: Key }), 'Remove a facility from the scenario. One edit.'),
} as const;
