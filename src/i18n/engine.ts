/**
 * Vietnamese text of the scoring engine: problems it reports, the default titles and legal bases
 * (data that changes with the law), and the words of the sample tables and cluster.
 */
import type { Phase } from '../core/model';
import { num, quote } from './core';

/** How each phase is named in a message. */
const PHASE_LABEL: Record<Phase, string> = {
  self: 'tự chấm',
  crossCheck: 'chấm chéo',
  final: 'thống nhất',
};

/** Ballot counts as named on the minutes. */
const BALLOT_FIELD_LABEL = {
  issued: 'phát ra',
  returned: 'thu về',
  valid: 'hợp lệ',
  invalid: 'không hợp lệ',
} as const;

/** Lists names for a message: "A", "B" và "C". */
function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} và ${quoted[quoted.length - 1]}`;
}

/** Messages of the engine, by module, and the default titles and legal bases. */
export const engineText = {
  phase: PHASE_LABEL,
  ballotField: BALLOT_FIELD_LABEL,

  criteria: {
    emptyCode: (content: string) => `Dòng tiêu chí ${quote(content)} chưa có mã`,
    duplicateCode: (code: string) => `Mã "${code}" bị trùng: chỉ dòng đầu tiên được tính`,
    missingParent: (code: string, parent: string) => `Mã "${code}" không có mục cha "${parent}" trong bảng tiêu chí`,
    parentNotGroup: (parent: string, child: string) =>
      `"${parent}" có mục con "${child}" nên phải thuộc loại Nhóm (điểm của nhóm là tổng các mục con)`,
    emptyGroup: (code: string) => `Nhóm "${code}" không có tiêu chí con nào`,
    badMax: (code: string, value: unknown) => `Điểm chuẩn của "${code}" phải là số không âm, đang là ${quote(value)}`,
    missingTarget: (code: string, rule: string) =>
      `Tiêu chí định lượng "${code}" (cách tính ${rule}) chưa có chỉ tiêu: nhập chỉ tiêu chung hoặc chỉ tiêu riêng của từng đơn vị`,
    badTarget: (code: string, rule: string, value: unknown, zeroAllowed = false) =>
      `Chỉ tiêu của "${code}" phải là số ${zeroAllowed ? 'từ 0 trở lên' : 'lớn hơn 0'} với cách tính ${rule}, đang là ${quote(value)}`,
    nonFiniteTarget: (code: string, value: unknown) => `Chỉ tiêu của "${code}" không phải là số hữu hạn: ${quote(value)}`,
  },

  scoring: {
    unknownCode: (code: string) => `Mã "${code}" không có trong bảng tiêu chí`,
    missingCode: 'Dòng điểm có số liệu nhưng chưa có mã tiêu chí',
    duplicateEntry: (code: string) => `Tiêu chí "${code}" được nhập hai lần cho cùng đơn vị: chỉ dòng đầu tiên được tính`,
    notFinite: (phase: Phase, value: unknown) => `Điểm ${PHASE_LABEL[phase]} ${quote(value)} không phải là số hữu hạn`,
    overMax: (phase: Phase, value: number, max: number) => `Điểm ${PHASE_LABEL[phase]} ${num(value)} vượt điểm chuẩn ${num(max)}`,
    negative: (phase: Phase, value: number) => `Điểm ${PHASE_LABEL[phase]} ${num(value)} không được âm`,
    deductionOverMax: (phase: Phase, value: number, max: number) =>
      `Điểm trừ (${PHASE_LABEL[phase]}) ${num(value)} vượt mức trừ tối đa ${num(max)}`,
    vetoValue: (phase: Phase, value: unknown) =>
      `Điều kiện (${PHASE_LABEL[phase]}) chỉ nhận 1 (vi phạm) hoặc 0 (không vi phạm), đang là ${quote(value)}`,
    badResult: (value: unknown) => `Kết quả ${quote(value)} phải là số không âm`,
    badUnitTarget: (rule: string, value: unknown, zeroAllowed = false) =>
      `Chỉ tiêu riêng của đơn vị phải là số ${zeroAllowed ? 'từ 0 trở lên' : 'lớn hơn 0'} với cách tính ${rule}, đang là ${quote(value)}`,
    notScored: 'Chưa chấm: chưa có điểm tự chấm hoặc kết quả',
    unitNotScored: 'Đơn vị chưa tự chấm điểm',
  },

  eligibility: {
    // Reasons quote in full: they go into the minutes.
    vetoViolated: (code: string, content: string) => `Vi phạm điều kiện ${code} "${content}"`,
    deferred: (reason: string) => `Tạm hoãn xét khen thưởng: "${reason}"`,
  },

  ballot: {
    unknownTitle: (titleId: string) => `Phiếu bầu cho danh hiệu "${titleId}" không có trong quy định thi đua`,
    duplicate: (title: string) => `Danh hiệu "${title}" có hai kết quả bỏ phiếu: chỉ kết quả đầu tiên được tính`,
    notCount: (title: string, field: keyof typeof BALLOT_FIELD_LABEL, value: unknown) =>
      `Bỏ phiếu "${title}": số phiếu ${BALLOT_FIELD_LABEL[field]} phải là số nguyên không âm, đang là ${quote(value)}`,
    returnedOverIssued: (title: string, returned: number, issued: number) =>
      `Bỏ phiếu "${title}": số phiếu thu về (${returned}) nhiều hơn số phiếu phát ra (${issued})`,
    validPlusInvalid: (title: string, valid: number, invalid: number, returned: number) =>
      `Bỏ phiếu "${title}": phiếu hợp lệ (${valid}) cộng phiếu không hợp lệ (${invalid}) khác số phiếu thu về (${returned})`,
    badVotes: (title: string, candidate: string, value: unknown) =>
      `Bỏ phiếu "${title}": số phiếu đồng ý của "${candidate}" phải là số nguyên không âm, đang là ${quote(value)}`,
    votesOverValid: (title: string, candidate: string, votes: number, valid: number) =>
      `Bỏ phiếu "${title}": "${candidate}" có ${votes} phiếu đồng ý, nhiều hơn số phiếu hợp lệ (${valid})`,
    unknownCandidate: (title: string, candidate: string) =>
      `Bỏ phiếu "${title}": "${candidate}" không phải là đơn vị thành viên của cụm`,
  },

  titles: {
    leaderTie: (title: string, units: readonly string[]) =>
      `Chưa đề nghị "${title}": ${listNames(units)} cùng xếp thứ nhất; cần thêm tiêu chí phụ để phân định`,
    quotaTie: (title: string, units: readonly string[], left: number) =>
      `Chưa đề nghị "${title}" cho ${listNames(units)}: các đơn vị cùng thứ hạng nhưng chỉ còn ${left} suất; cần thêm tiêu chí phụ để phân định`,
    unknownRegistered: (title: string) => `Danh hiệu đăng ký ${quote(title)} không có trong quy định thi đua`,
  },

  /** Why a unit is or is not proposed: one short sentence each, printed in the report. */
  proposalReason: {
    proposed: (title: string, classification: string) => `Đề nghị ${title}: đã đăng ký danh hiệu, xếp loại ${classification}`,
    awaitingBallot: (title: string) => `Đủ điều kiện đề nghị ${title}, chờ kết quả bỏ phiếu`,
    proceeded: (reason: string) => `số liệu chưa đầy đủ, cụm trưởng cho xét tiếp: "${reason}"`,
    incomplete: (reasons: string) => (reasons ? `Chưa đề nghị: số liệu chưa đầy đủ (${reasons})` : 'Chưa đề nghị: số liệu chưa đầy đủ'),
    ineligible: (reasons: string) => (reasons ? `Không đề nghị: ${reasons}` : 'Không đề nghị: không đủ điều kiện xét danh hiệu'),
    notRegistered: 'Không đề nghị: chưa đăng ký danh hiệu thi đua',
    belowClassification: (classification: string) => `Không đề nghị: xếp loại ${classification} chưa đạt mức của danh hiệu đã đăng ký`,
    ballotFailed: (title: string) => `Không đề nghị ${title}: chưa đạt tỷ lệ phiếu đồng ý cần thiết`,
    notLeader: (title: string) => `Không đề nghị ${title}: danh hiệu chỉ dành cho đơn vị dẫn đầu cụm`,
    quotaFull: (title: string) => `Không đề nghị ${title}: đã hết chỉ tiêu của cụm`,
    tie: (title: string) => `Chưa đề nghị ${title}: cùng thứ hạng với đơn vị khác, cần tiêu chí phụ để phân định`,
  },

  completeness: {
    notSubmitted: 'chưa nộp bảng tự chấm',
    unscored: (n: number) => `còn ${n} dòng chưa chấm`,
  },

  rules: {
    noBands: 'Quy định thi đua chưa có mức xếp loại nào',
    badThreshold: (value: unknown) => `Tỷ lệ phiếu đồng ý cần đạt phải từ 0 đến 100 %, đang là ${quote(value)}`,
    badCap: (which: 'bonus' | 'deduction', value: unknown) =>
      `Mức ${which === 'bonus' ? 'cộng' : 'trừ'} tối đa phải là số không âm, đang là ${quote(value)}`,
    badQuota: (title: string, value: unknown) => `Số suất của "${title}" phải là số nguyên không âm, đang là ${quote(value)}`,
    duplicateTitle: (titleId: string) => `Mã danh hiệu "${titleId}" bị trùng`,
    unknownMinClassification: (title: string, label: string) =>
      `Danh hiệu "${title}" yêu cầu xếp loại ${quote(label)} không có trong các mức xếp loại`,
  },

  engine: {
    duplicateUnit: (unitId: string) => `Đơn vị "${unitId}" có tên trùng trong danh sách: chỉ dòng đầu tiên được tính`,
    unknownUnit: (unitId: string) => `"${unitId}" có điểm nhưng không có trong danh sách đơn vị của cụm`,
    duplicateScores: (unitId: string) => `Đơn vị "${unitId}" có hai bộ điểm: chỉ bộ đầu tiên được tính`,
    unknownTieBreak: (code: string) => `Tiêu chí phụ để xếp hạng "${code}" không có trong bảng tiêu chí`,
    unknownClusterUnit: (role: 'leader' | 'deputy' | 'host', unitId: string) =>
      `${{ leader: 'Cụm trưởng', deputy: 'Cụm phó', host: 'Đơn vị đăng cai' }[role]} "${unitId}" không có trong danh sách đơn vị`,
  },

  /** Default collective titles, highest first (names as in the sector's decisions). */
  titleNames: {
    flag: 'Cờ thi đua của Viện kiểm sát nhân dân tối cao',
    excellent: 'Tập thể lao động xuất sắc',
    advanced: 'Tập thể lao động tiên tiến',
  },

  /** Legal bases (căn cứ) quoted in the documents, by period. */
  legalBases: {
    law2003:
      'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013',
    law2022: 'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022',
    decree91_2017:
      'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    decree98_2023:
      'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    decree152_2025:
      'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng',
    circular01_2019:
      'Thông tư số 01/2019/TT-VKSTC ngày 14 tháng 5 năm 2019 của Viện trưởng Viện kiểm sát nhân dân tối cao quy định công tác thi đua, khen thưởng trong ngành Kiểm sát nhân dân',
    circular02_2024:
      'Thông tư số 02/2024/TT-VKSTC ngày 12 tháng 8 năm 2024 của Viện trưởng Viện kiểm sát nhân dân tối cao quy định công tác thi đua, khen thưởng trong ngành Kiểm sát nhân dân',
  },
};

/** Words of the sample criteria table, the sample cluster and generated test data. */
export const sampleText = {
  tableName: (year: number) => `Bảng tiêu chí mẫu 100 điểm (VKSND cấp tỉnh, cần điều chỉnh theo giao ước của cụm) — năm ${year}`,
  generatedTableName: (rows: number) => `Bảng tiêu chí tổng hợp ${rows} tiêu chí (dữ liệu thử)`,
  generatedUnit: (n: number) => `Đơn vị thử ${String(n).padStart(3, '0')}`,
  generatedUnitName: (n: number) => `Viện kiểm sát nhân dân thử nghiệm số ${String(n).padStart(3, '0')}`,
  generatedHead: (n: number) => `Người đứng đầu số ${String(n).padStart(3, '0')}`,
  generatedGroup: (n: number) => `Nhóm tiêu chí ${n}`,
  generatedCriterion: (code: string) => `Tiêu chí ${code}`,
  generatedBonus: 'Điểm cộng',
  generatedDeduction: 'Điểm trừ',
  generatedVeto: 'Điều kiện xét danh hiệu',
  generatedCluster: 'Cụm thi đua thử nghiệm',

  /** Content of each row of the sample table, by code. */
  criteria: {
    I: 'Công tác chuyên môn nghiệp vụ',
    'I.1': 'Thực hành quyền công tố, kiểm sát việc giải quyết nguồn tin về tội phạm và kiểm sát điều tra',
    'I.1.1': 'Tỷ lệ giải quyết tố giác, tin báo về tội phạm và kiến nghị khởi tố',
    'I.1.2': 'Tỷ lệ truy tố đúng thời hạn',
    'I.1.3': 'Tỷ lệ án trả hồ sơ để điều tra bổ sung thuộc trách nhiệm của Viện kiểm sát',
    'I.1.4': 'Chủ động đề ra yêu cầu điều tra, phối hợp chặt chẽ với Cơ quan điều tra, không để oan, sai, bỏ lọt tội phạm',
    'I.2': 'Thực hành quyền công tố, kiểm sát xét xử các vụ án hình sự và kiểm sát giải quyết các vụ, việc dân sự, hành chính',
    'I.2.1': 'Tỷ lệ kháng nghị phúc thẩm được Tòa án chấp nhận',
    'I.2.2': 'Số phiên tòa rút kinh nghiệm được tổ chức',
    'I.2.3': 'Chất lượng tranh tụng tại phiên tòa; kiểm sát bản án, quyết định của Tòa án đầy đủ, kịp thời',
    'I.3': 'Kiểm sát tạm giữ, tạm giam, thi hành án',
    'I.3.1': 'Số kháng nghị, kiến nghị trong kiểm sát thi hành án dân sự, hành chính',
    'I.3.2': 'Kiểm sát việc tạm giữ, tạm giam và thi hành án hình sự theo đúng quy định',
    'I.3.3': 'Kiểm sát việc giải quyết khiếu nại, tố cáo trong hoạt động tư pháp',
    'I.4': 'Tiếp công dân, giải quyết đơn khiếu nại, tố cáo',
    'I.4.1': 'Tỷ lệ giải quyết đơn khiếu nại, tố cáo thuộc thẩm quyền',
    'I.4.2': 'Tiếp công dân đúng quy định, không để phát sinh khiếu kiện đông người, vượt cấp',
    II: 'Quản lý, chỉ đạo, điều hành',
    'II.1': 'Xây dựng và triển khai chương trình, kế hoạch công tác năm đúng thời hạn, có giải pháp đột phá',
    'II.2': 'Thực hiện quy chế làm việc, phân công, kiểm tra, hướng dẫn Viện kiểm sát cấp dưới',
    'II.3': 'Tỷ lệ báo cáo, thống kê định kỳ gửi đúng hạn, đúng biểu mẫu',
    III: 'Công tác hành chính tư pháp',
    'III.1': 'Công tác văn thư, lưu trữ, quản lý hồ sơ và ứng dụng công nghệ thông tin',
    'III.2': 'Quản lý tài chính, tài sản, đầu tư xây dựng đúng quy định, thực hành tiết kiệm, chống lãng phí',
    IV: 'Xây dựng Đảng, đoàn thể',
    'IV.1': 'Tổ chức đảng được đánh giá, xếp loại "Hoàn thành tốt nhiệm vụ" trở lên',
    'IV.2': 'Công đoàn, Đoàn Thanh niên được xếp loại vững mạnh; đơn vị đoàn kết, thực hiện tốt quy chế dân chủ',
    V: 'Công tác thi đua, khen thưởng',
    'V.1': 'Phát động, đăng ký, ký kết giao ước thi đua và sơ kết, tổng kết đúng thời hạn',
    'V.2': 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; tham gia đầy đủ hoạt động của Cụm thi đua',
    VI: 'Điểm cộng',
    'VI.1': 'Được tặng Cờ thi đua của Viện kiểm sát nhân dân tối cao năm trước',
    'VI.2': 'Có sáng kiến, giải pháp được Hội đồng sáng kiến công nhận',
    VII: 'Điểm trừ',
    'VII.1': 'Chậm gửi báo cáo, số liệu theo yêu cầu (trừ 1 điểm mỗi lần)',
    'VII.2': 'Có án bị hủy để điều tra, xét xử lại thuộc trách nhiệm của Viện kiểm sát (trừ 1 điểm mỗi vụ)',
    VIII: 'Điều kiện xét danh hiệu',
    'VIII.1': 'Có công chức, người lao động bị kỷ luật từ hình thức cảnh cáo trở lên',
    'VIII.2': 'Để xảy ra tham nhũng, tiêu cực trong đơn vị',
  } as Record<string, string>,

  units: {
    unit: 'đơn vị',
    percent: '%',
    case: 'vụ',
    session: 'phiên',
    document: 'văn bản',
  },

  cluster9: {
    name: 'Cụm thi đua số 9',
    slogan: (year: number) => `Đoàn kết, kỷ cương, khát vọng cống hiến, hoàn thành xuất sắc nhiệm vụ năm ${year}`,
    place: 'Bình Dương',
    headTitle: 'Viện trưởng',
    unitName: (province: string) => `Viện kiểm sát nhân dân tỉnh ${province}`,
    /** Provinces in the cluster, with fictional heads. */
    members: [
      { province: 'Bình Thuận', mail: 'binhthuan', head: 'Trần Minh Khoa' },
      { province: 'Bình Dương', mail: 'binhduong', head: 'Lê Thị Thu Hà' },
      { province: 'Bình Phước', mail: 'binhphuoc', head: 'Phạm Quốc Bảo' },
      { province: 'Bà Rịa – Vũng Tàu', mail: 'bariavungtau', head: 'Võ Thanh Tùng' },
      { province: 'Đồng Nai', mail: 'dongnai', head: 'Nguyễn Hoàng Long' },
      { province: 'Tây Ninh', mail: 'tayninh', head: 'Đặng Thị Mai Lan' },
    ],
    deferred: 'Đang trong thời gian xem xét kỷ luật',
  },
};
