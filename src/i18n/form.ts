/** Vietnamese text of the set-up form's server-side checks. */
export const formText = {
  refused: (list: string) => `Biểu mẫu khởi tạo chưa đúng — ${list}`,
  field: {
    clusterName: 'Tên cụm',
    year: 'Năm',
    units: 'Đơn vị',
    leader: 'Cụm trưởng',
    deputy: 'Cụm phó',
    team: 'Đoàn kiểm tra chéo',
    criteria: 'Bảng tiêu chí',
  },
  missing: (field: string) => `${field}: chưa nhập`,
  badYear: (value: string) => `Năm: "${value}" không phải là năm (ví dụ 2025)`,
  noUnits: 'Đơn vị: cần ít nhất một đơn vị',
  unitLine: (n: number, message: string) => `Đơn vị dòng ${n}: ${message}`,
  noShortName: 'thiếu tên ngắn',
  duplicateUnit: (name: string) => `"${name}" bị nhập hai lần`,
  badEmail: (email: string) => `"${email}" không phải là địa chỉ e-mail`,
  unknownUnit: (field: string, name: string) => `${field}: "${name}" không có trong danh sách đơn vị`,
  sameLeaderDeputy: 'Cụm phó phải là đơn vị khác cụm trưởng',
  badCriteria: 'Bảng tiêu chí: chọn "mẫu" hoặc "theo trang Tiêu chí"',
  /** The head's title until the clerk fills it in Cấu hình. */
  defaultHeadTitle: 'Viện trưởng',
};
