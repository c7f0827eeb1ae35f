import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { listOutbox } from '@/lib/dal/invitations';
import { getEnv } from '@/lib/env';
import { describeRelative } from '@/lib/ui/account-status';

export const metadata: Metadata = { title: 'Outbox', referrer: 'no-referrer' };

/** Links in a message body become clickable; everything else stays plain text (never HTML). */
function Body({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <p className="outbox-body">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} rel="noreferrer" data-testid="outbox-link">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}

export default async function OutboxPage() {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const messages = await listOutbox(viewer);
  if (!messages) notFound();
  const isOutboxMode = getEnv().LIMBER_MAIL === 'outbox';
  return (
    <div className="stack">
      <div>
        <h1>Outbox</h1>
        <p className="muted">
          {isOutboxMode
            ? 'No mail server is set up, so emails are kept here instead of being sent. Copy a link and pass it on to the person it is for.'
            : 'Emails sent from Limber. Links are not kept once an email has gone out.'}{' '}
          {viewer.role === 'admin' ? 'Showing the whole clinic, newest first.' : 'Showing the emails you caused, newest first.'}
        </p>
      </div>
      {messages.length === 0 ? (
        <div className="card empty-state">
          <h2>No emails yet</h2>
          <p className="muted">Invitations you send will appear here.</p>
        </div>
      ) : (
        <ul className="outbox-list" data-testid="outbox">
          {messages.map((m) => (
            <li key={m.id} className="card" data-testid="outbox-message">
              <div className="page-header" style={{ marginBottom: 0 }}>
                <h2 style={{ fontSize: '1rem', margin: 0 }}>{m.subject}</h2>
                <span className="muted small">
                  <time dateTime={m.createdAt}>{describeRelative(m.createdAt)}</time> ·{' '}
                  {m.sentAt ? <span className="badge badge-active">Sent</span> : m.failedAt ? <span className="badge badge-danger">Not sent</span> : <span className="badge">Not sent: kept here</span>}
                </span>
              </div>
              <p className="small" style={{ margin: '0.25rem 0 0' }}>
                To: <span data-testid="outbox-to">{m.to}</span>
              </p>
              <Body text={m.body} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
