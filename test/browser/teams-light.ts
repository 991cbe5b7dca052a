/**
 * A host config for `adaptivecards` that renders as Teams' light theme does, after the values of Microsoft's
 * own "Microsoft Teams - Light" host config in the Adaptive Cards designer: Segoe UI at 12/14/14/18/24 px,
 * spacing 8/12/16/20/24 with 16 px padding, Teams' ink (#252424) and accent (#6264a7) colours, and at most
 * 6 actions in a row, the figure that cuts off a 7th button in Teams.
 */

const ink = { default: '#ff252424', subtle: '#bf252424' };
const foreground = {
  default: ink,
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const fontSizes = { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 };
const fontWeights = { lighter: 200, default: 400, bolder: 600 };

export const TEAMS_LIGHT_HOST_CONFIG = {
  choiceSetInputValueSeparator: ',',
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  fontStyles: {
    default: { fontFamily: "'Segoe UI', Tahoma, Geneva, Verdana, sans-serif", fontSizes, fontWeights },
    monospace: { fontFamily: "'Courier New', Courier, monospace", fontSizes, fontWeights },
  },
  containerStyles: {
    default: { backgroundColor: '#ffffff', foregroundColors: foreground },
    emphasis: { backgroundColor: '#fff9f8f7', foregroundColors: foreground },
    accent: { backgroundColor: '#C7DEF9', foregroundColors: foreground },
    good: { backgroundColor: '#CCFFCC', foregroundColors: foreground },
    attention: { backgroundColor: '#FFC5B2', foregroundColors: foreground },
    warning: { backgroundColor: '#FFE2B2', foregroundColors: foreground },
  },
  actions: {
    maxActions: 6,
    spacing: 'Default',
    buttonSpacing: 8,
    showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
    preExpandSingleShowCardAction: false,
    actionsOrientation: 'Horizontal',
    actionAlignment: 'Left',
  },
  adaptiveCard: { allowCustomStyle: false },
  imageSet: { imageSize: 'Medium', maxImageHeight: 100 },
  factSet: {
    title: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Bolder', wrap: true },
    value: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Default', wrap: true },
    spacing: 16,
  },
};
