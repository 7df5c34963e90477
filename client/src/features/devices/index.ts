/** The devices feature's public surface: the Web Push devices page. */
export { DevicesPage } from './components/DevicesPage';
