'use client';
import { clearDeviceData, listPendingLogs } from '@/lib/offline/pending-logs';
import { getQueryClient } from '@/lib/query/client';

/**
 * Signs out (a form post to /api/sign-out, which revokes the session and answers with
 * Clear-Site-Data), after warning about sessions still waiting on this phone. Everything Limber
 * kept on the device (offline queue, cached data) is removed first as well, so nothing about the
 * patient stays behind even in a browser that ignores Clear-Site-Data.
 */
export function SignOutButton() {
  return (
    <form
      method="post"
      action="/api/sign-out"
      onSubmit={(event) => {
        const waiting = listPendingLogs().length;
        if (
          waiting > 0 &&
          !window.confirm(
            `${waiting} ${waiting === 1 ? 'session is' : 'sessions are'} saved on this phone but not sent yet (no connection). If you sign out now, ${waiting === 1 ? 'it' : 'they'} will be lost. Sign out anyway?`,
          )
        ) {
          event.preventDefault();
          return;
        }
        clearDeviceData();
        getQueryClient().clear();
      }}
    >
      <button type="submit" className="button button-quiet">
        Sign out
      </button>
    </form>
  );
}
