import type { InvitationDto, InvitationStatus } from '../../shared/schemas/account.js';
import type { Role } from '../../shared/types.js';

/** The columns an invitation DTO is built from (never `tokenId`: with the signing secret it makes a link). */
export interface InvitationRow {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: Date;
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  invitedBy: { id: string; name: string } | null;
}

/** The columns to select for presentInvitation. */
export const INVITATION_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  sentAt: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  invitedBy: { select: { id: true, name: true } },
} as const;

/** Where an invitation stands at `now`: accepted and revoked are final; otherwise pending until it expires. */
export function invitationStatus(row: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

/** Row → DTO for the admin users page. */
export function presentInvitation(row: InvitationRow, now = new Date()): InvitationDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    status: invitationStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    invitedBy: row.invitedBy,
  };
}
