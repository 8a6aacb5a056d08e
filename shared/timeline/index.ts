/** 规划项目 and the plan as of a year: projects, their checks, facilitiesAt, and their changes in words. */
export * from './project.ts';
export * from './check.ts';
export * from './facilities-at.ts';
export * from './words.ts';
export * from './lines.ts';
