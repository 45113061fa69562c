/**
 * Vietnamese text of the set-up form's check (src/workbook/setupCheck.ts): the same messages in
 * the sidebar, as people type, and from the server, when it refuses what was posted.
 */
export const formText = {
  /** The server's refusal: every problem, one after the other. */
  refused: (problems: readonly string[]) => `Biểu mẫu khởi tạo chưa đúng — ${problems.map((p) => p.replace(/\.$/, '')).join('; ')}`,
  missingName: 'Chưa nhập tên cụm.',
  badYear: (v: string) => `Năm “${v}” không hợp lệ: nhập 4 chữ số, ví dụ 2025.`,
  noUnits: 'Chưa có đơn vị nào: mỗi dòng một đơn vị.',
  unitLine: (line: number, msg: string) => `Dòng ${line} của danh sách đơn vị: ${msg}`,
  noShortName: 'thiếu tên viết tắt',
  duplicate: (name: string) => `“${name}” đã có ở dòng trên`,
  badShortName: (name: string) =>
    `tên viết tắt “${name}” không dùng làm tên trang được: không chứa các ký tự [ ] * ? : / \\, không bắt đầu bằng dấu ' và dài không quá 90 ký tự`,
  reservedShortName: (name: string) => `tên viết tắt “${name}” trùng tên một trang của add-on: đặt tên khác`,
  badEmail: (e: string) => `“${e}” không phải là e-mail`,
  badTeamEmail: (e: string) => `Đoàn kiểm tra chéo: “${e}” không phải là e-mail`,
  noLeader: 'Chưa chọn cụm trưởng.',
  unknownLeader: (name: string) => `Cụm trưởng “${name}” không có trong danh sách đơn vị.`,
  unknownDeputy: (name: string) => `Cụm phó “${name}” không có trong danh sách đơn vị.`,
  sameLeaderDeputy: 'Cụm trưởng và cụm phó phải là hai đơn vị khác nhau.',
  badCriteria: 'Bảng tiêu chí: chọn “Bảng mẫu 100 điểm” hoặc “Bảng đã có trong trang Tiêu chí”.',
  /** The head's title until the clerk fills it in Cấu hình. */
  defaultHeadTitle: 'Viện trưởng',
};
