import { InputBase, type InputBaseProps } from '@mantine/core';
import type { ChangeEvent, ReactNode } from 'react';

/**
 * A labelled native select (the phone's own picker) on Mantine's InputBase, which every form
 * already loads for its text inputs: Mantine's NativeSelect is a chunk of its own (1.5 KB gz) that
 * put the sign-up page over the 170 KB first-load budget. Label, description and error are wired
 * by InputBase (aria-describedby, aria-invalid), as for the other fields.
 */
export function SelectField({
  data,
  value,
  onChange,
  ...rest
}: Omit<InputBaseProps, 'component' | 'rightSection'> & {
  data: Array<{ value: string; label: string }>;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  label?: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  'data-testid'?: string;
}) {
  return (
    <InputBase<'select'>
      {...rest}
      component="select"
      value={value}
      onChange={onChange}
      rightSection={<Chevron />}
      rightSectionPointerEvents="none"
    >
      {data.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </InputBase>
  );
}

function Chevron() {
  return (
    <svg width="14" height="14" viewBox="0 0 15 15" aria-hidden focusable="false">
      <path d="M4 6l3.5 3.5L11 6" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
