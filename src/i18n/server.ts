/** Vietnamese text of the menu and the server entry. */
export const serverText = {
  menu: {
    openPanel: 'Mở bảng điều khiển',
    setupYear: 'Khởi tạo năm thi đua',
    recompute: 'Tính điểm & xếp hạng',
    submit: 'Nộp bảng tự chấm (trang đang mở)',
    closeYear: 'Chốt kết quả',
    copyYear: 'Sao sang năm mới',
    documents: 'Tạo văn bản',
    followUp: 'Theo dõi, trao đổi',
    reminder: 'Nhắc các đơn vị chưa nộp',
    registers: 'Tạo bảng Sáng kiến và Quỹ',
    rollUp: 'Tổng hợp toàn ngành',
    /** Export and import need a download or a preview with choices: the menu opens the panel. */
    exchangeInPanel: 'Xuất kết quả, nhập bảng tiêu chí… (trong bảng điều khiển)',
  },
  /** The reminder's dialog (menu): the letter is opened by the person's own mail program. */
  reminderDialog: {
    title: 'Nhắc các đơn vị chưa nộp',
    units: 'Đơn vị được nhắc:',
    to: 'Gửi tới:',
    subject: 'Tiêu đề:',
    open: 'Mở thư trong ứng dụng e-mail',
    copy: 'Nếu thư không tự mở, chép nội dung dưới đây vào thư gửi các địa chỉ trên:',
    logged: 'Việc soạn thư đã được ghi vào Nhật ký. Add-on không tự gửi thư: bạn xem lại rồi bấm gửi trong ứng dụng e-mail.',
    close: 'Đóng',
  },
  /** The sidebar's title bar, as Sheets shows it above the panel. */
  sidebarTitle: 'Thi đua',
  dialog: {
    title: 'Thi đua',
    more: (n: number) => `… và ${n} lỗi khác: xem bảng điều khiển, mục Kiểm tra`,
    confirmClose: 'Chốt kết quả năm: sau khi chốt, mọi trang bị khóa (chỉ chủ sở hữu sửa được) và kết quả được lưu lại. Tiếp tục?',
    /** Said before confirmClose while some unit's figures are incomplete. */
    incompleteBeforeClose: (units: string) =>
      `Còn đơn vị chưa đầy đủ số liệu: ${units}. Các đơn vị này giữ hạng tạm xếp và không được đề nghị danh hiệu, trừ đơn vị đã có lý do xét tiếp của cụm trưởng.`,
    incompleteUnit: (unit: string, reasons: string, proceeded: boolean) => `${unit} (${reasons}${proceeded ? '; đã có lý do xét tiếp' : ''})`,
    askYear: 'Năm mới (ví dụ 2022):',
    /** The link of a generated document, shown under the message (the dialog shows text, not links). */
    link: (url: string) => `Mở tại: ${url}`,
  },
};
