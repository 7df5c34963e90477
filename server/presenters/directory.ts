import type { ApiKeyDto, CategoryDto, TopicDto, UserDto } from '../../shared/schemas/directory.js';
import type { EscalationStep } from '../../shared/schemas/preferences.js';
import type { ApiKeyScope, Channel, Role } from '../../shared/types.js';

/** User row → DTO (never the password hash). */
export function presentUser(user: {
  id: string;
  externalId: string | null;
  email: string;
  name: string;
  role: string;
  phone: string | null;
  slackUserId: string | null;
  teamsWebhookUrl: string | null;
  timezone: string;
  locale: string;
  createdAt: Date;
}): UserDto {
  return {
    id: user.id,
    externalId: user.externalId,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    phone: user.phone,
    slackUserId: user.slackUserId,
    teamsWebhookUrl: user.teamsWebhookUrl,
    timezone: user.timezone,
    locale: user.locale,
    createdAt: user.createdAt.toISOString(),
  };
}

/** API key row → DTO (never the secret or its hash). */
export function presentApiKey(key: {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy?: { name: string } | null;
}): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes.split(',').filter(Boolean) as ApiKeyScope[],
    createdAt: key.createdAt.toISOString(),
    createdBy: key.createdBy?.name ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

/** Category row → DTO (channels stored as a comma list). */
export function presentCategory(category: {
  key: string;
  label: string;
  description: string;
  critical: boolean;
  defaultChannels: string;
  escalation: string | null;
  icon: string | null;
  retentionDays: number | null;
}): CategoryDto {
  return {
    key: category.key,
    label: category.label,
    description: category.description,
    critical: category.critical,
    defaultChannels: category.defaultChannels.split(',').filter(Boolean) as Channel[],
    escalation: category.escalation ? (JSON.parse(category.escalation) as EscalationStep[]) : [],
    icon: category.icon,
    retentionDays: category.retentionDays,
  };
}

/** Topic row (with its subscriber count) → DTO. */
export function presentTopic(topic: { key: string; name: string; createdAt: Date; _count: { subscriptions: number } }): TopicDto {
  return { key: topic.key, name: topic.name, subscriberCount: topic._count.subscriptions, createdAt: topic.createdAt.toISOString() };
}
