/**
 * FlashNotify's React components for React host apps: the web app's own inbox components (bell, feed,
 * preferences) on a host's page, live for the host's signed-in user over user tokens. Build:
 * `node scripts/build.mjs react` → `dist/embed-react/flashnotify-react.js` (+ `.css`), with `react` and
 * `react-dom` left to the host's bundler (React Query and socket.io-client are inside).
 *
 * @example
 * import { FlashNotifyProvider, Bell, NotificationFeed } from 'flashnotify-react';
 * import 'flashnotify-react/flashnotify-react.css';
 *
 * <FlashNotifyProvider baseUrl="https://notify.example.com" tokenUrl="/flashnotify/token">
 *   <Bell />
 *   <NotificationFeed />
 * </FlashNotifyProvider>
 */
// The app's shared controls (buttons, chips, states) and page header; the build scopes them under `.fn-react`.
import '../../styles/base.css';
import '../../styles/layout.css';

export { Bell, Inbox, NotificationFeed, Preferences, type NotificationFeedProps } from './components';
export { FlashNotifyProvider, type FlashNotifyProviderProps } from './FlashNotifyProvider';
export { useInboxClient } from './context';
export type { InboxClient } from '../inboxClient';
// Last: the theme overrides the few fixed colours of the stylesheets above and of the components'.
import './theme.css';
