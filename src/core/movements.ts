/**
 * The year's emulation movements (phong trào thi đua) as the plan lists them: the regular ones
 * (thường xuyên, all year) and the thematic ones or short campaigns (chuyên đề, đợt ngắn hạn)
 * with their dates. Dates are calendar days in Việt Nam, "yyyy-mm-dd".
 */

export const MOVEMENT_KINDS = ['regular', 'thematic'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface Movement {
  name: string;
  kind: MovementKind;
  /** "yyyy-mm-dd"; null: not given (a regular movement runs all year). */
  from: string | null;
  to: string | null;
  /** Đơn vị / người phụ trách; '' when not given. */
  owner: string;
}

/**
 * Regular movements first, then thematic ones by start date; order as typed otherwise.
 * @example sortMovements([{ kind: 'thematic', from: '2021-04-01' }, { kind: 'regular', from: null }])[0].kind // 'regular'
 */
export function sortMovements<M extends Pick<Movement, 'kind' | 'from'>>(list: readonly M[]): M[] {
  return list
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      if (a.m.kind !== b.m.kind) return a.m.kind === 'regular' ? -1 : 1;
      const fa = a.m.from ?? '';
      const fb = b.m.from ?? '';
      return fa === fb ? a.i - b.i : fa < fb ? -1 : 1;
    })
    .map((x) => x.m);
}
