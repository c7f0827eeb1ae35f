import type { ReactNode } from 'react';

/** The centred card with the brand used by the signed-out pages (sign-in, invitation, not found). */
export function AuthCard({ children }: { children: ReactNode }) {
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <p className="brand" aria-hidden="true">
          Limber
        </p>
        {children}
      </div>
    </main>
  );
}
