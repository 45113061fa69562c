/**
 * Vietnamese text of the cluster workbook: tab names, column headers, labels people type, and
 * every message the workbook, the actions and the sidebar API show.
 */
import { num, quote } from './core';
import type { ParseKey } from './parseKey';

/** Lists names for a message: "A", "B" và "C". */
function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} và ${quoted[quoted.length - 1]}`;
}

/**
 * Tab names of the current year; archived years carry the year as a suffix. Parse keys: tabs are
 * found by name, and a unit's short name may not take one. On their own so that the sidebar's
 * set-up check bundles them without the rest of this file.
 */
export const TAB_NAMES = {
  config: 'Cấu hình' as ParseKey,
  criteria: 'Tiêu chí' as ParseKey,
  summary: 'Tổng hợp' as ParseKey,
  ballot: 'Bình xét' as ParseKey,
  log: 'Nhật ký' as ParseKey,
  snapshot: 'Lưu trữ kết quả' as ParseKey,
};

export const workbookText = {
  /** Tab names of the current year (TAB_NAMES). */
  tabs: TAB_NAMES,
  /** "Tổng hợp 2021": a tab of a year kept after copying to a new year. */
  archivedTab: (name: string, year: number) => `${name} ${year}`,

  location: (sheet: string, a1: string) => (a1 ? `Trang "${sheet}", ${a1.includes(':') ? 'vùng' : 'ô'} ${a1}` : `Trang "${sheet}"`),

  config: {
    title: 'CẤU HÌNH NĂM THI ĐUA',
    hint: 'Sửa trực tiếp trên trang này (chỉ cụm trưởng), rồi chạy lại "Khởi tạo năm thi đua" để cập nhật các trang chấm điểm. Không xóa dòng đã có dữ liệu.',
    blocks: {
      general: 'THÔNG TIN CHUNG',
      units: 'ĐƠN VỊ THÀNH VIÊN',
      team: 'ĐOÀN KIỂM TRA CHÉO',
      legalBases: 'CĂN CỨ',
      bands: 'XẾP LOẠI',
      titles: 'DANH HIỆU',
    },
    /** Parse keys: parseConfig finds each row of the general block by its label. */
    general: {
      clusterName: 'Tên cụm' as ParseKey,
      year: 'Năm' as ParseKey,
      leader: 'Cụm trưởng (tên viết tắt)' as ParseKey,
      deputy: 'Cụm phó (tên viết tắt)' as ParseKey,
      host: 'Đơn vị đăng cai' as ParseKey,
      slogan: 'Phương châm' as ParseKey,
      place: 'Địa danh' as ParseKey,
      ruleVersion: 'Phiên bản quy định' as ParseKey,
      ballotThreshold: 'Ngưỡng bình xét (%)' as ParseKey,
      ballotBase: 'Tính tỷ lệ phiếu trên' as ParseKey,
      bonusCap: 'Trần điểm cộng' as ParseKey,
      deductionCap: 'Trần điểm trừ' as ParseKey,
      rankBy: 'Xếp hạng theo' as ParseKey,
      tieBreaks: 'Ưu tiên khi bằng điểm' as ParseKey,
    },
    generalHeader: ['Mục', 'Giá trị'],
    unitsHeader: ['Tên viết tắt', 'Tên đơn vị', 'Thủ trưởng', 'Chức danh', 'E-mail đầu mối', 'Danh hiệu đăng ký', 'Hoãn xét khen thưởng (lý do)', 'Tập thể nữ ≥ 70%'],
    teamHeader: ['E-mail', 'Họ tên', 'Đơn vị'],
    legalHeader: ['Căn cứ pháp lý'],
    bandsHeader: ['Từ (% trở lên)', 'Xếp loại'],
    titlesHeader: ['Mã', 'Danh hiệu', 'Số lượng', 'Xếp loại tối thiểu', 'Cần bình xét', 'Chỉ đơn vị dẫn đầu'],
    /** Parse keys: written as the choices' values and read back by parseConfig. */
    ballotBase: { issued: 'Số phiếu phát ra' as ParseKey, valid: 'Số phiếu hợp lệ' as ParseKey },
    rankBy: { auto: 'Tự động' as ParseKey, total: 'Tổng điểm' as ParseKey, percent: 'Tỷ lệ % điểm tối đa' as ParseKey },
    /** Parse key: a tie-break read back by parseConfig. */
    femaleMajority: 'Tập thể nữ' as ParseKey,
    /** Parse keys: written in yes/no columns, read back as "co" / "khong" (config/layout.ts). */
    yes: 'Có' as ParseKey,
    no: 'Không' as ParseKey,
    noLimit: 'Không giới hạn',
  },

  criteria: {
    title: 'BẢNG TIÊU CHÍ CHẤM ĐIỂM',
    nameLabel: 'Tên bảng',
    hint: 'Loại: Nhóm, Định tính, Định lượng, Cộng, Trừ, Điều kiện. Cách tính (định lượng): tỷ lệ, đạt, ngược, dẫn đầu. Mã theo cấp: I, I.1, I.1.a. Thêm dòng ở bất cứ đâu rồi chạy lại Khởi tạo: điểm đã nhập giữ nguyên theo mã.',
    header: ['Mã', 'Nội dung', 'Loại', 'Điểm chuẩn', 'Chỉ tiêu', 'Đơn vị tính', 'Cách tính'],
  },

  unit: {
    /** Parse key: a tab whose first cell reads so is a unit tab (set-up and load match it). */
    title: (year: number): ParseKey => `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${year}`,
    unitLabel: 'Đơn vị:',
    statusLabel: 'Trạng thái:',
    /** Parse keys: parseUnitTab refuses a tab whose header row does not read so. */
    header: ['Mã', 'Nội dung', 'Loại', 'Điểm chuẩn', 'Chỉ tiêu', 'Kết quả', 'Tự chấm', 'Giải trình', 'Minh chứng', 'Chấm chéo', 'Thống nhất', 'Ghi chú', 'Điểm tính'] as ParseKey[],
    /** Parse key: the line above the rows kept from criteria no longer in Tiêu chí. */
    orphanHeader: 'Dòng không còn trong bảng Tiêu chí (giữ lại số liệu đã nhập):' as ParseKey,
    /** Parse key: typed by people in a score or result cell. */
    notApplicable: 'Không giao' as ParseKey,
    /** Parse keys: written in a condition row, read back as "co" / "khong" (vetoValue). */
    vetoYes: 'Có' as ParseKey,
    vetoNo: 'Không' as ParseKey,
    status: {
      open: 'Đang nhập',
      submitted: (at: string, by: string) => `Đã nộp lúc ${at} (${by}): cột tự chấm đã khóa`,
      // A reason typed with its own full stop gets no second one.
      returned: (reason: string, by: string) => `Trả lại (${by}): ${reason}${/[.!?…]$/.test(reason.trim()) ? '' : '.'} Sửa rồi nộp lại.`,
      reopened: (by: string) => `Mở lại để sửa (${by})`,
      closed: 'Đã chốt kết quả: chỉ xem',
    },
    help: {
      scoreAny: 'Nhập số từ 0 đến điểm chuẩn (cột D); dòng điều kiện: "Có" (vi phạm) hoặc "Không"; tiêu chí không giao cho đơn vị: "Không giao"',
      veto: 'Chọn "Có" (vi phạm) hoặc "Không"',
      result: 'Nhập kết quả (số), hoặc "Không giao"',
    },
  },

  summary: {
    title: (cluster: string, year: number) => `TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM ${year} — ${cluster}`,
    /** `incomplete`: "Tây Ninh (chưa nộp bảng tự chấm)" per unit whose figures are incomplete. */
    computedAt: (at: string, by: string, problems: number, incomplete: readonly string[] = []) =>
      `Tính lúc ${at} (${by}). ` +
      (problems === 0 ? '' : `Còn ${problems} lỗi cần sửa: xem bảng điều khiển hoặc cuối trang này. `) +
      (incomplete.length === 0
        ? problems === 0 ? 'Số liệu đầy đủ.' : ''
        : `Số liệu chưa đầy đủ: ${incomplete.join('; ')}. Hạng của các đơn vị này là tạm xếp; chưa đề nghị danh hiệu trừ khi cụm trưởng ghi lý do xét tiếp.`).trimEnd(),
    notComputed: 'Chưa tính điểm: chọn Thi đua → Tính điểm & xếp hạng.',
    header: [
      'Hạng', 'Đơn vị', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Điểm xếp hạng', 'Nguồn điểm xếp hạng', 'Chênh lệch (tự chấm − điểm xếp hạng)',
      'Điểm tối đa', 'Tỷ lệ %', 'Xếp loại', 'Số liệu', 'Đủ điều kiện', 'Danh hiệu đề nghị', 'Lý do đề nghị / không đề nghị', 'Bảng tự chấm',
    ],
    /** Where the score that counts came from. */
    source: { self: 'Tự chấm', crossCheck: 'Chấm chéo', final: 'Thống nhất' } as Record<string, string>,
    noSource: 'Chưa chấm',
    complete: 'Đầy đủ',
    incomplete: (reasons: string) => `Chưa đầy đủ (${reasons}): hạng tạm xếp`,
    proceeded: (reasons: string, reason: string) => `Chưa đầy đủ (${reasons}); cụm trưởng cho xét tiếp: ${reason}`,
    incompleteUnit: (unit: string, reasons: string) => `${unit} (${reasons})`,
    sectionHeader: (code: string) => `Mục ${code}`,
    eligible: 'Đủ',
    notEligible: 'Không',
    awaitingBallot: (name: string) => `${name} (chờ bình xét)`,
    ballotTitle: 'KẾT QUẢ BÌNH XÉT',
    ballotHeader: ['Danh hiệu', 'Đơn vị', 'Số phiếu đồng ý', 'Tỷ lệ %', 'Ngưỡng %', 'Đạt'],
    passed: 'Đạt',
    notPassed: 'Chưa đạt',
    problemsTitle: 'LỖI CẦN SỬA',
    problemsHeader: ['Trang', 'Ô', 'Nội dung'],
    moreProblems: (n: number) => `… và ${n} lỗi khác (xem bảng điều khiển)`,
    submission: {
      open: 'Đang nhập',
      submitted: 'Đã nộp',
      returned: 'Bị trả lại',
      closed: 'Đã chốt',
    },
  },

  ballot: {
    title: 'KẾT QUẢ BỎ PHIẾU BÌNH XÉT, SUY TÔN',
    hint: 'Mỗi dòng một danh hiệu. Ghi số phiếu; ở cột của từng đơn vị ghi số phiếu đồng ý (để trống nếu không là ứng viên). Kết quả % xem ở trang Tổng hợp.',
    header: ['Mã danh hiệu', 'Danh hiệu', 'Phiếu phát ra', 'Phiếu thu về', 'Hợp lệ', 'Không hợp lệ'],
  },

  ballotText: {
    returnedOverIssued: (returned: number, issued: number) => `Số phiếu thu về (${returned}) nhiều hơn số phiếu phát ra (${issued})`,
    validPlusInvalid: (valid: number, invalid: number, returned: number) =>
      `Phiếu hợp lệ (${valid}) cộng phiếu không hợp lệ (${invalid}) khác số phiếu thu về (${returned})`,
    votesOverValid: (votes: number, valid: number) => `Số phiếu đồng ý (${votes}) nhiều hơn số phiếu hợp lệ (${valid})`,
  },

  log: {
    header: ['Thời gian', 'Năm', 'Người thực hiện', 'Thao tác', 'Trang', 'Ô', 'Giá trị cũ', 'Giá trị mới', 'Ghi chú'],
    actions: {
      setup: 'Khởi tạo năm thi đua',
      recompute: 'Tính điểm & xếp hạng',
      submit: 'Nộp bảng tự chấm',
      returned: 'Trả lại bảng tự chấm',
      reopen: 'Mở lại bảng tự chấm',
      close: 'Chốt kết quả',
      ballot: 'Ghi kết quả bình xét',
      copyYear: 'Sao sang năm mới',
      reopenYear: 'Mở lại năm đã chốt',
      allowReopen: 'Cho phép cụm trưởng mở lại năm đã chốt',
      proceed: 'Ghi lý do xét tiếp đơn vị chưa đầy đủ số liệu',
      edit: 'Sửa ô',
      problems: 'Lỗi số liệu',
      refused: 'Bị từ chối',
    },
    problemsNote: (n: number, first: string) => (n === 1 ? first : `${n} lỗi, đầu tiên: ${first}`),
    multiCell: (cells: number) => `Dán/sửa ${cells} ô cùng lúc`,
    undone: 'Đã hoàn lại giá trị cũ: người sửa không còn quyền ở ô này (đã nộp hoặc đã chốt)',
    /** Why an edit was taken back, for the cell's note and the panel. */
    refusedWhy: {
      closed: (year: number) => `năm ${year} đã chốt kết quả, không ai sửa được nữa`,
      submitted: (unit: string) => `bảng tự chấm của ${unit} đã nộp; muốn sửa, nhờ cụm trưởng trả lại hoặc mở lại bảng`,
      other: 'bạn không còn quyền sửa ô này',
    },
    /** The note left on a cell edited through a right being taken (kept: Google did not say who typed). */
    lateNote: (at: string) =>
      `Ô này được sửa lúc ${at}, sau khi bảng đã nộp hoặc năm đã chốt: giá trị được giữ nhưng cần cụm trưởng kiểm tra; từ nay ô đã khóa.`,
    /** The note left on a cell whose edit was taken back (the person who typed sees it there). */
    refusedNote: (value: string, old: string, at: string, why: string) =>
      `Giá trị ${value === '' ? '(ô trống)' : value} nhập lúc ${at} đã bị hoàn lại thành ${old === '' ? '(ô trống)' : old}: ${why}.`,
    lateBlock: (cells: number) =>
      `Dán ${cells} ô ngay sau khi đã nộp hoặc đã chốt: Google không cho biết giá trị cũ của vùng dán nên không hoàn lại được, cần kiểm tra; quyền sửa đã được thu lại`,
    /** Who, when Google does not tell the owner's trigger who edited (consumer accounts). */
    unknownEditor: 'không rõ người sửa (Google không cho biết)',
    historyHint: 'Xem ai đã sửa: chuột phải vào ô → Hiển thị lịch sử chỉnh sửa',
    lateCell:
      'Sửa ngay sau khi đã nộp hoặc đã chốt, lúc quyền sửa chưa kịp thu lại: không rõ ai sửa nên không hoàn lại, cần kiểm tra; quyền sửa đã được thu lại',
  },

  snapshot: {
    header: ['Năm', 'Chốt lúc', 'Người chốt', 'Số phần', 'Dữ liệu (JSON)'],
  },

  problems: {
    // Cấu hình
    missingTab: (tab: string) => `Thiếu trang "${tab}": chạy "Khởi tạo năm thi đua" để tạo lại`,
    missingGeneral: (label: string) => `Chưa nhập "${label}"`,
    badYear: (value: unknown) => `Năm ${quote(value)} không hợp lệ: nhập năm bốn chữ số, ví dụ 2025`,
    unknownLeader: (role: string, value: string) => `${role} "${value}" không có trong danh sách đơn vị thành viên`,
    noUnits: 'Chưa có đơn vị thành viên nào',
    duplicateUnit: (name: string, firstA1: string) => `Đơn vị "${name}" đã có ở ô ${firstA1}: mỗi đơn vị chỉ ghi một lần`,
    unitWithoutShortName: 'Dòng có dữ liệu nhưng chưa có tên viết tắt của đơn vị',
    badShortName: (name: string) =>
      `Tên viết tắt "${name}" không dùng làm tên trang được: không chứa các ký tự [ ] * ? : / \\ và dài không quá 90 ký tự`,
    reservedShortName: (name: string) => `Tên viết tắt "${name}" trùng tên một trang của add-on: đặt tên khác`,
    badEmail: (value: string) => `"${value}" không phải là địa chỉ e-mail`,
    noEmail: (unit: string) => `Đơn vị "${unit}" chưa có e-mail đầu mối: chưa ai của đơn vị nhập điểm được`,
    unknownTitle: (value: string) => `Danh hiệu "${value}" không có trong bảng Danh hiệu`,
    badPercent: (label: string, value: unknown) => `"${label}" phải là số từ 0 đến 100, đang là ${quote(value)}`,
    badCap: (label: string, value: unknown) => `"${label}" phải là số không âm hoặc để trống, đang là ${quote(value)}`,
    badChoice: (label: string, value: unknown, choices: readonly string[]) =>
      `"${label}" không nhận ${quote(value)}: chọn ${listNames(choices)}`,
    badTieBreak: (value: string) => `Ưu tiên "${value}" không phải là mã tiêu chí hay "Tập thể nữ"`,
    badBand: (value: unknown) => `Mức xếp loại ${quote(value)} phải là số từ 0 đến 100`,
    noBands: 'Chưa có mức xếp loại nào',
    badQuota: (value: unknown) => `Số lượng ${quote(value)} phải là số nguyên không âm hoặc để trống (không giới hạn)`,
    badYesNo: (value: unknown) => `${quote(value)}: ghi "Có" hoặc "Không"`,
    duplicateTitle: (id: string) => `Mã danh hiệu "${id}" bị trùng`,
    unknownBand: (value: string) => `Xếp loại "${value}" không có trong bảng Xếp loại`,
    teamDuplicate: (email: string) => `E-mail "${email}" đã có trong đoàn kiểm tra chéo`,

    // Tiêu chí
    emptyCriteria: 'Bảng tiêu chí chưa có dòng nào',
    missingCode: 'Dòng có nội dung nhưng chưa có mã tiêu chí',
    duplicateCode: (code: string, firstA1: string) => `Mã "${code}" đã có ở ô ${firstA1}: mỗi mã chỉ dùng một lần`,
    badCode: (code: string) => `Mã "${code}" có ký tự không hợp lệ`,
    unknownKind: (value: unknown) =>
      `Loại ${quote(value)} không rõ: chọn Nhóm, Định tính, Định lượng, Cộng, Trừ hoặc Điều kiện`,
    unknownRule: (value: unknown) => `Cách tính ${quote(value)} không rõ: chọn tỷ lệ, đạt, ngược hoặc dẫn đầu`,
    badMax: (value: unknown) => `Điểm chuẩn ${quote(value)} phải là số không âm`,
    missingMax: 'Chưa có điểm chuẩn: nhập số điểm tối đa của tiêu chí này (tiêu chí không có điểm thì chọn loại "Nhóm" hoặc "Điều kiện")',
    badTarget: (message: string) => `Chỉ tiêu: ${message}`,

    // Unit tabs
    tabRenamed: (unit: string, was: string, now: string) =>
      `Trang chấm điểm của đơn vị "${unit}" đã bị đổi tên từ "${was}" thành "${now}": đổi lại tên "${was}" (số liệu vẫn còn trong trang)`,
    tabMissing: (unit: string, name: string) =>
      `Không tìm thấy trang "${name}" của đơn vị "${unit}": trang đã bị xóa hoặc đổi tên. Khôi phục trang (Tệp → Nhật ký phiên bản) hoặc chạy lại Khởi tạo để tạo trang trống`,
    tabRecreated: (unit: string, name: string) => `Trang "${name}" của đơn vị "${unit}" bị mất và đã được tạo lại (trống)`,
    tabForeign: (name: string) =>
      `Đã có trang "${name}" nhưng không đúng mẫu bảng chấm điểm: add-on không ghi đè. Đổi tên trang đó hoặc đổi tên viết tắt của đơn vị`,
    lateEdit: (by: string, at: string) =>
      `Vùng này bị ${by || 'một người (Google không cho biết ai)'} sửa đè lúc ${at}, ngay sau khi đã nộp hoặc đã chốt; không hoàn lại tự động được. Cụm trưởng đối chiếu với Nhật ký và lịch sử chỉnh sửa của ô (chuột phải → Hiển thị lịch sử chỉnh sửa), hoặc trả lại bảng để đơn vị sửa và nộp lại`,
    headerChanged: (sheet: string) =>
      `Dòng tiêu đề của trang "${sheet}" đã bị sửa hoặc cột bị chèn/xóa: khôi phục tiêu đề gốc rồi chạy lại`,
    notNumber: (what: string, message: string) => `${what}: ${message}`,
    unknownUnitCode: (code: string) => `Mã "${code}" không có trong bảng Tiêu chí`,
    duplicateUnitCode: (code: string, firstA1: string) => `Mã "${code}" đã có ở ô ${firstA1}`,
    overMax: (what: string, value: number, max: number) => `${what} ${num(value)} vượt điểm chuẩn ${num(max)}`,
    negative: (what: string, value: number) => `${what} ${num(value)} không được âm`,
    vetoValue: (value: unknown) => `${quote(value)}: dòng điều kiện chỉ nhận "Có" (vi phạm) hoặc "Không"`,
    groupScored: (code: string) => `"${code}" là dòng nhóm: điểm của nhóm tự cộng từ các mục con, không nhập ở đây`,
    unscored: 'Chưa chấm',
    orphanValues: (code: string) =>
      `Mã "${code}" đã bị xóa khỏi bảng Tiêu chí nhưng còn số liệu: số liệu được giữ ở cuối trang, không được tính`,
    fieldLabel: {
      result: 'Kết quả',
      self: 'Điểm tự chấm',
      crossCheck: 'Điểm chấm chéo',
      final: 'Điểm thống nhất',
    },

    // Bình xét
    ballotUnknownTitle: (value: string) => `Danh hiệu "${value}" không có trong bảng Danh hiệu ở trang Cấu hình`,
    ballotUnknownUnit: (value: string) => `Cột "${value}" không phải là đơn vị thành viên`,
    ballotNotCount: (value: unknown) => `${quote(value)} phải là số phiếu (số nguyên không âm)`,
  },

  actions: {
    busy: 'Đang có người tính điểm, vui lòng thử lại sau ít phút',
    busySetup: 'Đang có người thao tác trên bảng thi đua, vui lòng thử lại sau ít phút',
    notSetUp: 'Chưa khởi tạo năm thi đua: chọn Thi đua → Khởi tạo năm thi đua',
    closed: (year: number) => `Năm ${year} đã chốt kết quả: không sửa được nữa`,
    notClosed: (year: number) => `Năm ${year} chưa chốt kết quả: chốt trước khi sao sang năm mới`,
    unknownUnit: (unit: string) => `Không có đơn vị "${unit}"`,
    onlyLeader: 'Chỉ cụm trưởng làm được việc này',
    onlyLeaderOrOwner: 'Chỉ cụm trưởng (hoặc chủ sở hữu bảng tính) làm được việc này',
    onlyOwnUnit: (unit: string) => `Chỉ đầu mối của đơn vị "${unit}" hoặc cụm trưởng nộp được bảng này`,
    alreadySubmitted: (unit: string) => `Đơn vị "${unit}" đã nộp bảng tự chấm`,
    notSubmitted: (unit: string) => `Đơn vị "${unit}" chưa nộp bảng tự chấm`,
    submitRefused: (unit: string, n: number) => `Chưa nộp được bảng của "${unit}": còn ${n} dòng chưa chấm hoặc sai`,
    reasonRequired: 'Cần ghi lý do trả lại',
    setupRefused: (n: number) => `Chưa khởi tạo được: có ${n} lỗi cần sửa trước`,
    recomputeRefused: (n: number) => `Chưa tính được: có ${n} lỗi làm kết quả sai (trang bị mất, tiêu đề bị sửa)`,
    setupDone: (units: number, criteria: number) => `Đã khởi tạo: ${units} đơn vị, ${criteria} dòng tiêu chí`,
    setupPartDone: (done: number, total: number, criteria: number, scheduled: boolean) =>
      `Đã khởi tạo ${done}/${total} đơn vị, ${criteria} dòng tiêu chí; ` + (scheduled
        ? 'phần còn lại tự tiếp tục sau khoảng một giờ (Google chỉ cho add-on tự chạy mỗi giờ một lần), hoặc bấm Tiếp tục khởi tạo để làm ngay'
        : 'Google chưa cho hẹn giờ chạy tiếp: bấm Tiếp tục khởi tạo trong bảng điều khiển để làm phần còn lại'),
    setupPart: (done: number, total: number, scheduled: boolean) =>
      `đã xong ${done}/${total} đơn vị, ` + (scheduled ? 'phần còn lại tự tiếp tục sau khoảng một giờ' : 'chưa hẹn giờ chạy tiếp được'),
    setupNothingToContinue: 'Không còn phần khởi tạo nào cần tiếp tục',
    recomputeDone: (units: number, problems: number) =>
      problems === 0 ? `Đã tính điểm và xếp hạng ${units} đơn vị` : `Đã tính điểm ${units} đơn vị; còn ${problems} lỗi cần sửa`,
    submitDone: (unit: string) => `Đã nộp bảng tự chấm của "${unit}"`,
    submitDonePending: (unit: string) =>
      `Đã nộp bảng tự chấm của “${unit}”. Cột tự chấm sẽ khóa ở lần sửa ô kế tiếp trong bảng tính hoặc khi cụm trưởng chạy một thao tác (Google không cho khóa ngay với chính người vừa nộp); điểm sửa sau khi nộp được ghi chú trên ô và báo cho cụm trưởng.`,
    returnDone: (unit: string) => `Đã trả lại bảng của "${unit}"`,
    proceedReasonRequired: 'Cần ghi lý do xét tiếp',
    proceedDone: (unit: string) =>
      `Đã ghi lý do xét tiếp "${unit}" vào Nhật ký. Bấm Tính điểm & xếp hạng để Tổng hợp và các văn bản dùng lý do này.`,
    proceedWithdrawn: (unit: string) => `Đã bỏ lý do xét tiếp "${unit}": đơn vị lại chưa được đề nghị danh hiệu cho đến khi đủ số liệu.`,
    proceedWithdrawnNote: 'Bỏ lý do xét tiếp',
    reopenDone: (unit: string) => `Đã mở lại bảng của "${unit}"`,
    closeDone: (year: number) => `Đã chốt kết quả năm ${year}`,
    closeRefused: (n: number) => `Chưa chốt được: còn ${n} lỗi cần sửa`,
    ballotDone: (title: string, passed: readonly string[], failed: readonly string[]) =>
      `Đã ghi kết quả bình xét "${title}": ${passed.length > 0 ? `đạt — ${passed.join(', ')}` : 'không đơn vị nào đạt'}${failed.length > 0 ? `; không đạt — ${failed.join(', ')}` : ''}.`,
    copyDone: (from: number, to: number) => `Đã sao tiêu chí và đơn vị năm ${from} sang năm ${to}`,
    notGoogleAccount: (email: string) =>
      `"${email}" không phải tài khoản Google: Sheets không cho người này quyền sửa vùng nào. Sửa địa chỉ trong Cấu hình (địa chỉ Gmail hoặc tài khoản Google của cơ quan) rồi chạy lại Khởi tạo`,
    onlyOwner: (owner: string) => `Chỉ chủ sở hữu bảng tính${owner ? ` (${owner})` : ''} làm được việc này`,
    notClosedYet: (year: number) => `Năm ${year} chưa chốt kết quả`,
    reopenNeedsOwner: (owner: string) =>
      `Năm đã chốt chỉ mở lại được khi chủ sở hữu bảng tính${owner ? ` (${owner})` : ''} tự mở lại, hoặc bấm "Cho phép cụm trưởng mở lại" trước`,
    reopenYearDone: (year: number) => `Đã mở lại năm ${year}: các đơn vị nhập và sửa được như trước khi chốt`,
    reopenWaitsForOwner: (year: number) =>
      `Đã mở lại năm ${year}; quyền nhập trên các trang sẽ có lại khi chủ sở hữu bảng tính mở bảng điều khiển Thi đua hoặc sửa một ô (chỉ chủ sở hữu gỡ được khóa của năm đã chốt)`,
    reopenAllowedDone: (year: number) => `Đã cho phép cụm trưởng mở lại năm ${year} (một lần)`,
    waitingForOwner:
      'Có thay đổi quyền chỉ chủ sở hữu bảng tính làm được (gỡ khóa năm đã chốt, trả quyền nhập): sẽ xong khi chủ sở hữu mở bảng điều khiển Thi đua hoặc sửa một ô',
    copyYearInvalid: (to: unknown, from: number) => `Năm mới ${quote(to)} phải lớn hơn ${from}`,
    unexpected: (message: string) => `Có lỗi bất ngờ: ${message}. Chạy lại thao tác (chạy lại an toàn, không ghi trùng); nếu còn lỗi, báo cho người quản trị.`,
    noAuditTrigger: 'Chỉ chủ sở hữu bảng tính cài được trình ghi nhật ký tự động: nhờ chủ sở hữu chạy lại Khởi tạo một lần',
    auditTriggerRefused: 'Google chưa cho cài trình ghi nhật ký tự động (mỗi người chỉ có tối đa 20 trình kích hoạt): xóa bớt trình kích hoạt cũ rồi chạy lại Khởi tạo',
    badConfig: 'Dữ liệu khởi tạo không hợp lệ',
    yearChanged: (was: number, now: number) =>
      `Năm trong Cấu hình (${now}) khác năm đã khởi tạo (${was}): sửa lại năm, hoặc chốt năm ${was} rồi dùng "Sao sang năm mới"`,
    noCriteria: 'Chưa có bảng tiêu chí: chọn bảng mẫu hoặc nhập vào trang Tiêu chí',
  },

  rightsLabels: {
    config: 'Cấu hình: chỉ cụm trưởng sửa',
    criteria: 'Tiêu chí: chỉ cụm trưởng sửa',
    ballot: 'Bình xét: chỉ cụm trưởng sửa',
    summary: 'Tổng hợp: do add-on ghi khi tính điểm',
    log: 'Nhật ký: chỉ ghi thêm, không sửa',
    snapshot: 'Lưu trữ kết quả đã chốt: không sửa',
    closedLock: (sheet: string) => `${sheet}: năm đã chốt, chỉ chủ sở hữu bảng tính sửa`,
    unitSheet: (unit: string) => `${unit}: tiêu chí và điểm tính do add-on ghi`,
    unitArea: {
      unit: (unit: string) => `${unit}: kết quả, tự chấm, giải trình, minh chứng (đầu mối đơn vị, cụm trưởng)`,
      crossCheck: (unit: string) => `${unit}: chấm chéo (đoàn kiểm tra chéo, cụm trưởng)`,
      final: (unit: string) => `${unit}: điểm thống nhất (cụm trưởng)`,
      note: (unit: string) => `${unit}: ghi chú (đoàn kiểm tra chéo, cụm trưởng)`,
    },
  },

  roles: {
    owner: 'Chủ sở hữu bảng tính',
    leader: 'Cụm trưởng',
    unit: (unit: string) => `Đầu mối đơn vị ${unit}`,
    crossCheck: 'Đoàn kiểm tra chéo',
    viewer: 'Chỉ xem',
  },
} as const;
