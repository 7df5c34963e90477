/**
 * The preferences page as one lazily loaded entry (`lazy(() => import('../../features/preferences/PreferencesPanel'))`,
 * the embedded `<Preferences/>`): kept out of `index.ts`, whose static import would pull the preference
 * forms and the zod schemas they validate with into the main chunk of the React components.
 */
export { PreferencesPage as default } from './components/PreferencesPage';
