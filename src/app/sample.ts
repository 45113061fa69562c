/** The sample year offered by the menu and the playground: Cụm thi đua số 9, six provinces. */
import { sampleCluster9Year, sampleCrossCheckTeam } from '../core/samples';
import type { YearConfig } from '../workbook/config';

/**
 * A set-up config for the sample cluster (members, leader Bình Dương, cross-check team, default
 * rules, the sample 100-point table, clearly named as a sample to adapt).
 * @example sampleYearConfig(2021).units.length // 6
 */
export function sampleYearConfig(year: number): YearConfig {
  const y = sampleCluster9Year(year);
  return {
    cluster: y.cluster,
    units: y.units,
    crossCheckTeam: sampleCrossCheckTeam().map((email) => ({ email })),
    rules: y.rules,
    criteria: y.criteria,
    // The year's timetable (Thời hạn các bước): Tình hình shows each unit against it.
    deadlines: { registration: `${year}-03-15`, selfScore: `${year}-10-15`, crossCheck: `${year}-10-31`, agreement: `${year}-11-10`, ballot: `${year}-11-16` },
    // The documents' details, so that the sample's documents come out whole (a form leaves them to fill in).
    details: {
      covenantDate: `25/3/${year}`,
      meetingStart: `08:00 16/11/${year}`,
      meetingVenue: 'Hội trường Viện kiểm sát nhân dân tỉnh Bình Dương',
      secretary: 'Ngô Văn Sơn, Chánh Văn phòng Viện kiểm sát nhân dân tỉnh Bình Dương',
      opinions: 6,
      // The plan is agreed at the signing conference; the mid-year review is held online.
      planDate: `25/3/${year}`,
      midYearMeeting: `08:00 30/6/${year}`,
      midYearVenue: 'trực tuyến, điểm cầu chính tại Viện kiểm sát nhân dân tỉnh Bình Dương',
    },
    // The year's movements (Phong trào thi đua): the plan lists them with their dates and owners.
    movements: [
      { name: 'Phong trào thi đua “Vững về chính trị, giỏi về nghiệp vụ, tinh thông về pháp luật, công tâm và bản lĩnh, kỷ cương và trách nhiệm”', kind: 'regular', from: null, to: null, owner: 'Các đơn vị thành viên' },
      { name: 'Phong trào thi đua “Cán bộ, công chức, viên chức ngành Kiểm sát nhân dân thi đua thực hiện văn hóa công sở”', kind: 'regular', from: null, to: null, owner: 'Các đơn vị thành viên' },
      { name: `Đợt thi đua cao điểm lập thành tích chào mừng kỷ niệm ${year - 1960} năm ngày thành lập ngành Kiểm sát nhân dân (26/7)`, kind: 'thematic', from: `${year}-04-01`, to: `${year}-07-26`, owner: 'Viện kiểm sát nhân dân tỉnh Bình Dương (Cụm trưởng)' },
      { name: 'Đợt thi đua “Về đích sớm” hoàn thành các chỉ tiêu nghiệp vụ năm', kind: 'thematic', from: `${year}-09-01`, to: `${year}-11-30`, owner: 'Viện kiểm sát nhân dân tỉnh Đồng Nai (Cụm phó)' },
    ],
    // "Nhiệm vụ 6 tháng cuối năm n": the báo cáo sơ kết lists them.
    tasks: [
      'Tiếp tục thực hiện các phong trào thi đua thường xuyên; tổ chức tốt đợt thi đua “Về đích sớm” từ tháng 9',
      'Các đơn vị tập trung giải quyết các chỉ tiêu nghiệp vụ còn thấp so với 6 tháng đầu năm, nhất là các tiêu chí chưa đạt tỷ lệ yêu cầu',
      'Nhân rộng các cách làm hay, mô hình mới được nêu tại hội nghị sơ kết',
      'Hoàn thành tự chấm điểm, giải trình, minh chứng cuối năm đúng thời hạn trong Kế hoạch của Cụm',
    ],
  };
}
