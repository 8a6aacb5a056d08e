/** The contract's allocation methods (spread into API in ../contract.ts). */
// import { z } from 'zod';
// import { InScenario, method } from '../schemas.ts';

export const ALLOCATION_API = {} as const;
