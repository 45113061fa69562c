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
    plan: 'Kế hoạch công tác thi đua, khen thưởng',
    midYearReport: 'Báo cáo sơ kết 6 tháng',
  },

  tab: 'Văn bản',
  header: ['Thời gian', 'Loại văn bản', 'Bản', 'Tên văn bản', 'Đường dẫn', 'Bản PDF', 'Người tạo'],
  protection: 'Văn bản đã tạo: chỉ chủ sở hữu và cụm trưởng ghi',
  logAction: 'Tạo văn bản',

  busy: 'Đang có người tạo văn bản hoặc tính điểm, vui lòng thử lại sau ít phút',
  unknownKind: (kind: string) =>
    `Không có loại văn bản "${kind}": chọn giao ước, biên bản, báo cáo, tờ trình, kế hoạch hoặc báo cáo sơ kết 6 tháng`,
  /** The báo cáo sơ kết without a round to report on. */
  midYearNotOpened: (year: number) =>
    `Chưa tạo được báo cáo sơ kết 6 tháng năm ${year}: đợt sơ kết chưa được mở. Cụm trưởng mở đợt sơ kết 6 tháng (“Sơ kết 6 tháng” → mở đợt) để các đơn vị tự chấm 6 tháng đầu năm, rồi tạo báo cáo.`,
  driveMissing:
    'Chưa bật dịch vụ Drive nâng cao (Drive API v3) cho tiện ích: người quản trị cần bật trong tệp appsscript.json',
  resultsBlocked: (n: number) => `Chưa tạo được văn bản: có ${n} lỗi làm kết quả sai, chạy "Kiểm tra" để xem và sửa trước`,
  badOption: (field: string, value: string) => `Giá trị "${value}" của mục "${field}" không hợp lệ`,
  // Each message is a sentence: the action joins them with spaces.
  done: (name: string) => `Đã tạo văn bản "${name}".`,
  donePdf: (name: string) => `Đã tạo văn bản "${name}" và bản PDF.`,
  /** DocumentApp cannot insert page numbers: tell the user how, once per document. */
  pageNumbers: 'Đánh số trang: trong Google Tài liệu chọn Chèn → Số trang, số ở đầu trang, bỏ trang đầu.',
  notRecorded: (message: string) => `Chưa ghi được đường dẫn vào trang "Văn bản" (${message}); văn bản vẫn ở thư mục năm trên Drive.`,
  /** The year's folder is another person's: drive.file hides it from this user's runs. */
  foreignFolder: (year: number, by: string, url: string) =>
    `Chưa tạo được văn bản: văn bản năm ${year} do ${by || 'một tài khoản khác'} tạo và nằm trong thư mục Drive của người đó. ` +
    'Google chỉ cho tiện ích mở tệp do chính tài khoản đang dùng tạo ra, nên tiện ích chạy bằng tài khoản của bạn không mở được thư mục ấy ' +
    '(tạo thư mục thứ hai sẽ tách văn bản của năm và đánh số bản lại từ đầu). ' +
    `Hãy nhờ ${by || 'người đã tạo văn bản đầu tiên của năm'} tạo văn bản; bạn xem và góp ý văn bản qua các đường dẫn ở trang "Văn bản" hoặc thư mục đã được chia sẻ: ${url}`,
  /** The folder was shared in this run. */
  shared: (n: number) =>
    `Đã chia sẻ thư mục văn bản của năm với ${n} người: cụm trưởng, cụm phó được sửa; đầu mối các đơn vị và đoàn kiểm tra được góp ý (bình luận).`,
  notGoogleAccount: 'địa chỉ này không phải tài khoản Google',
  notShared: (items: string[]) =>
    `Chưa chia sẻ được thư mục văn bản với: ${items.join('; ')}. Kiểm tra địa chỉ trong trang Cấu hình (phải là tài khoản Google); lần tạo văn bản sau sẽ thử lại.`,
  failed: (message: string) =>
    `Chưa tạo được văn bản: ${message}. Bản nháp dở dang (nếu có) đã được bỏ vào thùng rác; chạy lại để tạo văn bản.`,

  defaults: {
    chairTitle: (headTitle: string, unit: string) => `${headTitle} ${unit}, Cụm trưởng`,
    attendee: (name: string, headTitle: string, unit: string) => `Đồng chí ${name}, ${headTitle} ${unit}`,
  },
};
