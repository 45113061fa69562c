/** Vietnamese text of the engine and the custom functions. Every user-visible string lives in src/i18n/. */
import type { ParseKey } from './parseKey';

/** Dates are shown as people in Việt Nam typed them: the calendar day in the script's time zone. */
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/**
 * A number as a clerk types it in a Vietnamese sheet: decimal comma, no grouping.
 * @example num(8.5) // "8,5"
 */
export function num(value: number): string {
  return String(value).replace('.', ',');
}

/** Shows a cell value inside a message: text quoted, long text cut, dates as dd/mm/yyyy, numbers with a decimal comma. */
export function quote(value: unknown): string {
  if (value instanceof Date) return isNaN(value.getTime()) ? 'ngày không hợp lệ' : `ngày ${DAY.format(value)}`;
  const s = typeof value === 'number' ? num(value) : String(value);
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return typeof value === 'string' ? `"${cut}"` : cut;
}

export const coreText = {
  /**
   * The words written back for row kinds and quantitative rules (Tiêu chí, unit tabs). Parse keys:
   * read back through core/vocabulary.ts, whose tables must keep accepting each.
   */
  kindLabels: {
    group: 'Nhóm' as ParseKey,
    qualitative: 'Định tính' as ParseKey,
    quantitative: 'Định lượng' as ParseKey,
    bonus: 'Cộng' as ParseKey,
    deduction: 'Trừ' as ParseKey,
    veto: 'Điều kiện' as ParseKey,
  },
  ruleLabels: {
    proportional: 'tỷ lệ' as ParseKey,
    passFail: 'đạt' as ParseKey,
    lowerIsBetter: 'ngược' as ParseKey,
    leaderRelative: 'dẫn đầu' as ParseKey,
  },
  /** Default classification labels (xếp loại), highest first. */
  bands: {
    excellent: 'Hoàn thành xuất sắc nhiệm vụ',
    good: 'Hoàn thành tốt nhiệm vụ',
    done: 'Hoàn thành nhiệm vụ',
    notDone: 'Không hoàn thành nhiệm vụ',
  },

  row: (n: number) => `Dòng ${n}`,
  cell: (sheet: string, a1: string) => `Trang "${sheet}", ô ${a1}`,

  notNumber: (value: unknown) => `${quote(value)} không phải là số`,
  errorCell: (value: unknown) => `ô có lỗi ${quote(value)}: sửa công thức hoặc xóa ô`,
  dateInNumberCell: (value: unknown) => `${quote(value)} là ngày tháng, cần nhập số`,
  booleanInNumberCell: (value: unknown) => `${quote(value)} là giá trị đúng/sai, cần nhập số`,
  ambiguousNumber: (value: unknown) =>
    `${quote(value)} không rõ là số thập phân hay hàng nghìn: ghi phần thập phân bằng dấu phẩy (8,5) và không dùng dấu chấm phân cách hàng nghìn`,
  notFinite: (value: unknown) => `${quote(value)} không phải là số hữu hạn`,
};
