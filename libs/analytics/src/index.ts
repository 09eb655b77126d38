export { AnalyticsService } from './analytics.service.js';
export * from './analytics.types.js';
export { COOPERATION_SCORE_FORMULA, SCORE_WEIGHTS } from './cooperation-score.js';
export { periodLabel } from './periods.js';
export { rebuildRollups, ROLLUP_TABLES, type RollupRebuild } from './rollups.js';
