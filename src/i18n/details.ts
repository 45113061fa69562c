/**
 * Vietnamese text of the document details kept in Cấu hình (signing date, the meeting, the
 * covenant's commitments) and of what a document still lacks before it can be signed.
 */
import type { ParseKey } from './parseKey';

export const detailsText = {
  /** Parse keys: rows of Cấu hình's general block, found by their label. */
  labels: {
    covenantDate: 'Ngày ký giao ước' as ParseKey,
    meetingStart: 'Thời gian họp bình xét (giờ, ngày)' as ParseKey,
    meetingVenue: 'Địa điểm họp bình xét' as ParseKey,
    chair: 'Chủ trì họp (họ tên, chức vụ)' as ParseKey,
    secretary: 'Thư ký họp (họ tên, chức vụ)' as ParseKey,
    attendees: 'Thành phần dự họp (mỗi dòng một người)' as ParseKey,
    opinions: 'Số ý kiến phát biểu, tham luận' as ParseKey,
    planDate: 'Ngày ban hành kế hoạch' as ParseKey,
    midYearMeeting: 'Thời gian họp sơ kết 6 tháng (giờ, ngày)' as ParseKey,
    midYearVenue: 'Hình thức, địa điểm họp sơ kết' as ParseKey,
  },
  /** Parse key: "Cam kết 1", "Cam kết 2" … one row per commitment of the covenant. */
  commitment: (n: number) => `Cam kết ${n}`,
  commitmentWord: 'Cam kết' as ParseKey,
  /** Parse key: "Nhiệm vụ 6 tháng cuối năm 1" … one row per task of the second half (báo cáo sơ kết). */
  task: (n: number) => `Nhiệm vụ 6 tháng cuối năm ${n}`,
  taskWord: 'Nhiệm vụ 6 tháng cuối năm' as ParseKey,

  /** The Phong trào thi đua block of Cấu hình (the plan's movements). */
  movements: {
    block: 'PHONG TRÀO THI ĐUA' as ParseKey,
    header: ['Tên phong trào', 'Loại (Thường xuyên / Chuyên đề)', 'Từ ngày (dd/mm/yyyy)', 'Đến ngày (dd/mm/yyyy)', 'Đơn vị / người phụ trách'] as const,
    kinds: { regular: 'Thường xuyên', thematic: 'Chuyên đề' } as Record<'regular' | 'thematic', ParseKey>,
    /** Other words read as a thematic movement. */
    thematicWords: ['Chuyên đề', 'Đợt', 'Ngắn hạn', 'Đợt ngắn hạn', 'Chuyên đề, đợt ngắn hạn', 'Cao điểm'] as ParseKey[],
    fromLabel: 'từ ngày',
    toLabel: 'đến ngày',
    noName: 'Dòng phong trào chưa có tên phong trào: ghi tên ở cột đầu, nếu không dòng này bị bỏ qua',
    unknownKind: (name: string, value: string) =>
      `Phong trào “${name}”: loại “${value}” không rõ, ghi “Thường xuyên” hoặc “Chuyên đề”; dòng này chưa được đưa vào kế hoạch`,
    badDate: (name: string, label: string, value: string) =>
      `Phong trào “${name}”: ${label} “${value}” không đọc được là ngày; ghi theo dạng dd/mm/yyyy, ví dụ 01/4/2021`,
    fromAfterTo: (name: string) => `Phong trào “${name}”: ngày bắt đầu sau ngày kết thúc`,
    thematicNoDates: (name: string) => `Phong trào chuyên đề “${name}” cần có từ ngày và đến ngày`,
  },

  badDate: (label: string, value: string) => `"${label}": "${value}" không đọc được là ngày; nhập như 25/3/2025`,
  badTime: (label: string, value: string) => `"${label}": "${value}" không đọc được là giờ và ngày; nhập như 08:00 16/11/2025`,
  badCount: (label: string, value: string) => `"${label}": "${value}" phải là số nguyên không âm`,
  basisUndated: (text: string) =>
    `Căn cứ "${text.length > 60 ? `${text.slice(0, 60)}…` : text}" không ghi ngày ban hành ("ngày … tháng … năm …"): không kiểm tra được văn bản nào được dẫn căn cứ này`,

  /** What a document lacks, one line each, located by cell. */
  missing: {
    place: 'Chưa có địa danh ghi ở dòng ngày tháng ("Địa danh")',
    covenantDate: 'Chưa có ngày ký giao ước',
    headName: (unit: string) => `Chưa có họ tên thủ trưởng ${unit}`,
    headTitle: (unit: string) => `Chưa có chức danh thủ trưởng ${unit}`,
    meetingStart: 'Chưa có thời gian họp bình xét',
    meetingVenue: 'Chưa có địa điểm họp bình xét',
    chair: 'Chưa có tên người chủ trì',
    secretary: 'Chưa có tên thư ký cuộc họp',
    opinions: 'Chưa có số ý kiến phát biểu, tham luận',
    planDate: 'Chưa có ngày ban hành kế hoạch',
    movements: 'Chưa có phong trào thi đua nào trong khối “Phong trào thi đua” của Cấu hình',
    movementDates: (name: string) => `Phong trào chuyên đề “${name}” chưa có từ ngày, đến ngày`,
    tasks: 'Chưa có nhiệm vụ 6 tháng cuối năm (các dòng “Nhiệm vụ 6 tháng cuối năm 1”, “Nhiệm vụ 6 tháng cuối năm 2” …)',
  },
  /** The generation message when details were missing: a draft was made instead. */
  draftMade: (n: number) =>
    `Văn bản còn thiếu ${n} thông tin nên được tạo là bản DỰ THẢO, chỗ thiếu để trống "…………". Điền vào trang Cấu hình (các ô đã liệt kê) rồi tạo lại để có bản chính thức.`,
  draftAsked: 'Đã tạo bản DỰ THẢO theo yêu cầu.',
};
