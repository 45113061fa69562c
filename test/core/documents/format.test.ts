import { afterEach, describe, expect, it } from 'vitest';
import {
  PAGE,
  TEXT_WIDTH_PT,
  blankDate,
  decreeDayMonth,
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

  it('pads only January and February among months, as the decree says', () => {
    expect(vietnameseDate({ y: 2021, m: 3, d: 5 })).toBe('ngày 05 tháng 3 năm 2021');
    expect(vietnameseDate({ y: 2021, m: 2, d: 15 })).toBe('ngày 15 tháng 02 năm 2021');
    expect(vietnameseDate({ y: 2021, m: 12, d: 15 })).toBe('ngày 15 tháng 12 năm 2021');
  });

  it('writes every day and month of a year as Nghị định 30/2020 says: a zero on days 1–9 and months 1–2 only', () => {
    for (let m = 1; m <= 12; m++) {
      const days = new Date(Date.UTC(2024, m, 0)).getUTCDate();
      for (let d = 1; d <= days; d++) {
        const out = vietnameseDate({ y: 2024, m, d });
        const day = d < 10 ? `0${d}` : String(d);
        const month = m <= 2 ? `0${m}` : String(m);
        expect(out).toBe(`ngày ${day} tháng ${month} năm 2024`);
        expect(decreeDayMonth(d, m)).toEqual({ day, month });
      }
    }
    expect(vietnameseDate({ y: 2024, m: 3, d: 1 })).not.toContain('tháng 03');
    expect(vietnameseDate({ y: 2024, m: 9, d: 30 })).not.toContain('tháng 09');
  });

  it('leaves a draft’s undecided date blank, with the place and year', () => {
    expect(blankDate(2025, 'Đồng Nai')).toBe('Đồng Nai, ngày ………… tháng ………… năm 2025');
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
