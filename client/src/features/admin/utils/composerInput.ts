import type { IntlShape } from 'react-intl';
import type { UserDto } from '@shared/schemas/directory';
import { LIMITS, type CreateNotificationInput, type Recipient } from '@shared/schemas/notification';
import type { Priority } from '@shared/types';
import { checkActionUrl } from '@shared/urls';
import type { MessageId } from '../../../i18n/messageIds';
import { actionDraftsToInput, type ActionDraft } from './composerActions';
import { rootPath, type FieldErrors } from './fieldErrors';
import { iconUrlProblem } from './iconUrl';
import { toOffsetIso } from './schedule';

/** Who a composed notification goes to. */
export type RecipientMode = 'people' | 'topic' | 'everyone';

/** Everything the composer's form holds. */
export interface ComposerState {
  mode: RecipientMode;
  people: UserDto[];
  topic: string;
  category: string;
  priority: Priority;
  title: string;
  body: string;
  actionUrl: string;
  sendLater: boolean;
  /** `datetime-local` value, in the browser's zone. */
  sendAt: string;
  /** Optional JSON object for `{{data.x}}` variables. */
  data: string;
  /** Optional icon URL (an https: image or a path). */
  icon: string;
  /** 0–2 action buttons as typed. */
  actions: ActionDraft[];
}

/** Fields that can show an error. */
export type ComposerField =
  | 'to'
  | 'category'
  | 'priority'
  | 'title'
  | 'body'
  | 'actionUrl'
  | 'scheduledAt'
  | 'data'
  | 'icon'
  | 'actions';

const FIELDS = new Set<string>(['to', 'category', 'priority', 'title', 'body', 'actionUrl', 'scheduledAt', 'data', 'icon', 'actions']);

/** The form field that shows an API error's `path` (`to.0.email` → recipients). */
export function composerFieldOf(path: string): ComposerField | undefined {
  const root = rootPath(path);
  return FIELDS.has(root) ? (root as ComposerField) : undefined;
}

/** An empty composer. */
export const EMPTY_COMPOSER: ComposerState = {
  mode: 'people',
  people: [],
  topic: '',
  category: '',
  priority: 'normal',
  title: '',
  body: '',
  actionUrl: '',
  sendLater: false,
  sendAt: '',
  data: '',
  icon: '',
  actions: [],
};

/** The `to` of the current recipient choice; empty until something is picked. */
export function recipientsOf({ mode, people, topic }: Pick<ComposerState, 'mode' | 'people' | 'topic'>): Recipient[] {
  if (mode === 'everyone') return [{ all: true }];
  if (mode === 'topic') return topic ? [{ topic }] : [];
  return people.map((user) => ({ userId: user.id }));
}

/** The data JSON as an object, or null when empty or not an object. */
export function parseData(text: string): Record<string, unknown> | null {
  if (!text.trim()) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

type BuildResult = { input: CreateNotificationInput; errors?: undefined } | { input?: undefined; errors: FieldErrors<ComposerField> };

/**
 * Checks what the browser can check and builds the request body; the server still validates
 * everything (templates, unknown recipients, sizes) and its errors land on the same fields. The messages
 * are in the reader's language; a reason taken from a shared rule (action and icon URLs, buttons) stays in
 * the rule's words, as the server would answer it.
 */
export function buildComposerInput(intl: IntlShape, state: ComposerState, now = Date.now()): BuildResult {
  const message = (id: MessageId, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const errors: FieldErrors<ComposerField> = {};
  const to = recipientsOf(state);
  if (to.length === 0) errors.to = message(state.mode === 'topic' ? 'admin.compose.error.topicMissing' : 'admin.compose.error.peopleMissing');
  const title = state.title.trim();
  if (!title) errors.title = message('admin.compose.error.titleMissing');
  else if (title.length > LIMITS.titleMax) errors.title = message('admin.compose.error.titleTooLong', { max: LIMITS.titleMax });
  if (state.body.length > LIMITS.bodyMax) errors.body = message('admin.compose.error.bodyTooLong', { max: LIMITS.bodyMax });
  const actionUrl = state.actionUrl.trim();
  // The server's rule (shared/urls.ts), so the admin sees its reason before sending.
  const actionUrlVerdict = actionUrl ? checkActionUrl(actionUrl) : null;
  if (actionUrlVerdict && !actionUrlVerdict.ok) errors.actionUrl = message('admin.compose.error.actionUrl', { reason: actionUrlVerdict.message });
  let scheduledAt: string | undefined;
  if (state.sendLater) {
    scheduledAt = toOffsetIso(state.sendAt) ?? undefined;
    if (!scheduledAt) errors.scheduledAt = message('admin.compose.error.sendAtMissing');
    else if (Date.parse(scheduledAt) <= now) errors.scheduledAt = message('admin.compose.error.sendAtPast');
  }
  const data = parseData(state.data);
  if (state.data.trim() && !data) errors.data = message('admin.compose.error.data', { example: '{"orderId": 42}' });
  const icon = state.icon.trim();
  const iconProblem = iconUrlProblem(intl, icon);
  if (iconProblem) errors.icon = iconProblem;
  const actions = actionDraftsToInput(intl, state.actions);
  if ('error' in actions) errors.actions = actions.error;
  if (Object.keys(errors).length > 0 || 'error' in actions) return { errors };

  return {
    input: {
      to,
      title,
      body: state.body,
      category: state.category,
      priority: state.priority,
      ...(actionUrl ? { actionUrl } : {}),
      ...(data ? { data } : {}),
      ...(icon ? { icon } : {}),
      ...(actions.actions.length > 0 ? { actions: actions.actions } : {}),
      ...(scheduledAt ? { scheduledAt } : {}),
    },
  };
}
