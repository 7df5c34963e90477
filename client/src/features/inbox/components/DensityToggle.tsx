import { Rows2, Rows4 } from 'lucide-react';

/** How tall the inbox rows are: comfortable (title, body, chips on their own lines) or compact (one line). */
export type Density = 'comfortable' | 'compact';

/** The densities, for the stored choice. */
export const DENSITIES: readonly Density[] = ['comfortable', 'compact'];

const OPTIONS = [
  { value: 'comfortable', label: 'Comfortable', Icon: Rows2 },
  { value: 'compact', label: 'Compact', Icon: Rows4 },
] as const;

/** The inbox toolbar's "Comfortable / Compact" switch: two toggle buttons in a segmented control. */
export function DensityToggle({ value, onChange }: { value: Density; onChange: (density: Density) => void }) {
  return (
    <div className="segmented density-toggle" role="group" aria-label="Density">
      {OPTIONS.map(({ value: option, label, Icon }) => (
        <button
          key={option}
          type="button"
          className="segmented__option density-toggle__option"
          aria-pressed={option === value}
          title={label}
          onClick={() => onChange(option)}
        >
          <Icon size={14} aria-hidden />
          <span className="density-toggle__label">{label}</span>
        </button>
      ))}
    </div>
  );
}
