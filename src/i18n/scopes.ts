/** Vietnamese text of asking for a Google permission the person has not granted yet. */
export const scopesText = {
  /** The toast's title. */
  title: 'Thi đua cần thêm quyền',
  /** Why each permission is needed, shown before Google's consent window. */
  why: {
    sheet: 'đọc và ghi bảng tính này (không đụng tới bảng tính khác của bạn)',
    ui: 'mở bảng điều khiển và hộp thoại của Thi đua trong bảng tính',
    email: 'biết e-mail của bạn, để xác định bạn là đầu mối đơn vị nào, cụm trưởng hay thành viên đoàn kiểm tra chéo',
    triggers: 'hẹn giờ tự chạy tiếp phần khởi tạo còn lại và ghi nhật ký mỗi lần sửa điểm',
    documents: 'viết văn bản (giao ước, biên bản, báo cáo, tờ trình) sang Google Tài liệu',
    driveFile: 'lưu văn bản vào thư mục của năm trên Google Drive (chỉ các tệp Thi đua tạo ra)',
  },
  /** What the toast says: why, then what comes next. */
  ask: (reasons: readonly string[]) =>
    `Để làm thao tác này, Thi đua cần quyền ${reasons.join('; ')}. Google sẽ mở cửa sổ xin quyền: hãy đồng ý rồi bấm lại thao tác.`,
};
