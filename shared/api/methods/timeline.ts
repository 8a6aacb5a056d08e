/** The contract's timeline methods (spread into API in ../contract.ts). */
// import { z } from 'zod';
// import { InScenario, method } from '../schemas.ts';

export const TIMELINE_API = {} as const;
