/**
 * PROVISIONAL: the shapes the sidebar expects from src/server/api.ts, until that file lands.
 * Replaced by `typeof import('../server/api').api` in api.ts; panels read these through the
 * adapters in view.ts, so only the adapters change when the real shapes arrive.
 */

export interface PermissionDto {
  allowed: boolean;
  reason?: string;
}

export interface UnitStatusDto {
  unitId: string;
  name: string;
  filledPercent: number;
  errorCount: number;
  warningCount?: number;
  submitted: boolean;
  returnedReason?: string | null;
  lastEdit?: { at: string; by?: string } | null;
}

export interface StatusDto {
  setUp: boolean;
  cluster?: { name: string; year: number } | null;
  closed?: boolean;
  user: { email: string; role: string; unitId?: string | null };
  units: UnitStatusDto[];
  permissions: Record<string, PermissionDto & { units?: Record<string, PermissionDto> }>;
  rules?: unknown;
}

export interface ResultRowDto {
  unitId: string;
  name: string;
  rank: number;
  selfTotal: number | null;
  finalTotal: number | null;
  gap: number | null;
  percent?: number | null;
  classification: string;
  proposedTitle: string | null;
  eligible?: boolean;
  ineligibleReasons?: string[];
}

export interface ResultsDto {
  computedAt: string | null;
  units: ResultRowDto[];
}

export interface ProblemDto {
  sheet: string;
  a1: string;
  message: string;
  severity?: 'error' | 'warning';
}

export interface ExplainRowDto {
  code: string;
  content: string;
  points: number | null;
  maxPoints: number;
  kind?: string;
}

export interface ExplainDto {
  unitId: string;
  name?: string;
  gave: ExplainRowDto[];
  took: ExplainRowDto[];
}

export interface SetupInput {
  sample?: boolean;
  clusterName?: string;
  year?: number;
  units?: Array<{ shortName: string; name: string; emails: string[] }>;
  leader?: string;
  deputy?: string;
  crossCheckTeam?: string[];
  criteria?: 'sample' | 'sheet';
}

export interface BallotInput {
  titleId: string;
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
  votes: Record<string, number>;
}

export interface ActionResultDto {
  message?: string;
}

export interface ProvisionalApi {
  getStatus(): StatusDto;
  getResults(): ResultsDto;
  getProblems(): ProblemDto[];
  selectCell(sheet: string, a1: string): void;
  setupYear(config: SetupInput): ActionResultDto;
  recompute(): ActionResultDto;
  submit(unitId: string): ActionResultDto;
  returnSubmission(unitId: string, reason: string): ActionResultDto;
  reopen(unitId: string): ActionResultDto;
  closeYear(): ActionResultDto;
  saveBallot(ballot: BallotInput): ActionResultDto;
  explainUnit(unitId: string): ExplainDto;
}
