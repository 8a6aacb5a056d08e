/** 情景比较 and 造价: pure comparison of scenarios (see compare.ts), their differences and costs. */
export * from './compare.ts';
export * from './costs.ts';
export * from './gaps.ts';
export * from './rows.ts';
