/**
 * The words people type for row kinds and quantitative rules, matched with normalizeKey
 * (no case, no diacritics, NFC or NFD alike).
 */
import { normalizeKey, type CellValue } from './input';
import type { QuantRule, RowKind } from './model';

/** Kinds for THIDUA_SCORE: what a row does to a total. */
export type ScoreKind = 'standard' | 'bonus' | 'deduction' | 'group' | 'veto';

const SCORE_KINDS: Record<string, ScoreKind> = {
  '': 'standard',
  'dinh tinh': 'standard',
  'dinh luong': 'standard',
  'tieu chi': 'standard',
  cong: 'bonus',
  thuong: 'bonus',
  'diem cong': 'bonus',
  'diem thuong': 'bonus',
  '+': 'bonus',
  tru: 'deduction',
  'diem tru': 'deduction',
  '-': 'deduction',
  nhom: 'group',
  muc: 'group',
  phan: 'group',
  'dieu kien': 'veto',
  'diem liet': 'veto',
  liet: 'veto',
};

/** Kind word → what it does to a total; undefined when unknown. */
export function scoreKindOf(value: CellValue): ScoreKind | undefined {
  return SCORE_KINDS[normalizeKey(value)];
}

const ROW_KINDS: Record<string, RowKind> = {
  nhom: 'group',
  muc: 'group',
  phan: 'group',
  'dinh tinh': 'qualitative',
  'tieu chi': 'qualitative',
  'dinh luong': 'quantitative',
  cong: 'bonus',
  thuong: 'bonus',
  'diem cong': 'bonus',
  'diem thuong': 'bonus',
  '+': 'bonus',
  tru: 'deduction',
  'diem tru': 'deduction',
  '-': 'deduction',
  'dieu kien': 'veto',
  'diem liet': 'veto',
  liet: 'veto',
};

/** Kind word in the Tiêu chí sheet → row kind; undefined when unknown. */
export function rowKindOf(value: CellValue): RowKind | undefined {
  return ROW_KINDS[normalizeKey(value)];
}

/** The word written back for each row kind. */
export const ROW_KIND_LABEL: Record<RowKind, string> = {
  group: 'Nhóm',
  qualitative: 'Định tính',
  quantitative: 'Định lượng',
  bonus: 'Cộng',
  deduction: 'Trừ',
  veto: 'Điều kiện',
};

const RULES: Record<string, QuantRule> = {
  'ty le': 'proportional',
  'ti le': 'proportional',
  dat: 'passFail',
  nguoc: 'lowerIsBetter',
  'dan dau': 'leaderRelative',
};

/** Rule word → rule; blank → 'proportional' (the default); undefined when unknown. */
export function quantRuleOf(value: CellValue): QuantRule | undefined {
  const key = normalizeKey(value);
  return key === '' ? 'proportional' : RULES[key];
}

/** The word written back for each rule. */
export const RULE_LABEL: Record<QuantRule, string> = {
  proportional: 'tỷ lệ',
  passFail: 'đạt',
  lowerIsBetter: 'ngược',
  leaderRelative: 'dẫn đầu',
};
