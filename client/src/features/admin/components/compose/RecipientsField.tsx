import type { UserDto } from '@shared/schemas/directory';
import { isApiError } from '../../../../lib/api';
import { useTopics } from '../../api/getTopics';
import type { RecipientMode } from '../../utils/composerInput';
import { formatPeople } from '../../utils/format';
import { FieldError } from '../common/FieldError';
import { SelectControl } from '../common/SelectControl';
import { UserPicker } from '../common/UserPicker';
import { RecipientModeSwitch } from './RecipientModeSwitch';

interface RecipientsFieldProps {
  mode: RecipientMode;
  people: UserDto[];
  topic: string;
  onModeChange: (mode: RecipientMode) => void;
  onPeopleChange: (people: UserDto[]) => void;
  onTopicChange: (topic: string) => void;
  /** From the browser's checks, the send, or the recipient preview. */
  error: string | undefined;
}

/** Who receives the notification: picked people, a topic's subscribers, or everyone. */
export function RecipientsField(props: RecipientsFieldProps) {
  const { mode, people, topic, onModeChange, onPeopleChange, onTopicChange, error } = props;
  return (
    <div className="field">
      <span id="compose-to-label" className="field__label">
        Recipients
      </span>
      <RecipientModeSwitch value={mode} onChange={onModeChange} labelledBy="compose-to-label" />
      <div className="recipients__panel">
        {mode === 'people' && (
          <>
            <label htmlFor="compose-people" className="sr-only">
              Search people
            </label>
            <UserPicker
              inputId="compose-people"
              selected={people}
              onChange={onPeopleChange}
              describedBy={error ? 'compose-to-error' : undefined}
              invalid={Boolean(error)}
            />
          </>
        )}
        {mode === 'topic' && <TopicSelect value={topic} onChange={onTopicChange} invalid={Boolean(error)} />}
        {mode === 'everyone' && (
          <p className="recipients__everyone">Every user in FlashNotify receives this notification.</p>
        )}
      </div>
      <FieldError id="compose-to" message={error} />
    </div>
  );
}

function TopicSelect({ value, onChange, invalid }: { value: string; onChange: (topic: string) => void; invalid: boolean }) {
  const topics = useTopics();
  const items = topics.data ?? [];
  const chosen = items.find((item) => item.key === value);
  const loadError = topics.isError ? topicsErrorText(topics.error) : null;
  return (
    <div className="field field--inline">
      <label htmlFor="compose-topic">Topic</label>
      <SelectControl
        id="compose-topic"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'compose-to-error compose-topic-hint' : 'compose-topic-hint'}
        disabled={topics.isPending}
      >
        <option value="">{topics.isPending ? 'Loading topics…' : 'Choose a topic'}</option>
        {items.map((item) => (
          <option key={item.key} value={item.key}>
            {item.name}
          </option>
        ))}
      </SelectControl>
      <p id="compose-topic-hint" className="field__hint">
        {loadError ??
          (chosen
            ? `${chosen.key} · ${formatPeople(chosen.subscriberCount)} subscribed`
            : items.length === 0 && topics.isSuccess
              ? 'No topics yet — create one on the Topics page.'
              : 'Subscribers of the topic receive it.')}
      </p>
    </div>
  );
}

function topicsErrorText(error: unknown): string {
  return isApiError(error) ? `Couldn’t load topics: ${error.message}` : 'Couldn’t load topics.';
}
