// Top-level stubs, appended to the bundle as esbuild's footer. Apps Script sees only top-level
// `function` declarations, and reads @customfunction from the pushed file, so these are written
// by hand with their JSDoc and forward to the bundle's global `App`.

/** Builds the Thi đua menu when the spreadsheet opens. */
function onOpen(e) {
  return App.onOpen(e);
}

/** Runs when the add-on is installed: builds the menu at once. */
function onInstall(e) {
  return App.onInstall(e);
}

/**
 * Tổng điểm của một đơn vị: cộng điểm các tiêu chí và điểm cộng, trừ điểm trừ; bỏ qua dòng nhóm và dòng điều kiện.
 *
 * Ví dụ: =THIDUA_SCORE(D5:D40;C5:C40;B5:B40)
 *
 * @param {number|Array<Array<number|string>>} points Điểm chấm của từng dòng (cột điểm tự chấm, chấm chéo hoặc thống nhất). Ô trống tính 0.
 * @param {number|Array<Array<number|string>>} max_points Điểm chuẩn của từng dòng, cùng số ô với points.
 * @param {string|Array<Array<string>>} [kinds] Loại từng dòng, cùng số ô: để trống / định tính / định lượng / tiêu chí; cộng / thưởng / +; trừ / -; nhóm / mục / phần (bỏ qua); điều kiện / điểm liệt (bỏ qua).
 * @return {number} Tổng điểm, làm tròn 2 chữ số thập phân.
 * @customfunction
 */
function THIDUA_SCORE(points, max_points, kinds) {
  return App.THIDUA_SCORE(points, max_points, kinds);
}

/**
 * Xếp hạng theo điểm, cao nhất hạng 1; bằng điểm (đến 2 chữ số thập phân) thì cùng hạng: 1, 2, 2, 4.
 *
 * Ví dụ: =THIDUA_RANK(E5:E10) cho hạng của cả cột; =THIDUA_RANK(E5;E$5:E$10) cho hạng của ô E5.
 *
 * @param {number|Array<Array<number|string>>} scores_or_value Một vùng điểm (khi không có scores: trả về hạng của từng ô, ô trống hoặc không phải số để trống), hoặc điểm cần xếp hạng (một ô, hay một vùng để xếp từng ô).
 * @param {Array<Array<number|string>>} [scores] Vùng điểm để so sánh.
 * @return {number|Array<Array<number|string>>} Hạng, hoặc một vùng hạng cùng hình dạng.
 * @customfunction
 */
function THIDUA_RANK(scores_or_value, scores) {
  return App.THIDUA_RANK(scores_or_value, scores);
}

/**
 * Xếp loại theo phần trăm tổng điểm chuẩn: Hoàn thành xuất sắc / tốt / Hoàn thành / Không hoàn thành nhiệm vụ.
 *
 * Ví dụ: =THIDUA_XEPLOAI(E5:E10;100) hoặc =THIDUA_XEPLOAI(E5;1000;90;70;50)
 *
 * @param {number|Array<Array<number|string>>} score Tổng điểm (một ô hoặc một vùng).
 * @param {number} [max_total] Tổng điểm chuẩn, mặc định 100.
 * @param {number} [t_xs] Ngưỡng Hoàn thành xuất sắc nhiệm vụ, % của tổng điểm chuẩn, mặc định 90.
 * @param {number} [t_tot] Ngưỡng Hoàn thành tốt nhiệm vụ, %, mặc định 70.
 * @param {number} [t_ht] Ngưỡng Hoàn thành nhiệm vụ, %, mặc định 50.
 * @return {string|Array<Array<string>>} Xếp loại, hoặc một vùng xếp loại cùng hình dạng.
 * @customfunction
 */
function THIDUA_XEPLOAI(score, max_total, t_xs, t_tot, t_ht) {
  return App.THIDUA_XEPLOAI(score, max_total, t_xs, t_tot, t_ht);
}

