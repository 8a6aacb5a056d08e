/** The contract's compare methods (spread into API in ../contract.ts). */
// import { z } from 'zod';
// import { InScenario, method } from '../schemas.ts';

export const COMPARE_API = {} as const;
