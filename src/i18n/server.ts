/** Vietnamese text of the menu and the server entry. */
export const serverText = {
  menu: {
    openPanel: 'Mở bảng điều khiển',
  },
};
