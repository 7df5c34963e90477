import type { ComponentProps } from 'react';
import clsx from 'clsx';
import { ChevronDown } from 'lucide-react';

interface SelectControlProps extends ComponentProps<'select'> {
  /** The smaller select used inside table rows and editors. */
  compact?: boolean;
  chevronSize?: number;
}

/**
 * A native select drawn with the admin border and a chevron; every other prop goes to the `<select>`.
 *
 * @example
 * <SelectControl id="compose-priority" value={priority} onChange={…}>{options}</SelectControl>
 */
export function SelectControl({ compact = false, chevronSize = 14, children, ...select }: SelectControlProps) {
  return (
    <div className={clsx('select-control', compact && 'select-control--compact')}>
      <select {...select}>{children}</select>
      <ChevronDown size={chevronSize} className="select-control__chevron" aria-hidden />
    </div>
  );
}
