import { describe, expect, it } from 'vitest';
import { quote } from '../../src/i18n/core';

describe('quote', () => {
  it('shows a date as the calendar day in Việt Nam, not the UTC day', () => {
    // 31/12/2021 00:00 in Hà Nội is 30/12/2021 17:00 UTC.
    expect(quote(new Date(Date.UTC(2021, 11, 30, 17, 0)))).toBe('ngày 31/12/2021');
  });

  it('quotes text and cuts it after 40 characters', () => {
    expect(quote('8,5a')).toBe('"8,5a"');
    expect(quote('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
  });

  it('shows numbers bare and an invalid date in words', () => {
    expect(quote(11)).toBe('11');
    expect(quote(new Date(NaN))).toBe('ngày không hợp lệ');
  });
});
