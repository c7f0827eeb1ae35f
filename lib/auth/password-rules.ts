/** Length limits for a new password (design: 12–128 characters). Plain constants, safe for client bundles. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
