import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { topicKeySchema } from '@shared/schemas/notification';
import { useCreateTopic } from '../../api/createTopic';
import { useSubmitGuard } from '../../../../hooks/useSubmitGuard';
import { useFormErrors } from '../../hooks/useFormErrors';
import { CreateButton } from '../common/CreateButton';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';

const FIELDS = ['key', 'name'] as const;
type Field = (typeof FIELDS)[number];

/** A slug from a name: "Release notes" → "release-notes". */
function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w\s.-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64);
}

/** "New topic": a name and a key (suggested from the name); opens the new topic afterwards. */
export function CreateTopicForm() {
  const intl = useIntl();
  const create = useCreateTopic();
  // One request per click: a double click must not create two (or fail the second as a duplicate).
  const guard = useSubmitGuard();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  // 409 topic_exists may come without a path; it is about the key either way.
  const form = useFormErrors(create, FIELDS, { conflictField: 'key' });
  const { errors } = form;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!name.trim()) next.name = intl.formatMessage({ id: 'admin.topics.create.nameMissing' });
    if (!topicKeySchema.safeParse(key).success) next.key = intl.formatMessage({ id: 'admin.topics.create.keyInvalid' });
    if (!form.check(next)) return;
    if (!guard.begin()) return;
    create.mutate(
      { key, name: name.trim() },
      {
        onSettled: guard.end,
        onSuccess: (topic) => {
          setName('');
          setKey('');
          setKeyEdited(false);
          void navigate(`?topic=${encodeURIComponent(topic.key)}`, { preventScrollReset: true });
        },
      },
    );
  };
  const touched = () => form.clear();

  return (
    <form className="card split__side" onSubmit={submit} noValidate aria-labelledby="create-topic-title">
      <h2 id="create-topic-title" className="card__title">
        <FormattedMessage id="admin.topics.create.title" />
      </h2>
      <FormField id="topic-name" label={intl.formatMessage({ id: 'admin.col.name' })} error={errors.name}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={100}
            placeholder={intl.formatMessage({ id: 'admin.topics.create.namePlaceholder' })}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (!keyEdited) setKey(slugify(event.target.value));
              touched();
            }}
          />
        )}
      </FormField>
      <FormField
        id="topic-key"
        label={intl.formatMessage({ id: 'admin.apiKeys.col.key' })}
        error={errors.key}
        hint={
          <FormattedMessage id="admin.topics.create.keyHint" values={{ example: <code>{`{ "topic": "${key || 'release-notes'}" }`}</code> }} />
        }
      >
        {(control) => (
          <input
            {...control}
            type="text"
            className="mono"
            maxLength={64}
            placeholder="release-notes"
            value={key}
            onChange={(event) => {
              setKey(event.target.value.toLowerCase());
              setKeyEdited(true);
              touched();
            }}
          />
        )}
      </FormField>
      <FormError error={create.error} placed={form.placed} />
      <CreateButton label={intl.formatMessage({ id: 'admin.topics.create.submit' })} pending={create.isPending} />
    </form>
  );
}
