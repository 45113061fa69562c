import { describe, expect, it } from 'vitest';
import { clampPercent, compareA1, formatDateTime, formatGap, formatNumber, formatPercent, groupBy, relativeTime } from '../../src/client/format';

describe('formatNumber', () => {
  it('uses a comma for decimals and dots for thousands', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
  });
  it('drops trailing zeros and rounds to two decimals', () => {
    expect(formatNumber(95.5)).toBe('95,5');
    expect(formatNumber(98)).toBe('98');
    expect(formatNumber(2.345)).toBe('2,35');
  });
  it('writes negatives with a real minus sign', () => {
    expect(formatNumber(-2)).toBe('−2');
  });
  it('does not write minus zero', () => {
    expect(formatNumber(-0.001)).toBe('0');
  });
  it('shows a dash for null, undefined and non-finite values', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('—');
  });
});

describe('formatGap', () => {
  it('puts a plus before a positive gap', () => {
    expect(formatGap(3.5)).toBe('+3,5');
  });
  it('writes a negative gap with a minus and zero bare', () => {
    expect(formatGap(-1.25)).toBe('−1,25');
    expect(formatGap(0)).toBe('0');
    expect(formatGap(0.001)).toBe('0');
  });
  it('shows a dash when there is no later phase', () => {
    expect(formatGap(null)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('keeps one decimal by default, with a space before the sign', () => {
    expect(formatPercent(87.456)).toBe('87,5 %');
    expect(formatPercent(80, 2)).toBe('80 %');
  });
  it('shows a dash for a missing value', () => {
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('clampPercent', () => {
  it('keeps values inside 0..100', () => {
    expect(clampPercent(140)).toBe(100);
    expect(clampPercent(-3)).toBe(0);
    expect(clampPercent(45.5)).toBe(45.5);
  });
  it('turns missing or non-finite values into 0', () => {
    expect(clampPercent(null)).toBe(0);
    expect(clampPercent(Number.NaN)).toBe(0);
  });
});

describe('formatDateTime', () => {
  it('shows the time in Việt Nam (UTC+7) as hh:mm dd/mm/yyyy', () => {
    expect(formatDateTime('2025-11-23T07:05:00Z')).toBe('14:05 23/11/2025');
  });
  it('rolls over to the next day in Việt Nam', () => {
    expect(formatDateTime('2021-12-31T20:00:00Z')).toBe('03:00 01/01/2022');
  });
  it('shows a dash for a missing or unreadable time', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2025-11-23T07:05:00Z');
  it('says "vừa xong" under a minute', () => {
    expect(relativeTime('2025-11-23T07:04:30Z', now)).toBe('vừa xong');
  });
  it('counts minutes, hours and days', () => {
    expect(relativeTime('2025-11-23T07:00:00Z', now)).toBe('5 phút trước');
    expect(relativeTime('2025-11-23T04:05:00Z', now)).toBe('3 giờ trước');
    expect(relativeTime('2025-11-21T07:05:00Z', now)).toBe('2 ngày trước');
  });
  it('falls back to the date after a week', () => {
    expect(relativeTime('2025-11-01T01:00:00Z', now)).toBe('08:00 01/11/2025');
  });
  it('says "chưa có" when there was no edit', () => {
    expect(relativeTime(null, now)).toBe('chưa có');
    expect(relativeTime('garbage', now)).toBe('chưa có');
  });
});

describe('groupBy', () => {
  it('keeps the first-seen order of keys and items', () => {
    expect(groupBy(['b1', 'a1', 'b2'], (s) => s[0]!)).toEqual([
      { key: 'b', items: ['b1', 'b2'] },
      { key: 'a', items: ['a1'] },
    ]);
  });
  it('returns nothing for an empty list', () => {
    expect(groupBy([], String)).toEqual([]);
  });
});

describe('compareA1', () => {
  it('orders by row first, then by column', () => {
    expect(['G12', 'G9', 'A10', 'AA9', 'B9'].sort(compareA1)).toEqual(['B9', 'G9', 'AA9', 'A10', 'G12']);
  });
  it('puts a whole-tab problem ("") first', () => {
    expect(['C3', ''].sort(compareA1)).toEqual(['', 'C3']);
  });
});
