/**
 * The preferences feature's public surface: its page, its query keys and cache writer for events, the chosen
 * language, and the delivery channels' names (catalog messages) the admin pages show too.
 */
export { useChosenLocale } from './api/getPreferences';
export { preferenceKeys } from './api/preferenceKeys';
export { PreferencesPage } from './components/PreferencesPage';
export { CHANNEL_ICONS, CHANNEL_NAMES } from './utils/labels';
export { writePreferences } from './utils/preferencesCache';
