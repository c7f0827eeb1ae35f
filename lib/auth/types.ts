import type { Role } from '@/db/schema/enums';

/** Where a request came from; recorded in audit rows. */
export type RequestSource = { ip: string | null; requestId: string | null };

/** The signed-in person, resolved from the server-side session row on every request. */
export type Viewer = {
  userId: string;
  role: Role;
  clinicId: string;
  name: string;
  email: string;
  sessionId: string;
  source: RequestSource;
};
