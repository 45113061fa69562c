/**
 * Vietnamese text of the custom functions (THIDUA_SCORE, THIDUA_RANK, THIDUA_XEPLOAI, THIDUA_DIEM):
 * field names and error messages. Messages are fragments; src/core/functions/cells.ts adds the
 * position ("Dòng 3: …") or capitalises them when there is none.
 */

/**
 * A number as a Vietnamese reader writes it: decimal comma, no grouping.
 * @example num(8.5) // "8,5"
 */
export function num(n: number): string {
  return String(n).replace('.', ',');
}

export const functionsText = {
  /** What each argument holds, as named in messages. */
  field: {
    points: 'điểm',
    bonus: 'điểm cộng',
    deduction: 'điểm trừ',
    maxPoints: 'điểm chuẩn',
    kind: 'loại dòng',
    score: 'điểm',
    maxTotal: 'tổng điểm chuẩn',
    tXs: 'ngưỡng xuất sắc',
    tTot: 'ngưỡng tốt',
    tHt: 'ngưỡng hoàn thành',
    result: 'kết quả',
    target: 'chỉ tiêu',
    rule: 'cách tính',
  },

  /** Two ranges that must be read cell for cell hold different numbers of cells. */
  sizeMismatch: (a: string, aCount: number, b: string, bCount: number) =>
    `vùng ${a} có ${aCount} ô nhưng vùng ${b} có ${bCount} ô: hai vùng phải có cùng số ô`,
  /** Element-wise functions: a range may also be a single cell, used for every row. */
  broadcastMismatch: (a: string, aCount: number, b: string, bCount: number) =>
    `vùng ${a} có ${aCount} ô nhưng vùng ${b} có ${bCount} ô: các vùng phải có cùng số ô, hoặc chỉ một ô để dùng chung cho mọi dòng`,

  overMax: (field: string, p: number, max: number) => `${field} ${num(p)} vượt điểm chuẩn ${num(max)}`,
  negativePoint: (field: string, p: number, max: number) => `${field} ${num(p)} âm: ${field} phải từ 0 đến điểm chuẩn ${num(max)}`,
  negativeMax: (max: number) => `điểm chuẩn ${num(max)} âm: điểm chuẩn phải từ 0 trở lên`,
  pointWithoutMax: (p: number) => `có điểm ${num(p)} nhưng thiếu điểm chuẩn`,
  unknownKind: (kind: string) =>
    `loại dòng "${kind}" không rõ; dùng một trong: để trống, định tính, định lượng, tiêu chí, cộng, thưởng, +, trừ, -, nhóm, mục, phần, điều kiện, điểm liệt`,

  maxTotalNotPositive: (max: number) => `tổng điểm chuẩn ${num(max)} phải lớn hơn 0`,
  thresholdsOrder: (xs: number, tot: number, ht: number) =>
    `các ngưỡng phải giảm dần: xuất sắc ${num(xs)} ≥ tốt ${num(tot)} ≥ hoàn thành ${num(ht)}`,
  thresholdLooksLikeFraction: (field: string, t: number) =>
    `${field} ${num(t)} quá nhỏ: nhập ngưỡng bằng số phần trăm, ví dụ 90 (không phải 90% hay 0,9)`,

  negativeResult: (a: number) => `kết quả ${num(a)} âm: kết quả phải từ 0 trở lên`,
  resultWithoutTarget: (a: number) => `có kết quả ${num(a)} nhưng thiếu chỉ tiêu`,
  resultWithoutMax: (a: number) => `có kết quả ${num(a)} nhưng thiếu điểm chuẩn`,
  targetTooLow: (t: number, rule: string, zeroAllowed = false) =>
    `chỉ tiêu ${num(t)} phải ${zeroAllowed ? 'từ 0 trở lên' : 'lớn hơn 0'} với cách tính "${rule}"`,
  unknownRule: (rule: string) => `cách tính "${rule}" không rõ; dùng một trong: tỷ lệ (tỉ lệ), đạt, ngược, dẫn đầu`,
};
