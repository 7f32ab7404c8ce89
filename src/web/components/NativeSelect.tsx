import { useId } from 'react';

export interface NativeOption {
  value: string;
  label: string;
}

/**
 * A labelled native <select>: the phone's own picker, big and familiar for elders, and fully
 * accessible. Used in the resident claim flow.
 */
export function NativeSelect({
  label,
  placeholder,
  options,
  value,
  onChange,
  disabled,
  required,
}: {
  label: string;
  placeholder: string;
  options: NativeOption[];
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  required?: boolean;
}) {
  const id = useId();
  return (
    <div className="native-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="native-select"
        value={value}
        disabled={disabled}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
