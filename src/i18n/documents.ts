/** Vietnamese text of the generated documents (covenant, minutes, report, proposal, plan, báo cáo sơ kết). */

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Does the text already start with "Căn cứ" (any case, NFC or NFD)? */
const startsWithBasis = (text: string): boolean => /^căn cứ(\s|$)/iu.test(text.normalize('NFC'));

export const docText = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  dateLine: (d: string, m: string, y: string) => `ngày ${d} tháng ${m} năm ${y}`,
  timeLine: (h: string, min: string, date: string) => `${h} giờ ${min}, ${date}`,
  invalidDate: 'Ngày không hợp lệ',
  /** A detail not given yet, printed on a draft to be filled in by hand. */
  blank: '…………',
  /** Above the title of a draft. */
  draftMark: 'DỰ THẢO',
  /** The file name of a draft. */
  draftTitle: (title: string) => `${title} (DỰ THẢO)`,
  numberLabel: 'Số:',
  /** Room for a number written in at registration. */
  numberBlank: '      ',
  legalBasis: (basis: string) => (startsWithBasis(basis) ? `${basis};` : `Căn cứ ${basis};`),
  recipientsLabel: 'Nơi nhận:',
  /** Each recipient on its own line: "- …;", the last one ending with ".". */
  recipient: (name: string, last: boolean) => `- ${name}${last ? '.' : ';'}`,
  onBehalfOf: (clusterName: string) => `TM. ${clusterName}`,
  clusterLeaderTitle: 'Cụm trưởng',
  /** The head's title with the unit: "Viện trưởng Viện kiểm sát nhân dân tỉnh Bình Dương". */
  headOf: (headTitle: string, unitName: string) => `${headTitle} ${unitName}`,
  noValue: '—',
  /** Where the score that counts came from (thống nhất, else chấm chéo, else tự chấm). */
  source: { self: 'tự chấm', crossCheck: 'chấm chéo', final: 'thống nhất' } as Record<string, string>,
  /** The score that counts with its source: "79,52 (chấm chéo)". */
  rankingScore: (score: string, source: string) => `${score} (${source})`,
  /** A rank that is provisional: the unit's figures are incomplete. */
  provisionalRank: (rank: number) => `${rank} (tạm xếp)`,
  incomplete: (unit: string, reasons: string) => `${unit}: số liệu chưa đầy đủ (${reasons}); hạng tạm xếp, chưa đề nghị danh hiệu thi đua.`,
  proceeded: (unit: string, reasons: string, reason: string) =>
    `${unit}: số liệu chưa đầy đủ (${reasons}); cụm trưởng cho xét tiếp với lý do: ${reason}.`,
  passed: 'Đạt',
  notPassed: 'Không đạt',
  ballotBase: { issued: 'tổng số phiếu phát ra', valid: 'tổng số phiếu hợp lệ' },

  covenant: {
    type: 'Giao ước thi đua',
    symbol: 'GƯ',
    subject: (year: number) => `Năm ${year}`,
    fileTitle: (year: number, cluster: string) => `Giao ước thi đua năm ${year} - ${cluster}`,
    slogan: (slogan: string) => `“${slogan}”`,
    intro: (cluster: string, year: number) =>
      `Để thực hiện thắng lợi nhiệm vụ công tác năm ${year}, các đơn vị thành viên ${cluster} thống nhất ký kết Giao ước thi đua với những nội dung sau:`,
    purposeHeading: 'I. MỤC ĐÍCH, YÊU CẦU',
    purposes: (cluster: string, year: number) => [
      `Cụ thể hóa các phong trào thi đua do cấp trên phát động, gắn với nhiệm vụ chính trị của từng đơn vị; tạo động lực để các đơn vị phấn đấu hoàn thành xuất sắc nhiệm vụ năm ${year}.`,
      `Thông qua thi đua, phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến, cách làm hay; tăng cường đoàn kết, học hỏi, giúp đỡ lẫn nhau giữa các đơn vị trong ${cluster}.`,
      'Việc theo dõi, chấm điểm, bình xét, suy tôn bảo đảm công khai, dân chủ, công bằng, khách quan, đúng thực chất.',
    ],
    contentHeading: 'II. NỘI DUNG, CHỈ TIÊU THI ĐUA',
    criteriaIntro: (total: string) =>
      `1. Các đơn vị thi đua thực hiện các nội dung, chỉ tiêu theo bảng tiêu chí chấm điểm thi đua dưới đây, tổng điểm chuẩn ${total} điểm:`,
    criteriaHeader: ['STT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Chỉ tiêu'],
    total: 'Tổng cộng',
    vetoPoints: 'Điều kiện',
    bonusNote: 'Điểm cộng được tính thêm ngoài tổng điểm chuẩn; điểm trừ được trừ vào tổng điểm của đơn vị.',
    vetoNote:
      'Đơn vị vi phạm một trong các tiêu chí điều kiện (điểm liệt) không được xét danh hiệu thi đua, dù đạt bao nhiêu điểm.',
    registrationIntro: '2. Các đơn vị đăng ký danh hiệu thi đua như sau:',
    registrationHeader: ['STT', 'Đơn vị', 'Danh hiệu đăng ký'],
    notRegistered: 'Chưa đăng ký',
    commitmentsIntro: '3. Các đơn vị thành viên giao ước phấn đấu thực hiện tốt các nhiệm vụ sau:',
    /** The standard commitments of a procuracy cluster's covenant (seed: Cụm thi đua 9, 2021). */
    commitments: [
      'Tiếp tục tuyên truyền, quán triệt sâu kỹ tư tưởng của Chủ tịch Hồ Chí Minh về thi đua yêu nước; Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng đến toàn thể cán bộ, công chức, người lao động, để mọi người hiểu rõ mục đích, ý nghĩa và tác dụng của công tác thi đua, khen thưởng, từ đó ra sức thi đua thực hiện thắng lợi các nhiệm vụ chủ yếu cùng các chỉ tiêu của Ngành giao',
      'Đẩy mạnh thực hiện tốt các phong trào thi đua do Viện kiểm sát nhân dân tối cao phát động trong năm, gắn với cuộc vận động xây dựng đội ngũ cán bộ, Kiểm sát viên “Vững về chính trị, giỏi về nghiệp vụ, tinh thông về pháp luật, công tâm và bản lĩnh, kỷ cương và trách nhiệm” và phong trào thi đua “Cán bộ, công chức, viên chức ngành Kiểm sát nhân dân thi đua thực hiện văn hóa công sở”',
      'Thống nhất mức đóng góp kinh phí của Cụm để hỗ trợ cán bộ, công chức và người lao động trong Cụm có hoàn cảnh khó khăn, nhằm cụ thể hóa các hoạt động chung của Cụm trong năm',
      'Mỗi đơn vị cử 02 thành viên tham gia Đoàn kiểm tra chéo giữa các đơn vị trong việc thực hiện nội dung, tiêu chí thi đua trong năm',
    ],
    recipients: [
      'Hội đồng Thi đua – Khen thưởng ngành Kiểm sát nhân dân (để báo cáo)',
      'Vụ Thi đua – Khen thưởng Viện kiểm sát nhân dân tối cao',
      'Các đơn vị thành viên Cụm (để thực hiện)',
      'Lưu: VT, Cụm trưởng',
    ],
    organisationHeading: 'III. TỔ CHỨC THỰC HIỆN',
    leaders: (year: number, leader: string, deputy: string) =>
      `Cụm trưởng năm ${year}: ${leader}; Cụm phó: ${deputy}. Cụm trưởng chủ trì, phối hợp với Cụm phó tổ chức thực hiện Giao ước; theo dõi, đôn đốc, tổng hợp kết quả thi đua của các đơn vị.`,
    reviews: (midYear: string, yearEnd: string) =>
      `Sơ kết công tác thi đua 6 tháng đầu năm: ${midYear}; tổng kết công tác thi đua năm: ${yearEnd}.`,
    defaultMidYear: (year: number) => `tháng 6 năm ${year}`,
    defaultYearEnd: (year: number) => `quý IV năm ${year}`,
    scoring: (perUnit: number) =>
      `Chấm điểm: các đơn vị tự chấm điểm từng tiêu chí, kèm giải trình và minh chứng; Đoàn kiểm tra chéo (mỗi đơn vị cử ${pad2(perUnit)} thành viên) kiểm tra, chấm chéo; Cụm thống nhất điểm của từng đơn vị (điểm thống nhất) làm căn cứ xếp hạng.`,
    classification: (bands: string) => `Xếp loại theo tỷ lệ tổng điểm đạt được so với tổng điểm chuẩn: ${bands}.`,
    bandTop: (min: string, label: string) => `từ ${min} trở lên: ${label}`,
    bandMiddle: (min: string, max: string, label: string) => `từ ${min} đến dưới ${max}: ${label}`,
    bandBottom: (max: string, label: string) => `dưới ${max}: ${label}`,
    voting: (threshold: string, base: string) =>
      `Bình xét, suy tôn bằng hình thức bỏ phiếu kín; đơn vị được đề nghị khi đạt từ ${threshold} số phiếu đồng ý trở lên so với ${base}.`,
    titlesIntro: 'Các danh hiệu được xét đề nghị:',
    titleQuota: (quota: number) => `tối đa ${pad2(quota)} đơn vị`,
    titleLeaderOnly: 'dành cho đơn vị dẫn đầu Cụm',
    titleBallot: 'qua bỏ phiếu',
    closing: 'Giao ước này có hiệu lực kể từ ngày ký. Các đơn vị thành viên cam kết thực hiện nghiêm túc các nội dung đã giao ước./.',
    signaturesHeading: 'ĐẠI DIỆN CÁC ĐƠN VỊ KÝ GIAO ƯỚC',
    /** "Viện kiểm sát nhân dân" as signature grids write it. */
    procuracyShort: 'VIỆN KSND',
  },

  minutes: {
    type: 'Biên bản',
    symbol: 'BB',
    subject: (year: number) => `Họp bình xét, suy tôn thi đua năm ${year}`,
    fileTitle: (year: number, cluster: string) => `Biên bản họp bình xét, suy tôn năm ${year} - ${cluster}`,
    time: (when: string) => `Thời gian: ${when}.`,
    venue: (where: string) => `Địa điểm: ${where}.`,
    chair: (who: string) => `Chủ trì: ${who}.`,
    secretary: (who: string) => `Thư ký: ${who}.`,
    attendeesLabel: 'Thành phần tham dự:',
    absent: (who: string) => `Vắng mặt: ${who}.`,
    opinions: (n: string) => `Hội nghị đã nghe ${n} ý kiến phát biểu, tham luận của các đơn vị thành viên.`,
    scoresHeading: 'I. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG',
    scoresIntro: (count: number) => `Hội nghị đã xem xét, thống nhất kết quả chấm điểm, xếp hạng của ${pad2(count)} đơn vị như sau:`,
    scoreHeader: ['Xếp hạng', 'Đơn vị', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Điểm xếp hạng (nguồn)', 'Xếp loại'],
    scoreNote: 'Điểm xếp hạng là điểm thống nhất; đơn vị chưa có điểm thống nhất được xếp theo điểm chấm chéo, chưa có điểm chấm chéo thì theo điểm tự chấm.',
    ballotsHeading: 'II. KẾT QUẢ BỎ PHIẾU BÌNH XÉT, SUY TÔN',
    noBallots: 'Không tổ chức bỏ phiếu.',
    ballotSummary: (n: number, title: string, issued: number, returned: number, valid: number, invalid: number) =>
      `${n}. ${title}: số phiếu phát ra: ${issued}; số phiếu thu về: ${returned}; số phiếu hợp lệ: ${valid}; số phiếu không hợp lệ: ${invalid}.`,
    ballotHeader: ['Đơn vị', 'Số phiếu đồng ý', 'Tỷ lệ', 'Kết quả'],
    threshold: (threshold: string, base: string) => `Ngưỡng đề nghị: từ ${threshold} số phiếu đồng ý trở lên so với ${base}.`,
    conclusionHeading: 'III. KẾT LUẬN',
    conclusionIntro: 'Hội nghị thống nhất đề nghị khen thưởng như sau:',
    conclusionTitle: (title: string, units: string) => `${title}: ${units}.`,
    awaitingBallot: (unit: string) => `${unit} (chờ kết quả bỏ phiếu)`,
    noProposals: 'Không có đơn vị đủ điều kiện đề nghị khen thưởng.',
    ineligible: (unit: string, reasons: string) => `${unit}: không đủ điều kiện xét danh hiệu thi đua (${reasons}).`,
    endAt: (when: string) =>
      `Biên bản kết thúc lúc ${when}, đã được thông qua trước Hội nghị và các thành viên dự họp nhất trí./.`,
    end: 'Biên bản đã được thông qua trước Hội nghị và các thành viên dự họp nhất trí./.',
    secretaryTitle: 'Thư ký',
    chairTitle: 'Chủ trì',
  },

  report: {
    type: 'Báo cáo',
    symbol: 'BC',
    subject: (year: number) => `Kết quả chấm điểm, xếp hạng thi đua năm ${year}`,
    fileTitle: (year: number, cluster: string) => `Báo cáo kết quả chấm điểm, xếp hạng năm ${year} - ${cluster}`,
    intro: (cluster: string, year: number) =>
      `Thực hiện Giao ước thi đua năm ${year}, trên cơ sở kết quả tự chấm điểm của các đơn vị và kết quả kiểm tra, chấm chéo, ${cluster} báo cáo kết quả chấm điểm, xếp hạng thi đua năm ${year} như sau:`,
    overallHeading: 'I. KẾT QUẢ CHUNG',
    overallHeader: ['Xếp hạng', 'Đơn vị', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Điểm xếp hạng (nguồn)', 'Chênh lệch (tự chấm − điểm xếp hạng)', 'Xếp loại'],
    gapNote:
      'Điểm xếp hạng là điểm thống nhất, hoặc điểm chấm chéo khi chưa có điểm thống nhất. Chênh lệch là điểm tự chấm trừ điểm xếp hạng; số dương cho biết đơn vị tự chấm cao hơn điểm được dùng để xếp hạng.',
    unitsHeading: 'II. KẾT QUẢ CỦA TỪNG ĐƠN VỊ',
    unitHeading: (n: number, unit: string) => `${n}. ${unit}`,
    unitHeader: ['Nội dung', 'Điểm chuẩn', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Chênh lệch (tự chấm − điểm xếp hạng)'],
    rankingScore: (score: string) => `Điểm xếp hạng: ${score}.`,
    provisional: (reasons: string) => `Số liệu chưa đầy đủ (${reasons}): hạng tạm xếp.`,
    proceeded: (reasons: string, reason: string) => `Số liệu chưa đầy đủ (${reasons}); cụm trưởng cho xét tiếp với lý do: ${reason}.`,
    proposalReason: (reason: string) => `${reason}.`,
    bonus: 'Điểm cộng',
    deduction: 'Điểm trừ',
    total: 'Tổng cộng',
    /** `provisional`: the unit's figures are incomplete, its rank is tạm xếp. */
    standing: (rank: number, of: number, classification: string, provisional = false) =>
      `Xếp hạng: ${rank}/${of}${provisional ? ' (tạm xếp)' : ''}; xếp loại: ${classification}.`,
    eligible: 'Đủ điều kiện xét danh hiệu thi đua.',
    ineligible: (reasons: string) => `Không đủ điều kiện xét danh hiệu thi đua: ${reasons}.`,
    proposed: (title: string) => `Danh hiệu đề nghị: ${title}.`,
    awaitingBallot: (title: string) => `Danh hiệu đề nghị: ${title} (chờ kết quả bỏ phiếu).`,
    recipients: ['Hội đồng Thi đua – Khen thưởng (để báo cáo)', 'Các đơn vị thành viên Cụm', 'Lưu: VT'],
  },

  plan: {
    type: 'Kế hoạch',
    symbol: 'KH',
    subject: (year: number) => `Công tác thi đua, khen thưởng năm ${year}`,
    fileTitle: (year: number, cluster: string) => `Kế hoạch công tác thi đua, khen thưởng năm ${year} - ${cluster}`,
    intro: (cluster: string, year: number) =>
      `${cluster} xây dựng Kế hoạch công tác thi đua, khen thưởng năm ${year} với những nội dung sau:`,
    purposeHeading: 'I. MỤC ĐÍCH, YÊU CẦU',
    purposes: (cluster: string, year: number) => [
      `Tổ chức các phong trào thi đua trong ${cluster} thiết thực, hiệu quả, gắn với nhiệm vụ chính trị của từng đơn vị, góp phần hoàn thành xuất sắc nhiệm vụ công tác năm ${year}.`,
      'Các phong trào thi đua có nội dung, thời gian và đơn vị phụ trách cụ thể; việc theo dõi, chấm điểm, sơ kết, tổng kết đúng tiến độ đã thống nhất.',
      'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến, cách làm hay; việc bình xét, suy tôn bảo đảm công khai, dân chủ, công bằng, đúng thực chất.',
    ],
    contentHeading: 'II. NỘI DUNG',
    regularHeading: '1. Phong trào thi đua thường xuyên',
    thematicHeading: (n: number) => `${n}. Phong trào thi đua theo chuyên đề, đợt thi đua ngắn hạn`,
    criteriaLine: (n: number, year: number, total: string) =>
      `${n}. Nội dung, chỉ tiêu thi đua: theo Giao ước thi đua năm ${year} và bảng tiêu chí chấm điểm thi đua của Cụm (tổng điểm chuẩn ${total} điểm); các đơn vị đăng ký danh hiệu thi đua theo Giao ước.`,
    allYear: (year: number) => `thực hiện trong cả năm ${year}`,
    span: (from: string, to: string) => `từ ngày ${from} đến ngày ${to}`,
    since: (from: string) => `từ ngày ${from}`,
    until: (to: string) => `đến ngày ${to}`,
    owner: (who: string) => `phụ trách: ${who}`,
    movementLine: (name: string, parts: string[]) => (parts.length > 0 ? `${name}: ${parts.join(', ')}` : name),
    noMovement: 'Không có.',
    timetableHeading: 'III. TIẾN ĐỘ THỰC HIỆN',
    timetableIntro: 'Các bước công tác thi đua trong năm và thời hạn như sau:',
    timetableHeader: ['STT', 'Nội dung công việc', 'Thời hạn', 'Đơn vị thực hiện'],
    notYetSet: 'Cụm trưởng thông báo sau',
    steps: {
      covenant: 'Hội nghị ký kết Giao ước thi đua, thông qua Kế hoạch',
      registration: 'Các đơn vị đăng ký danh hiệu thi đua',
      midYear: 'Sơ kết công tác thi đua 6 tháng đầu năm',
      selfScore: 'Các đơn vị tự chấm điểm, nộp bảng tự chấm kèm giải trình, minh chứng',
      crossCheck: 'Đoàn kiểm tra chéo kiểm tra, chấm chéo',
      agreement: 'Thống nhất điểm, xếp hạng các đơn vị',
      ballot: 'Hội nghị tổng kết, bình xét, suy tôn; đề nghị khen thưởng',
    },
    midYearMeeting: (when: string, venue: string) => `Hội nghị sơ kết công tác thi đua 6 tháng đầu năm: ${when}, ${venue}.`,
    everyUnit: 'Các đơn vị thành viên',
    leaderAndUnits: 'Cụm trưởng, các đơn vị thành viên',
    team: 'Đoàn kiểm tra chéo',
    organisationHeading: 'IV. TỔ CHỨC THỰC HIỆN',
    organisation: (leader: string, deputy: string) => [
      `${leader} (Cụm trưởng) chủ trì, theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch; tổ chức sơ kết, tổng kết, chấm điểm, bình xét thi đua theo tiến độ trên.`,
      `${deputy} (Cụm phó) phối hợp với Cụm trưởng tổ chức thực hiện, chuẩn bị báo cáo sơ kết 6 tháng và tổng kết năm.`,
      'Các đơn vị thành viên quán triệt, triển khai Kế hoạch trong đơn vị; tổ chức các phong trào thi đua, bố trí cán bộ phụ trách công tác thi đua, gửi báo cáo, bảng tự chấm đúng thời hạn.',
      'Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Cụm trưởng để thống nhất giải quyết./.',
    ],
    recipients: [
      'Vụ Thi đua – Khen thưởng Viện kiểm sát nhân dân tối cao (để báo cáo)',
      'Các đơn vị thành viên Cụm (để thực hiện)',
      'Lưu: VT, Cụm trưởng',
    ],
  },

  midYearReport: {
    type: 'Báo cáo',
    symbol: 'BC',
    subject: (year: number) => `Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm ${year}`,
    fileTitle: (year: number, cluster: string) => `Báo cáo sơ kết thi đua 6 tháng đầu năm ${year} - ${cluster}`,
    intro: (cluster: string, year: number) =>
      `Thực hiện Giao ước thi đua và Kế hoạch công tác thi đua, khen thưởng năm ${year}, trên cơ sở kết quả tự chấm điểm 6 tháng đầu năm của các đơn vị, ${cluster} báo cáo sơ kết công tác thi đua 6 tháng đầu năm ${year} như sau:`,
    meeting: (when: string) => `Hội nghị sơ kết: ${when}.`,
    provisional:
      'Đợt sơ kết chưa khóa: các đơn vị còn có thể sửa bảng tự chấm, số liệu dưới đây là số liệu tạm tính tại ngày lập báo cáo.',
    resultsHeading: 'I. KẾT QUẢ THI ĐUA 6 THÁNG ĐẦU NĂM',
    resultsIntro: (count: number) => `Kết quả tự chấm điểm 6 tháng đầu năm của ${count} đơn vị, xếp theo thứ hạng:`,
    header: ['STT', 'Đơn vị', 'Tự chấm 6 tháng', 'Tỷ lệ', 'Xếp loại (tạm)', 'Thứ hạng', 'Danh hiệu đăng ký – tiến độ'],
    /** The score column's heading when every unit has the same maximum. */
    scoreOf: (max: string) => `Điểm tự chấm (tối đa ${max})`,
    unranked: 'Chưa xếp',
    notScored: 'Chưa tự chấm',
    onTrack: (title: string) => `${title}: đang đạt`,
    offTrack: (title: string, needs: string) => `${title}: chưa đạt, cần ${needs}`,
    notRegistered: 'Chưa đăng ký',
    unscoredNote: (unit: string, n: number) => `${unit} còn ${n} tiêu chí chưa tự chấm: chưa xếp hạng.`,
    notScoredNote: (unit: string) => `${unit} chưa tự chấm 6 tháng đầu năm.`,
    vetoNote: (unit: string) => `${unit} tự chấm “Có” ở tiêu chí điều kiện (điểm liệt): chưa đủ điều kiện xét danh hiệu thi đua nếu đến cuối năm vẫn vi phạm.`,
    scoreNote:
      'Xếp loại và thứ hạng 6 tháng là tạm tính, theo điểm tự chấm, để các đơn vị biết mình đang ở đâu so với danh hiệu đã đăng ký; kết quả thi đua năm căn cứ điểm tổng kết cuối năm.',
    practicesHeading: 'II. CÁCH LÀM HAY, MÔ HÌNH MỚI',
    noPractice: 'Chưa có đơn vị nào gửi cách làm hay, mô hình mới trong 6 tháng đầu năm.',
    tasksHeading: (year: number) => `III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM ${year}`,
    closing: 'Trên đây là báo cáo sơ kết công tác thi đua 6 tháng đầu năm của Cụm./.',
    recipients: [
      'Vụ Thi đua – Khen thưởng Viện kiểm sát nhân dân tối cao (để báo cáo)',
      'Các đơn vị thành viên Cụm',
      'Lưu: VT, Cụm trưởng',
    ],
  },

  proposal: {
    type: 'Tờ trình',
    symbol: 'TTr',
    subject: (year: number) => `Về việc đề nghị khen thưởng thi đua năm ${year}`,
    fileTitle: (year: number, cluster: string) => `Tờ trình đề nghị khen thưởng năm ${year} - ${cluster}`,
    to: (council: string) => `Kính gửi: ${council}`,
    defaultCouncil: 'Hội đồng Thi đua – Khen thưởng',
    body: (cluster: string, year: number, council: string) =>
      `Căn cứ kết quả chấm điểm, xếp hạng và kết quả bình xét, suy tôn tại Hội nghị tổng kết công tác thi đua năm ${year}, ${cluster} kính đề nghị ${council} xem xét, tặng danh hiệu thi đua cho các tập thể sau:`,
    none: (cluster: string, year: number) => `Năm ${year}, ${cluster} không có tập thể đủ điều kiện đề nghị khen thưởng.`,
    header: ['STT', 'Đơn vị', 'Danh hiệu đề nghị', 'Tự chấm', 'Chấm chéo', 'Thống nhất', 'Điểm xếp hạng (nguồn)', 'Xếp hạng', 'Kết quả bỏ phiếu'],
    ballot: (votes: number, of: number, percent: string) => `${votes}/${of} phiếu (${percent})`,
    noBallot: 'Không bỏ phiếu',
    attachments: (year: number) =>
      `(Kèm theo Biên bản họp bình xét, suy tôn và Báo cáo kết quả chấm điểm, xếp hạng thi đua năm ${year}.)`,
    closing: (cluster: string, council: string) => `${cluster} kính trình ${council} xem xét, quyết định./.`,
    recipients: ['Như trên', 'Các đơn vị thành viên Cụm', 'Lưu: VT'],
  },
};
