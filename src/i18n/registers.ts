/**
 * Vietnamese text of the two registers kept beside the scores: Sáng kiến (initiatives) and Quỹ
 * (the cluster's support fund): tab layout, values people type, problems, and report sections.
 */
import type { InitiativeLevel, InitiativeStatus } from '../core/initiatives';

/** Money in đồng with dot thousands, as Vietnamese documents write it: 1.500.000. */
export function formatDong(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}${String(Math.abs(Math.round(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

export const registersText = {
  tabs: { initiatives: 'Sáng kiến', fund: 'Quỹ' },

  levels: {
    base: 'Cấp cơ sở',
    sector: 'Cấp ngành',
    province: 'Cấp tỉnh',
    national: 'Toàn quốc',
  } as Record<InitiativeLevel, string>,
  statuses: {
    registered: 'Đăng ký',
    recognised: 'Được công nhận',
  } as Record<InitiativeStatus, string>,
  /** Other ways people write a status or a level (matched without diacritics or case). */
  statusAliases: {
    registered: ['đăng ký', 'đã đăng ký', 'dang ky'],
    recognised: ['được công nhận', 'đã công nhận', 'công nhận', 'đã được công nhận'],
  } as Record<InitiativeStatus, string[]>,
  levelAliases: {
    base: ['cấp cơ sở', 'cơ sở', 'cs'],
    sector: ['cấp ngành', 'ngành', 'toàn ngành', 'cấp bộ, ngành', 'cấp bộ'],
    province: ['cấp tỉnh', 'tỉnh', 'cấp thành phố', 'thành phố'],
    national: ['toàn quốc', 'cấp toàn quốc', 'cấp nhà nước'],
  } as Record<InitiativeLevel, string[]>,

  initiatives: {
    title: (year: number) => `SÁNG KIẾN, GIẢI PHÁP NĂM ${year}`,
    note: 'Mỗi đơn vị ghi sáng kiến của mình vào các dòng mang tên đơn vị ở cột A. Điểm cộng của sáng kiến được công nhận tính theo bảng bên phải, vào dòng tiêu chí ghi ở ô I2.',
    header: ['Đơn vị', 'Tên sáng kiến, giải pháp', 'Tác giả', 'Tình trạng', 'Cấp công nhận', 'Ngày công nhận'],
    codeLabel: 'Dòng tiêu chí điểm cộng',
    rulesHeader: ['Cấp công nhận', 'Điểm cộng mỗi sáng kiến'],
    /** Shown on the unit tab's status line: the row's points come from the register. */
    fedNote: (code: string, points: string) => `Dòng ${code} lấy điểm từ bảng Sáng kiến: ${points} điểm.`,
  },

  fund: {
    title: (year: number) => `QUỸ HỖ TRỢ CỦA CỤM NĂM ${year}`,
    note: 'Số tiền tính bằng đồng (gõ 1500000 hoặc 1.500.000). Cột Loại: “Nộp” (đơn vị nộp) hoặc “Chi” (chi hỗ trợ; Đơn vị là đơn vị được hỗ trợ).',
    agreedHeader: ['Đơn vị', 'Mức đóng góp (đồng)'],
    ledgerHeader: ['Ngày', 'Loại', 'Đơn vị', 'Nội dung', 'Số tiền (đồng)'],
    payment: 'Nộp',
    spending: 'Chi',
    paymentAliases: ['nộp', 'đóng', 'đóng góp', 'thu'],
    spendingAliases: ['chi', 'chi hỗ trợ', 'hỗ trợ'],
  },

  problems: {
    unknownUnit: (value: string) => `“${value}” không phải tên ngắn của đơn vị nào trong Cấu hình; dòng này không được tính.`,
    notYourRow: 'Dòng này không mang tên đơn vị ở cột A nên không được tính; ghi sáng kiến vào các dòng mang tên đơn vị.',
    noTitle: 'Chưa ghi tên sáng kiến, giải pháp; dòng này không được tính.',
    badStatus: (value: string) => `Tình trạng “${value}” không rõ; ghi “Đăng ký” hoặc “Được công nhận”.`,
    badLevel: (value: string) => `Cấp công nhận “${value}” không rõ; ghi một trong: Cấp cơ sở, Cấp ngành, Cấp tỉnh, Toàn quốc.`,
    recognisedWithoutLevel: 'Sáng kiến được công nhận phải ghi cấp công nhận; chưa có cấp thì chưa được tính điểm cộng.',
    badDate: (value: string) => `“${value}” không phải là ngày (ghi dạng 15/10/2025).`,
    badPoints: (value: string) => `Điểm cộng “${value}” phải là số không âm.`,
    unknownCode: (code: string) => `Dòng tiêu chí “${code}” không có trong Tiêu chí; sáng kiến chưa được tính điểm cộng.`,
    notBonusRow: (code: string) => `Dòng tiêu chí “${code}” không phải dòng điểm cộng; sáng kiến chưa được tính điểm cộng.`,
    fedDiffers: (code: string, typed: string, fed: string) =>
      `Dòng ${code}: điểm đang ghi là ${typed}, nhưng theo bảng Sáng kiến là ${fed}; điểm được tính theo bảng Sáng kiến (ô không bị ghi đè).`,
    badAmount: (value: string) => `Số tiền “${value}” không đọc được; ghi số đồng nguyên, không âm (1500000 hoặc 1.500.000).`,
    noAmount: 'Chưa ghi số tiền; dòng này không được tính.',
    badKind: (value: string) => `Loại “${value}” không rõ; ghi “Nộp” hoặc “Chi”.`,
    paymentWithoutUnit: 'Khoản nộp phải ghi đơn vị nộp.',
    duplicateAgreed: (unit: string) => `Mức đóng góp của ${unit} đã ghi ở dòng trên; dòng này không được tính.`,
    overdrawn: (balance: string) => `Số đã chi vượt số đã nộp: tồn quỹ âm ${balance} đồng.`,
  },

  report: {
    initiativesHeading: (n: string) => `${n}. SÁNG KIẾN, GIẢI PHÁP`,
    initiativesIntro: (registered: number, recognised: number) =>
      `Trong năm, các đơn vị đăng ký ${registered} sáng kiến, giải pháp; ${recognised} sáng kiến, giải pháp được công nhận.`,
    initiativesNone: 'Trong năm, các đơn vị chưa đăng ký sáng kiến, giải pháp nào.',
    initiativesHeader: ['STT', 'Đơn vị', 'Tên sáng kiến, giải pháp', 'Tác giả', 'Tình trạng', 'Cấp công nhận'],
    fundHeading: (n: string) => `${n}. QUỸ HỖ TRỢ CÁN BỘ, CÔNG CHỨC, NGƯỜI LAO ĐỘNG CÓ HOÀN CẢNH KHÓ KHĂN`,
    fundSummary: (agreed: string, paid: string, spent: string, balance: string) =>
      `Tổng mức đóng góp thống nhất: ${agreed} đồng; đã nộp: ${paid} đồng; đã chi hỗ trợ: ${spent} đồng; tồn quỹ: ${balance} đồng.`,
    fundHeader: ['STT', 'Đơn vị', 'Mức đóng góp', 'Đã nộp', 'Còn phải nộp'],
    fundTotal: 'Cộng',
    fundOwing: (units: string) => `Đơn vị còn phải nộp: ${units}.`,
    fundAllPaid: 'Các đơn vị đã nộp đủ mức đóng góp.',
    spendingHeader: ['Ngày', 'Nội dung chi', 'Đơn vị được hỗ trợ', 'Số tiền (đồng)'],
  },

  /** The sidebar's Thao tác section. */
  client: {
    heading: 'Sáng kiến, Quỹ',
    hint: 'Tạo trang Sáng kiến (mỗi đơn vị ghi sáng kiến của mình; sáng kiến được công nhận tự cộng điểm vào dòng điểm cộng) và trang Quỹ (mức đóng góp, các khoản nộp, chi). Chạy lại để thêm dòng cho đơn vị mới; không ghi đè những gì đã nhập.',
    button: 'Tạo bảng Sáng kiến và Quỹ',
    steps: ['Gửi yêu cầu', 'Tạo hoặc bổ sung trang Sáng kiến, Quỹ và bảo vệ', 'Tải lại tình hình'],
    done: 'Đã tạo bảng Sáng kiến và Quỹ.',
  },

  /** One line each in the sidebar's status. */
  status: {
    initiatives: (registered: number, recognised: number) => `Sáng kiến: ${registered} đăng ký, ${recognised} được công nhận.`,
    fund: (paid: string, spent: string, balance: string, owing: number) =>
      `Quỹ: đã nộp ${paid} đ, đã chi ${spent} đ, tồn ${balance} đ${owing > 0 ? `; ${owing} đơn vị còn phải nộp` : ''}.`,
  },

  actions: {
    /** The action's name in the menu, the sidebar and Nhật ký. */
    setup: 'Tạo bảng Sáng kiến và Quỹ',
    done: (units: number) => `Đã tạo (hoặc bổ sung) bảng Sáng kiến và Quỹ cho ${units} đơn vị.`,
    ownerNeeded: 'Một số vùng bảo vệ của bảng Sáng kiến, Quỹ chỉ chủ sở hữu bảng tính sửa được: nhờ chủ sở hữu chạy lại “Tạo bảng Sáng kiến và Quỹ”.',
    archived: (name: string, year: number) => `Trang “${name}” của năm ${year} được giữ lại, đổi tên thành “${name} ${year}”.`,
  },

  /** The sample year's registers (fictional people). */
  sample: {
    initiatives: [
      { title: 'Phần mềm theo dõi thời hạn tạm giữ, tạm giam', authors: 'Nguyễn Văn Hùng, Trần Thị Ngọc' },
      { title: 'Quy trình số hóa hồ sơ kiểm sát án hình sự', authors: 'Lê Minh Tâm' },
      { title: 'Sổ tay hướng dẫn kiểm sát giải quyết án dân sự', authors: 'Phạm Thị Hồng' },
    ],
    spending: ['Hỗ trợ công chức có hoàn cảnh đặc biệt khó khăn', 'Thăm hỏi công chức ốm đau dài ngày'],
  },

  rightsLabels: {
    initiatives: 'Sáng kiến: cụm trưởng',
    initiativesUnit: (unit: string) => `Sáng kiến: ${unit}`,
    fund: 'Quỹ: cụm trưởng',
  },
};
