/** The devices feature's public surface: the Web Push devices page, and how a User-Agent is named. */
export { DevicesPage } from './components/DevicesPage';
export { describeUserAgent } from './utils/describeUserAgent';
