/** The theme feature's public surface: the header's System / Light / Dark switch. */
export { ThemeSwitch } from './ThemeSwitch';