/**
 * Điểm của tiêu chí định lượng theo kết quả, chỉ tiêu và cách tính (tỷ lệ, đạt, ngược, dẫn đầu).
 *
 * Ví dụ: =THIDUA_DIEM(F5:F10;E5:E10;5;"tỷ lệ") hoặc =THIDUA_DIEM(F5:F10;100;10;"dẫn đầu")
 *
 * @param {number|Array<Array<number|string>>} result Kết quả đạt được (một ô hoặc một vùng). Ô trống cho kết quả trống.
 * @param {number|Array<Array<number|string>>} target Chỉ tiêu (một ô dùng chung hoặc một vùng cùng số ô). Với cách tính ngược, chỉ tiêu 0 là không để xảy ra: kết quả 0 được điểm chuẩn, có xảy ra là 0 điểm.
 * @param {number|Array<Array<number|string>>} max_points Điểm chuẩn của tiêu chí (một ô dùng chung hoặc một vùng cùng số ô).
 * @param {string|Array<Array<string>>} [rule] Cách tính: tỷ lệ (mặc định), đạt, ngược, dẫn đầu.
 * @return {number|Array<Array<number|string>>} Điểm, làm tròn 2 chữ số thập phân, hoặc một vùng điểm.
 * @customfunction
 */
function THIDUA_DIEM(result, target, max_points, rule) {
  return App.THIDUA_DIEM(result, target, max_points, rule);
}

// ——— Workbook: menu handlers, the audit trigger, and the sidebar API (google.script.run) ———

/** Menu: Mở bảng điều khiển — shows the sidebar (Sidebar.html) beside the sheet. */
function showSidebar() {
  return App.showSidebar();
}

/** Menu: sets up (or completes) the emulation year from Cấu hình, or the sample year in a blank sheet. */
function menuSetupYear() {
  return App.menuSetupYear();
}

/** Menu: computes scores and ranking and writes Tổng hợp. */
function menuRecompute() {
  return App.menuRecompute();
}

/** Menu: submits the self-scoring of the unit whose tab is open. */
function menuSubmit() {
  return App.menuSubmit();
}

/** Menu: Tạo văn bản → Giao ước thi đua. */
function menuCovenant() {
  return App.menuCovenant();
}

/** Menu: Tạo văn bản → Kế hoạch công tác thi đua, khen thưởng. */
function menuPlan() {
  return App.menuPlan();
}

/** Menu: Tạo văn bản → Báo cáo sơ kết 6 tháng. */
function menuMidYearReport() {
  return App.menuMidYearReport();
}

/** Menu: Tạo văn bản → Biên bản họp bình xét, suy tôn. */
function menuMinutes() {
  return App.menuMinutes();
}

/** Menu: Tạo văn bản → Báo cáo kết quả chấm điểm, xếp hạng. */
function menuReport() {
  return App.menuReport();
}

/** Menu: Tạo văn bản → Tờ trình đề nghị khen thưởng. */
function menuProposal() {
  return App.menuProposal();
}

/** Menu: Theo dõi, trao đổi → Nhắc các đơn vị chưa nộp: a dialog with the prepared letter's mailto: link. */
function menuReminder() {
  return App.menuReminder();
}

/** Menu: Theo dõi, trao đổi → Tạo bảng Sáng kiến và Quỹ. */
function menuRegisters() {
  return App.menuRegisters();
}

/** Menu: Theo dõi, trao đổi → Tổng hợp toàn ngành, from the exports pasted in Dữ liệu các cụm. */
function menuRollUp() {
  return App.menuRollUp();
}

/** Menu: closes the year after a confirmation (locks everything, keeps a snapshot). */
function menuCloseYear() {
  return App.menuCloseYear();
}

/** Menu: copies the closed year's criteria and members into a new year. */
function menuCopyYear() {
  return App.menuCopyYear();
}

/** Installable onEdit trigger (created by set-up): writes the edit to Nhật ký. */
function onWorkbookEdit(e) {
  return App.onWorkbookEdit(e);
}

/** Time-driven trigger (left by a set-up too large for one run), also the sidebar: sets up the next part. */
function continueSetup() {
  return App.continueSetup();
}

/** Sidebar: where the year stands per unit and what the current user may do, with reasons. */
function getStatus() {
  return App.getStatus();
}

/** Sidebar: ranking, totals, gap, classification, eligibility and proposals, computed now. */
function getResults() {
  return App.getResults();
}

/** Sidebar: every problem of the year, each with its sheet and cell. */
function getProblems() {
  return App.getProblems();
}

/** Sidebar: selects a cell, e.g. selectCell('Bình Dương', 'G12'). */
function selectCell(sheet, a1) {
  return App.selectCell(sheet, a1);
}

/** Sidebar: sets up or completes the year from a config object. */
function setupYear(config) {
  return App.setupYear(config);
}

/** Sidebar: sets up the sample year (Cụm thi đua số 9). */
function setupSampleYear(year) {
  return App.setupSampleYear(year);
}

