export * from './kinds.ts';
export * from './columns.ts';
export * from './entities.ts';
