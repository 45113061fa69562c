/** Vietnamese text of document generation: folder and file names, the "Văn bản" tab, messages. */

export const docsWriterText = {
  /** The year's Drive folder. */
  folderName: (cluster: string, year: number) => `Thi đua ${cluster} ${year}`,
  /** A document still being written: never taken for a final one. */
  draftPrefix: '[đang tạo] ',
  /** Versions after the first. */
  version: (n: number) => ` (bản ${n})`,
  pdfExtension: '.pdf',

  kinds: {
    covenant: 'Giao ước thi đua',
    minutes: 'Biên bản họp bình xét, suy tôn',
    report: 'Báo cáo kết quả chấm điểm, xếp hạng',
    proposal: 'Tờ trình đề nghị khen thưởng',
  },

  tab: 'Văn bản',
  header: ['Thời gian', 'Loại văn bản', 'Bản', 'Tên văn bản', 'Đường dẫn', 'Bản PDF', 'Người tạo'],
  protection: 'Văn bản đã tạo: chỉ chủ sở hữu và cụm trưởng ghi',
  logAction: 'Tạo văn bản',

  busy: 'Đang có người tạo văn bản hoặc tính điểm, vui lòng thử lại sau ít phút',
  unknownKind: (kind: string) =>
    `Không có loại văn bản "${kind}": chọn giao ước, biên bản, báo cáo hoặc tờ trình`,
  driveMissing:
    'Chưa bật dịch vụ Drive nâng cao (Drive API v3) cho tiện ích: người quản trị cần bật trong tệp appsscript.json',
  resultsBlocked: (n: number) => `Chưa tạo được văn bản: có ${n} lỗi làm kết quả sai, chạy "Kiểm tra" để xem và sửa trước`,
  badOption: (field: string, value: string) => `Giá trị "${value}" của mục "${field}" không hợp lệ`,
  done: (name: string) => `Đã tạo văn bản "${name}"`,
  donePdf: (name: string) => `Đã tạo văn bản "${name}" và bản PDF`,
  /** DocumentApp cannot insert page numbers: tell the user how, once per document. */
  pageNumbers: 'Đánh số trang: trong Google Tài liệu chọn Chèn → Số trang, số ở đầu trang, bỏ trang đầu.',
  notRecorded: (message: string) => `Chưa ghi được đường dẫn vào trang "Văn bản" (${message}); văn bản vẫn ở thư mục năm trên Drive.`,
  failed: (message: string) =>
    `Chưa tạo được văn bản: ${message}. Bản nháp dở dang (nếu có) đã được bỏ vào thùng rác; chạy lại để tạo văn bản.`,

  defaults: {
    venue: (unit: string) => `Trụ sở ${unit}`,
    chairTitle: (headTitle: string, unit: string) => `${headTitle} ${unit}, Cụm trưởng`,
    attendee: (name: string, headTitle: string, unit: string) => `Đồng chí ${name}, ${headTitle} ${unit}`,
    /** A name to write in by hand. */
    blankName: '……………………',
  },
};