/** Sidebar: sets up a new year from the set-up form (cluster, units, leader, deputy, team, criteria). */
function setupFromForm(form) {
  return App.setupFromForm(form);
}

/** Sidebar: Tính điểm & xếp hạng. */
function recompute() {
  return App.recompute();
}

/** Sidebar: submits a unit's self-scoring (its focal officers or the cụm trưởng). */
function submit(unitId) {
  return App.submit(unitId);
}

/** Sidebar: returns a submitted unit's scoring with a reason (cụm trưởng). */
function returnSubmission(unitId, reason) {
  return App.returnSubmission(unitId, reason);
}

/** Sidebar: records (or, with an empty reason, withdraws) the reason to go on with a unit whose figures are incomplete (cụm trưởng). */
function recordProceedReason(unitId, reason) {
  return App.recordProceedReason(unitId, reason);
}

/** Sidebar: reopens a submitted or returned unit's scoring (cụm trưởng). */
function reopen(unitId) {
  return App.reopen(unitId);
}

/** Sidebar: closes the year (cụm trưởng). */
function closeYear() {
  return App.closeYear();
}

/** Sidebar: saves one title's ballot counts and recomputes (cụm trưởng). */
function saveBallot(titleId, counts) {
  return App.saveBallot(titleId, counts);
}

/** Sidebar: copies the closed year into a new year (cụm trưởng). */
function copyToNewYear(newYear) {
  return App.copyToNewYear(newYear);
}

/** Sidebar: reopens the closed year (owner; cụm trưởng once the owner allowed it). */
function reopenYear() {
  return App.reopenYear();
}

/** Sidebar: lets the cụm trưởng reopen the closed year once (owner). */
function allowReopenYear() {
  return App.allowReopenYear();
}

/** Sidebar: which rows of a unit gave and took points. */
function explainUnit(unitId) {
  return App.explainUnit(unitId);
}

/** Sidebar: creates or completes the Sáng kiến and Quỹ tabs of the year (cụm trưởng). */
function setupRegisters() {
  return App.setupRegisters();
}

/** Sidebar: generates a document of the year (covenant, minutes, report, proposal) into Drive, optionally with a PDF. */
function generateDocument(kind, options) {
  return App.generateDocument(kind, options);
}

/** Sidebar: lists the documents generated so far (the "Văn bản" tab), newest first. */
function listDocuments() {
  return App.listDocuments();
}

/** Sidebar: the year's results as the exchange file (JSON and CSV text, schema thidua.ketqua). */
function exportResults() {
  return App.exportResults();
}

/** Sidebar: what a document still lacks (located in Cấu hình) before it can be signed. */
function missingDetails(kind) {
  return App.missingDetails(kind);
}

/** Sidebar: Tổng hợp toàn ngành from the clusters' exports pasted in the tab Dữ liệu các cụm. */
function rollUpSector() {
  return App.rollUpSector();
}

/** Sidebar: the tabs a criteria table may be imported from. */
function importableSheets() {
  return App.importableSheets();
}

/** Sidebar: what importing the criteria table of a tab would write (read-only). */
function previewCriteriaImport(sheetName) {
  return App.previewCriteriaImport(sheetName);
}

/** Sidebar: merges the criteria table of a tab into Tiêu chí. */
function importCriteria(sheetName) {
  return App.importCriteria(sheetName);
}

/** Sidebar: prepares the reminder to the units that have not submitted (a mailto: link). */
function prepareReminder() {
  return App.prepareReminder();
}

/** Menu: Sơ kết 6 tháng → Mở đợt sơ kết 6 tháng. */
function menuOpenMidYear() {
  return App.menuOpenMidYear();
}

/** Menu: Sơ kết 6 tháng → Chốt sơ kết 6 tháng, after a confirmation naming the units with blank rows. */
function menuCloseMidYear() {
  return App.menuCloseMidYear();
}

/** Sidebar: opens the mid-year round (Sơ kết 6 tháng tab), or completes it. */
function openMidYear() {
  return App.openMidYear();
}

/** Sidebar: closes the mid-year round: computed rows written, unit columns locked. */
function closeMidYear() {
  return App.closeMidYear();
}

/** Sidebar: where the mid-year round stands and each unit's fill (read only). */
function getMidYearStatus() {
  return App.getMidYearStatus();
}

/** Sidebar: opens a closed mid-year round again (the unit columns given back). */
function reopenMidYear() {
  return App.reopenMidYear();
}
