/** "16:00 29/06/2021" (shortTime) as a sentence says it: "16:00 ngày 29/06/2021". */
const at = (when: string): string => when.replace(' ', ' ngày ');

/**
 * Vietnamese text of the mid-year round (sơ kết 6 tháng): its tab, its actions, the problems
 * read in it, the sidebar section, and the sample year's good practices. Plain strings only: the
 * sidebar bundles this file too.
 */

export const midYearText = {
  /** The tab's name. */
  tab: 'Sơ kết 6 tháng',
  title: (year: number) => `TỰ CHẤM ĐIỂM THI ĐUA 6 THÁNG ĐẦU NĂM ${year}`,
  status: {
    label: 'Trạng thái',
    open: 'Đang mở — mỗi đơn vị tự chấm ở cột của mình',
    closed: (when: string) => `Đã chốt lúc ${at(when)}`,
  },
  /** Header of the criteria columns; the units' short names follow. */
  header: ['Mã', 'Nội dung', 'Loại', 'Điểm chuẩn'],
  goodPractice: 'Cách làm hay, mô hình mới',
  /** Above the rows of codes Tiêu chí no longer has, kept with what units typed on them. */
  orphanHeader: 'Các dòng có mã không còn trong Tiêu chí (giữ lại điểm đã nhập)',
  computed: {
    total: 'Tổng điểm 6 tháng',
    percent: 'Tỷ lệ (%)',
    classification: 'Xếp loại (tạm)',
    rank: 'Thứ hạng',
    /** In the rank row of a unit with rows left blank. */
    unranked: (blank: number) => `Chưa xếp (còn ${blank} dòng trống)`,
  },
  help: {
    score: 'Điểm 6 tháng đầu năm: từ 0 đến điểm chuẩn; dòng điểm liệt ghi Có hoặc Không; tiêu chí không giao ghi “Không giao”.',
  },
  rightsLabels: {
    tab: 'Sơ kết 6 tháng: cụm trưởng',
    unit: (unit: string) => `Sơ kết 6 tháng: ${unit}`,
  },

  problems: {
    /** What a score cell holds, in the workbook's messages ("Điểm 6 tháng 11 vượt điểm chuẩn 10"). */
    scoreLabel: 'Điểm 6 tháng',
    unitMissing: (unit: string) => `Không có cột của đơn vị ${unit}: bấm “Mở đợt sơ kết 6 tháng” lại để thêm`,
    headerChanged: 'Dòng tiêu đề đã bị sửa (thêm, xóa hoặc đổi tên cột): sửa lại như cũ rồi làm tiếp',
  },

  actions: {
    open: 'Mở đợt sơ kết 6 tháng',
    close: 'Chốt sơ kết 6 tháng',
    reopen: 'Mở lại đợt sơ kết 6 tháng',
    reopenedRound: 'Đã mở lại đợt sơ kết 6 tháng: các đơn vị sửa được cột của mình; bấm “Chốt sơ kết” lại khi xong.',
    notClosed: 'Đợt sơ kết 6 tháng đang mở, chưa chốt.',
    busy: 'Đang có người khác thao tác với đợt sơ kết, vui lòng thử lại sau ít phút.',
    opened: (units: number) => `Đã mở đợt sơ kết 6 tháng: mỗi đơn vị (${units}) tự chấm ở cột của mình trong trang Sơ kết 6 tháng.`,
    reopened: (units: number) => `Trang Sơ kết 6 tháng đã có: đã bổ sung những gì còn thiếu (${units} đơn vị), giữ nguyên điểm các đơn vị đã nhập.`,
    notOpened: 'Chưa mở đợt sơ kết 6 tháng.',
    alreadyClosed: (when: string) => `Đợt sơ kết 6 tháng đã chốt lúc ${at(when)}.`,
    tabMissing: 'Không tìm thấy trang Sơ kết 6 tháng: bấm “Mở đợt sơ kết 6 tháng” để tạo lại.',
    closeRefused: (n: number) => `Chưa chốt được: còn ${n} ô ghi sai trong trang Sơ kết 6 tháng, sửa xong rồi chốt lại.`,
    closed: (ranked: number, total: number) => `Đã chốt sơ kết 6 tháng: ${ranked}/${total} đơn vị được xếp hạng; các cột của đơn vị đã khóa.`,
    blankUnits: (list: string) => `Còn đơn vị để trống dòng: ${list}.`,
    blankUnit: (name: string, rows: number) => `${name} (${rows} dòng)`,
    ownerNeeded: 'Một số vùng bảo vệ của trang Sơ kết 6 tháng chỉ chủ sở hữu bảng tính sửa được: nhờ chủ sở hữu mở bảng điều khiển Thi đua một lần.',
    archived: (year: number) => `Trang Sơ kết 6 tháng của năm ${year} được giữ lại, đổi tên thành “Sơ kết 6 tháng ${year}”.`,
    confirmClose: 'Chốt sơ kết 6 tháng? Điểm được tính và ghi vào trang, các cột của đơn vị bị khóa.',
    blankBeforeClose: (list: string) => `Các đơn vị sau còn để trống dòng, sẽ không được xếp hạng: ${list}.`,
  },

  /** The sidebar's section. */
  client: {
    heading: 'Sơ kết 6 tháng',
    hint: 'Mỗi đơn vị tự chấm điểm 6 tháng đầu năm ở cột của mình trong trang Sơ kết 6 tháng, tách riêng với điểm cả năm, và ghi một cách làm hay.',
    open: 'Mở đợt sơ kết',
    close: 'Chốt sơ kết',
    reopen: 'Mở lại đợt sơ kết',
    reopenSteps: ['Đang mở lại các cột của đơn vị…', 'Xong'],
    reopenDone: 'Đã mở lại đợt sơ kết 6 tháng.',
    goToColumn: 'Đến cột của đơn vị',
    openSteps: ['Đang tạo trang Sơ kết 6 tháng…', 'Đang đặt quyền cho từng đơn vị…', 'Xong'],
    closeSteps: ['Đang tính điểm 6 tháng…', 'Đang ghi kết quả và khóa các cột…', 'Xong'],
    openDone: 'Đã mở đợt sơ kết 6 tháng.',
    closeDone: 'Đã chốt sơ kết 6 tháng.',
    confirmButton: 'Chốt sơ kết',
    notOpened: 'Chưa mở đợt sơ kết 6 tháng.',
    stateOpen: (filled: number, total: number) => `Đang mở — ${filled}/${total} đơn vị đã điền đủ.`,
    stateClosed: (when: string) => `Đã chốt lúc ${at(when)}.`,
    ownRows: (unit: string, filled: number, required: number) => `${unit}: đã điền ${filled}/${required} dòng.`,
    ownGoodPractice: (given: boolean) => (given ? 'Đã ghi cách làm hay.' : 'Chưa ghi cách làm hay.'),
    onlyLeader: 'Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) mở và chốt đợt sơ kết.',
    loadFailed: 'Không tải được tình hình đợt sơ kết.',
  },

  /** The menu's submenu. */
  menu: {
    heading: 'Sơ kết 6 tháng',
    open: 'Mở đợt sơ kết 6 tháng',
    close: 'Chốt sơ kết 6 tháng',
  },

  /** The sample year's good practices, by unit (fictional). */
  sample: {
    goodPractices: {
      'Bình Thuận': 'Số hóa hồ sơ kiểm sát án hình sự, tra cứu trên mạng nội bộ',
      'Bình Dương': 'Phòng họp trực tuyến kết nối 9 đơn vị cấp huyện, xét xử rút kinh nghiệm hằng tháng',
      'Bình Phước': 'Tổ công tác kiểm sát tạm giữ, tạm giam trực tiếp theo cụm huyện',
      'Bà Rịa – Vũng Tàu': 'Mô hình “Kiểm sát viên đồng hành cùng điều tra viên” trong án ma túy',
      'Đồng Nai': 'Sổ tay điện tử hướng dẫn kiểm sát giải quyết án dân sự, hành chính',
    } as Record<string, string>,
  },
};
