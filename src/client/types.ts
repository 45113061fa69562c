/** The server's answers as the panels read them, all derived from src/server/api.ts. */
import type { Args, Result } from './api';

export type Status = Result<'getStatus'>;
export type UnitStatus = Status['units'][number];
export type ActionKey = keyof Status['can'];
export type Permission = Status['can'][ActionKey];
export type Results = Result<'getResults'>;
export type UnitResult = Results['units'][number];
export type Problem = Result<'getProblems'>['problems'][number];
export type Explain = Result<'explainUnit'>;
export type ExplainRow = Explain['rows'][number];
export type DocumentKind = Args<'generateDocument'>[0];
