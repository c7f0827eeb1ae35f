import type { AccountStatus } from '@/lib/dal/invitations';

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  active: 'Active',
  pending: 'Invitation pending',
  expired: 'Invitation expired',
  revoked: 'Invitation revoked',
  none: 'Not invited',
};

const BADGE_CLASS: Record<AccountStatus, string> = {
  active: 'badge badge-active',
  pending: 'badge badge-paused',
  expired: 'badge badge-danger',
  revoked: 'badge',
  none: 'badge',
};

export function AccountStatusBadge({ status, disabled = false }: { status: AccountStatus; disabled?: boolean }) {
  if (disabled) return <span className="badge badge-danger">Disabled</span>;
  return <span className={BADGE_CLASS[status]}>{ACCOUNT_STATUS_LABELS[status]}</span>;
}

/** "in 6 days", "in 5 hours", "3 days ago": coarse on purpose, and free of any time zone. */
export function describeRelative(iso: string, now: number = Date.now()): string {
  const ms = Date.parse(iso) - now;
  const abs = Math.abs(ms);
  const [value, unit] = abs >= 86_400_000 ? [Math.round(abs / 86_400_000), 'day'] : abs >= 3_600_000 ? [Math.round(abs / 3_600_000), 'hour'] : [Math.max(1, Math.round(abs / 60_000)), 'minute'];
  const phrase = `${value} ${unit}${value === 1 ? '' : 's'}`;
  return ms >= 0 ? `in ${phrase}` : `${phrase} ago`;
}
