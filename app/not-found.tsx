import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { AuthCard } from '@/lib/ui/auth-card';

export const metadata: Metadata = { title: 'Page not found' };

/**
 * One answer for "does not exist" and "not yours" (the DAL's denials end here too). Rendered per
 * request, like every page, so its scripts carry the response's CSP nonce.
 */
export default async function NotFound() {
  await connection();
  return (
    <AuthCard>
        <h1>Page not found</h1>
        <p className="muted">This page does not exist, or it is not one you can open. Check the address, or go back to your home page.</p>
        <p style={{ marginTop: '1rem' }}>
          <Link className="button" href="/">
            Go to my home page
          </Link>
        </p>
    </AuthCard>
  );
}
