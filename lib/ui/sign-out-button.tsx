'use client';
import { clearDeviceData, listPendingLogs } from '@/lib/offline/pending-logs';
import { getQueryClient } from '@/lib/query/client';

/**
 * Signs out, after warning about sessions still waiting on this phone. Everything Limber kept on
 * the device (offline queue, cached data) is removed, so nothing about the patient stays behind.
 */
export function SignOutButton({ action }: { action: () => Promise<void> }) {
  return (
    <form
      action={action}
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
