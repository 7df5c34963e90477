import { useEffect } from 'react';
import clsx from 'clsx';
import { Monitor, Moon, Sun } from 'lucide-react';
import { useStoredChoice } from '../../hooks/useStoredChoice';
import { applyThemePreference, THEME_PREFERENCES, THEME_STORAGE_KEY, type ThemePreference } from './themePreference';
import './theme.css';

const OPTIONS: Record<ThemePreference, { label: string; Icon: typeof Sun }> = {
  system: { label: 'System theme', Icon: Monitor },
  light: { label: 'Light theme', Icon: Sun },
  dark: { label: 'Dark theme', Icon: Moon },
};

/**
 * System / Light / Dark: three toggle buttons in the header. The pick is remembered in this browser and
 * applied at once (and before the first paint next time, by public/theme-init.js).
 */
export function ThemeSwitch() {
  const [preference, setPreference] = useStoredChoice(THEME_STORAGE_KEY, THEME_PREFERENCES, 'system');
  useEffect(() => applyThemePreference(preference), [preference]);
  return (
    <div className="theme-switch" role="group" aria-label="Theme">
      {THEME_PREFERENCES.map((option) => {
        const { label, Icon } = OPTIONS[option];
        return (
          <button
            key={option}
            type="button"
            className={clsx('theme-switch__option', option === preference && 'theme-switch__option--selected')}
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
