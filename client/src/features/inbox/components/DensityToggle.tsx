import { Rows2, Rows4 } from 'lucide-react';
import { useIntl } from 'react-intl';

/** How tall the inbox rows are: comfortable (title, body, chips on their own lines) or compact (one line). */
export type Density = 'comfortable' | 'compact';

/** The densities, for the stored choice. */
export const DENSITIES: readonly Density[] = ['comfortable', 'compact'];

const OPTIONS = [
  { value: 'comfortable', labelId: 'inbox.density.comfortable', Icon: Rows2 },
  { value: 'compact', labelId: 'inbox.density.compact', Icon: Rows4 },
] as const;

/** The inbox toolbar's "Comfortable / Compact" switch: two toggle buttons in a segmented control. */
export function DensityToggle({ value, onChange }: { value: Density; onChange: (density: Density) => void }) {
  const intl = useIntl();
  return (
    <div className="segmented density-toggle" role="group" aria-label={intl.formatMessage({ id: 'inbox.density.label' })}>
      {OPTIONS.map(({ value: option, labelId, Icon }) => {
        const label = intl.formatMessage({ id: labelId });
        return (
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
        );
      })}
    </div>
  );
}
