import type { IntlShape } from 'react-intl';
import { iconSchema } from '@shared/schemas/actions';
import { sentence } from './format';

/**
 * What is wrong with an icon URL as typed (the server's rule, so the admin sees its reason before saving),
 * or undefined when it is empty or fine. The reason is the rule's own words, as the server would answer.
 *
 * @example
 * iconUrlProblem(intl, 'http://cdn.example/a.png'); // 'Must be an https: URL or a path starting with "/".'
 */
export function iconUrlProblem(intl: IntlShape, value: string): string | undefined {
  const icon = value.trim();
  if (!icon) return undefined;
  const check = iconSchema.safeParse(icon);
  if (check.success) return undefined;
  const reason = check.error.issues[0]?.message;
  return reason ? sentence(reason) : intl.formatMessage({ id: 'admin.form.iconInvalid' });
}
