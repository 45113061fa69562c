/** Vietnamese text of sharing the spreadsheet at set-up. */
export const shareText = {
  failed: (reason: string) =>
    `Chưa chia sẻ được bảng tính cho các đơn vị và đoàn kiểm tra chéo (${reason}): chủ sở hữu hãy bấm Chia sẻ và thêm họ với quyền chỉnh sửa`,
};
