import { useEffect } from 'react';
import { useIntl } from 'react-intl';
import { Monitor, Moon, Sun } from 'lucide-react';
import { useStoredChoice } from '../../hooks/useStoredChoice';
import { applyThemePreference, THEME_PREFERENCES, THEME_STORAGE_KEY, type ThemePreference } from './themePreference';
import './theme.css';

const OPTIONS = {
  system: { labelId: 'theme.system', Icon: Monitor },
  light: { labelId: 'theme.light', Icon: Sun },
  dark: { labelId: 'theme.dark', Icon: Moon },
} as const satisfies Record<ThemePreference, unknown>;

/**
 * System / Light / Dark: three toggle buttons in the header. The pick is remembered in this browser and
 * applied at once (and before the first paint next time, by public/theme-init.js).
 */
export function ThemeSwitch() {
  const intl = useIntl();
  const [preference, setPreference] = useStoredChoice(THEME_STORAGE_KEY, THEME_PREFERENCES, 'system');
  useEffect(() => applyThemePreference(preference), [preference]);
  return (
    <div className="theme-switch" role="group" aria-label={intl.formatMessage({ id: 'theme.label' })}>
      {THEME_PREFERENCES.map((option) => {
        const { labelId, Icon } = OPTIONS[option];
        const label = intl.formatMessage({ id: labelId });
        return (
          <button
            key={option}
            type="button"
            className="icon-btn icon-btn--segment"
            aria-label={label}
            title={label}
            aria-pressed={option === preference}
            onClick={() => setPreference(option)}
          >
            <Icon size={15} aria-hidden />
          </button>
        );
      })}
    </div>
  );
}
