import type { IntlShape } from 'react-intl';
import { ACTION_LABEL_MAX, notificationActionsSchema, type NotificationAction } from '@shared/schemas/actions';

/** One action button as the composer holds it; its id is made from its label. */
export interface ActionDraft {
  label: string;
  kind: NotificationAction['kind'];
  url: string;
  style: NotificationAction['style'];
}

/** A new button: the first is primary ("Approve"), the second secondary. */
export function newActionDraft(index: number): ActionDraft {
  return { label: '', kind: 'acknowledge', url: '', style: index === 0 ? 'primary' : 'secondary' };
}

/** `Approve order` → `approve-order`; a repeat gets `-2`. Never empty (`action-1`). */
function idsOf(labels: string[]): string[] {
  const used = new Set<string>();
  return labels.map((label, index) => {
    const base = label.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 28) || `action-${index + 1}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/**
 * The request's `actions` from the drafts, checked by the server's schema; or the first complaint as a
 * sentence for the "Actions" field, in the reader's language around the schema's own reason ("Button 2:
 * link: Must stay on this site.").
 */
export function actionDraftsToInput(intl: IntlShape, drafts: ActionDraft[]): { actions: NotificationAction[] } | { error: string } {
  const ids = idsOf(drafts.map((d) => d.label));
  for (const [index, draft] of drafts.entries()) {
    if (!draft.label.trim()) return { error: intl.formatMessage({ id: 'admin.compose.button.labelMissing' }, { n: index + 1 }) };
    if (draft.label.trim().length > ACTION_LABEL_MAX) {
      return { error: intl.formatMessage({ id: 'admin.compose.button.labelTooLong' }, { n: index + 1, max: ACTION_LABEL_MAX }) };
    }
  }
  const candidate = drafts.map((d, i) => ({
    id: ids[i]!,
    label: d.label.trim(),
    kind: d.kind,
    ...(d.kind === 'url' ? { url: d.url.trim() } : {}),
    style: d.style,
  }));
  const parsed = notificationActionsSchema.safeParse(candidate);
  if (parsed.success) return { actions: parsed.data };
  const issue = parsed.error.issues[0]!;
  const index = typeof issue.path[0] === 'number' ? issue.path[0] : 0;
  const id = issue.path[1] === 'url' ? 'admin.compose.button.linkInvalid' : 'admin.compose.button.invalid';
  return { error: intl.formatMessage({ id }, { n: index + 1, reason: issue.message }) };
}
