/** The preferences feature's public surface: its page, its query keys and cache writer for events, the chosen language. */
export { useChosenLocale } from './api/getPreferences';
export { preferenceKeys } from './api/preferenceKeys';
export { PreferencesPage } from './components/PreferencesPage';
export { writePreferences } from './utils/preferencesCache';
