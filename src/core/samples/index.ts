/** Sample and synthetic data: a table and a cluster to start from, and years of any size for tests. */
export { sampleCriteriaTable } from './criteria';
export { sampleCluster9Year, sampleCrossCheckTeam } from './cluster9';
export { generateYear, generatedCriteriaTable, type GenerateOptions } from './generate';
export { seededRandom, type Random } from './random';
export { sampleFund, sampleInitiatives } from './registers';
export { sampleMidYearRound, SAMPLE_MID_YEAR_BLANKS } from './midYear';
