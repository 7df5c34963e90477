/** The preferences feature's public surface: its page, and its query keys and cache writer for events. */
export { preferenceKeys } from './api/preferenceKeys';
export { PreferencesPage } from './components/PreferencesPage';
export { writePreferences } from './utils/preferencesCache';
