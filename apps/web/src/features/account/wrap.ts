/**
 * Mantine buttons keep their label on one line and cut it off; the long Kazakh labels of these
 * pages ("Барлық хаттар мен SMS-тен бас тарту") wrap instead, on a narrow phone.
 */
export const WRAPPING_BUTTON = {
  root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 6 },
  label: { whiteSpace: 'normal', overflow: 'visible', height: 'auto', textAlign: 'center' },
} as const;
