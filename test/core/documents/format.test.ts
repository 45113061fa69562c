import { afterEach, describe, expect, it } from 'vitest';
import {
  PAGE,
  TEXT_WIDTH_PT,
  cmToPt,
  documentNumber,
  formatNumber,
  formatPercent,
  formatSigned,
  issuerCode,
  mmToPt,
  upper,
  vietnameseDate,
  vietnameseTime,
} from '../../../src/core/documents/format';

describe('vietnameseDate', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = tz;
  });

  it('writes place and date with leading zeros on day and month below 10', () => {
    expect(vietnameseDate({ y: 2021, m: 1, d: 9 }, 'Bình Dương')).toBe('Bình Dương, ngày 09 tháng 01 năm 2021');
  });

  it('pads March to September too by default', () => {
    expect(vietnameseDate({ y: 2021, m: 3, d: 25 })).toBe('ngày 25 tháng 03 năm 2021');
  });

  it('pads only January and February when asked for the decree minimum', () => {
    expect(vietnameseDate({ y: 2021, m: 3, d: 5 }, undefined, { monthZero: 'decree' })).toBe('ngày 05 tháng 3 năm 2021');
    expect(vietnameseDate({ y: 2021, m: 2, d: 15 }, undefined, { monthZero: 'decree' })).toBe('ngày 15 tháng 02 năm 2021');
  });

  it('leaves two-digit days and months alone', () => {
    expect(vietnameseDate({ y: 2021, m: 11, d: 16 })).toBe('ngày 16 tháng 11 năm 2021');
  });

  it('reads a Date as the calendar date in Asia/Ho_Chi_Minh whatever the machine zone', () => {
    process.env.TZ = 'America/New_York';
    // 18:30 UTC on 8 January is 01:30 on 9 January in Vietnam, still 8 January in New York.
    expect(vietnameseDate(new Date('2021-01-08T18:30:00Z'), 'Bình Dương')).toBe('Bình Dương, ngày 09 tháng 01 năm 2021');
  });

  it('composes a decomposed place name to NFC', () => {
    const out = vietnameseDate({ y: 2021, m: 1, d: 9 }, 'Bình Dương'.normalize('NFD'));
    expect(out).toBe('Bình Dương, ngày 09 tháng 01 năm 2021'.normalize('NFC'));
    expect(out.normalize('NFC')).toBe(out);
  });

  it('refuses an invalid Date', () => {
    expect(() => vietnameseDate(new Date('nonsense'))).toThrow('Ngày không hợp lệ');
  });
});

describe('vietnameseTime', () => {
  it('writes hour and minute with leading zeros before the date', () => {
    expect(vietnameseTime({ y: 2021, m: 11, d: 16, h: 8, min: 5 })).toBe('08 giờ 05, ngày 16 tháng 11 năm 2021');
  });

  it('reads a Date in Asia/Ho_Chi_Minh', () => {
    expect(vietnameseTime(new Date('2021-11-16T01:00:00Z'))).toBe('08 giờ 00, ngày 16 tháng 11 năm 2021');
  });
});

describe('documentNumber', () => {
  it('pads numbers below 10 with a zero', () => {
    expect(documentNumber(1, 'GƯ-CTĐ9')).toBe('Số: 01/GƯ-CTĐ9');
  });

  it('writes numbers from 10 as they are', () => {
    expect(documentNumber(12, 'BC-CTĐ9')).toBe('Số: 12/BC-CTĐ9');
  });

  it('leaves room for a hand-written number when there is none', () => {
    expect(documentNumber(null, 'BB-CTĐ9')).toBe('Số:       /BB-CTĐ9');
  });
});

describe('issuerCode', () => {
  it('abbreviates a cluster name', () => {
    expect(issuerCode('Cụm thi đua số 9')).toBe('CTĐ9');
  });

  it('abbreviates a block name written in NFD', () => {
    expect(issuerCode('Khối thi đua số 3'.normalize('NFD'))).toBe('KTĐ3');
  });
});

describe('numbers', () => {
  it('uses a decimal comma', () => {
    expect(formatNumber(97.5)).toBe('97,5');
  });

  it('groups thousands with dots', () => {
    expect(formatNumber(1000)).toBe('1.000');
  });

  it('rounds to two decimals and drops trailing zeros', () => {
    expect(formatNumber(83.333)).toBe('83,33');
    expect(formatNumber(80.1)).toBe('80,1');
  });

  it('writes a negative zero as 0', () => {
    expect(formatNumber(-0)).toBe('0');
  });

  it('signs a positive difference and leaves zero bare', () => {
    expect(formatSigned(1.5)).toBe('+1,5');
    expect(formatSigned(-0.5)).toBe('-0,5');
    expect(formatSigned(0)).toBe('0');
  });

  it('writes a percentage with the sign glued on', () => {
    expect(formatPercent(83.33)).toBe('83,33%');
  });
});

describe('page', () => {
  it('is A4 in points', () => {
    expect([PAGE.widthPt, PAGE.heightPt]).toEqual([595.28, 841.89]);
  });

  it('has margins of 20 mm top and bottom, 30 mm left and 15 mm right, in points', () => {
    expect([PAGE.marginTopPt, PAGE.marginBottomPt, PAGE.marginLeftPt, PAGE.marginRightPt]).toEqual([56.69, 56.69, 85.04, 42.52]);
  });

  it('leaves 165 mm of text width', () => {
    expect(TEXT_WIDTH_PT).toBe(467.72);
  });

  it('converts 1.27 cm to 36 pt and 10 mm to 28.35 pt', () => {
    expect(cmToPt(1.27)).toBe(36);
    expect(mmToPt(10)).toBe(28.35);
  });
});

describe('upper', () => {
  it('capitalises Vietnamese letters in NFC', () => {
    expect(upper('Cụm thi đua số 9'.normalize('NFD'))).toBe('CỤM THI ĐUA SỐ 9');
  });
});
