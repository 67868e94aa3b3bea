import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A deep petrol blue: calm for a screen watched all day, strong enough for primary actions. */
const brand: MantineColorsTuple = [
  '#e8f3f7',
  '#d3e5ec',
  '#a6cad9',
  '#76aec5',
  '#4f96b4',
  '#3787aa',
  '#287fa6',
  '#1a6c91',
  '#0d6082',
  '#005373',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 8,
  colors: { brand },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  fontFamily:
    '"Segoe UI", system-ui, -apple-system, "Noto Sans", "Liberation Sans", Roboto, Helvetica, Arial, sans-serif',
  fontFamilyMonospace: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  components: {
    // Sentence case reads calmer than the default capitals in dense tables; badges never shrink into an ellipsis.
    Badge: {
      defaultProps: { variant: 'light', radius: 'sm', tt: 'none', fw: 600 },
      styles: { root: { flexShrink: 0 }, label: { overflow: 'visible' } },
    },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: { defaultProps: { centered: true, radius: 'md', overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
    Table: { defaultProps: { verticalSpacing: 'xs', horizontalSpacing: 'md', highlightOnHover: true } },
    Tooltip: { defaultProps: { openDelay: 400, withArrow: true } },
    Notification: { defaultProps: { withBorder: true } },
  },
});
