export * from './contract.ts';
export * from './errors.ts';
export * from './import-report.ts';
export * from './reply.ts';
