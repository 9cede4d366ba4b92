import { createTheme, InputWrapper } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  cursorType: 'pointer',
  components: {
    // The required-field asterisk is drawn by CSS (styles.css) instead of a text node inside <label>, so a
    // label's text is exactly its words: «Новый пароль», not «Новый пароль *» (screen readers still get
    // `required` from the input itself).
    InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
  },
});
