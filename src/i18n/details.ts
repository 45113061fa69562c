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
  },
  /** Parse key: "Cam kết 1", "Cam kết 2" … one row per commitment of the covenant. */
  commitment: (n: number) => `Cam kết ${n}`,
  commitmentWord: 'Cam kết' as ParseKey,

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
  },
  /** The generation message when details were missing: a draft was made instead. */
  draftMade: (n: number) =>
    `Văn bản còn thiếu ${n} thông tin nên được tạo là bản DỰ THẢO, chỗ thiếu để trống "…………". Điền vào trang Cấu hình (các ô đã liệt kê) rồi tạo lại để có bản chính thức.`,
  draftAsked: 'Đã tạo bản DỰ THẢO theo yêu cầu.',
};
