import type { ThemeConfig } from 'antd';

/**
 * Colours chosen for WCAG AA: white on the primary is above 4.5:1 (#0958d9 ≈ 5.9:1), also on its hover
 * and pressed shades, and secondary
 * text is darker than antd's default 45% black (which fails 4.5:1 on white).
 */
const base: ThemeConfig['token'] = {
  colorPrimary: '#0958d9',
  // antd derives a lighter hover shade (#2e7ae6, 4.2:1 under white text): a button under the pointer
  // failed contrast. Hover and press go darker instead (#003eb3 ≈ 8.6:1, #002c8c ≈ 11:1).
  colorPrimaryHover: '#003eb3',
  colorPrimaryActive: '#002c8c',
  colorLink: '#0958d9',
  colorLinkHover: '#003eb3',
  colorError: '#cf1322',
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  colorInfo: '#0958d9',
  colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.68)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  fontSize: 15,
  borderRadius: 6,
};

export const normalTheme: ThemeConfig = {
  token: base,
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f5f6f8', headerPadding: '0 16px' },
  },
};

/** 长辈版: body text 18px or more, every control 60px high, stronger contrast. */
export const largeTheme: ThemeConfig = {
  token: {
    ...base,
    colorPrimary: '#003eb3',
    colorPrimaryHover: '#002c8c',
    colorPrimaryActive: '#001d66',
    colorLink: '#003eb3',
    colorLinkHover: '#002c8c',
    colorText: '#000000',
    colorTextHeading: '#000000',
    colorTextSecondary: '#262626',
    colorTextTertiary: '#262626',
    colorTextDescription: '#262626',
    colorTextPlaceholder: '#434343',
    colorBorder: '#595959',
    colorBorderSecondary: '#8c8c8c',
    fontSize: 18,
    fontSizeSM: 18,
    fontSizeLG: 20,
    fontSizeHeading1: 30,
    fontSizeHeading2: 24,
    fontSizeHeading3: 21,
    controlHeight: 60,
    controlHeightSM: 60,
    controlHeightLG: 64,
    lineWidth: 2,
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      siderBg: '#ffffff',
      bodyBg: '#f0f0f0',
      headerHeight: 72,
      headerPadding: '0 16px',
    },
    Menu: { itemHeight: 60, fontSize: 20 },
    Table: { cellPaddingBlock: 16, cellFontSize: 18 },
    Switch: { trackHeight: 44, trackMinWidth: 88, handleSize: 40, innerMaxMargin: 48, innerMinMargin: 12 },
    Tree: { titleHeight: 60 },
  },
};
