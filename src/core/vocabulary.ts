/**
 * The words people type for row kinds and quantitative rules, matched with normalizeKey
 * (no case, no diacritics, NFC or NFD alike).
 */
import { coreText } from '../i18n/core';
import { normalizeKey, type CellValue } from './input';
import type { QuantRule, RowKind } from './model';

/** Kinds for THIDUA_SCORE: what a row does to a total. */
export type ScoreKind = 'standard' | 'bonus' | 'deduction' | 'group' | 'veto';

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

/** Kind word → what it does to a total (blank: a standard row); undefined when unknown. */
export function scoreKindOf(value: CellValue): ScoreKind | undefined {
  const key = normalizeKey(value);
  if (key === '') return 'standard';
  const kind = ROW_KINDS[key];
  return kind === 'qualitative' || kind === 'quantitative' ? 'standard' : kind;
}

/** The word written back for each row kind. */
export const ROW_KIND_LABEL: Record<RowKind, string> = coreText.kindLabels;

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
export const RULE_LABEL: Record<QuantRule, string> = coreText.ruleLabels;
