import { z } from 'zod';

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your email address.').max(254, 'That email address is too long.').pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' })),
  // Length rules are checked when a password is set, not here: sign-in never hints at them.
  password: z.string().min(1, 'Enter your password.').max(256, 'That password is too long.'),
});

export type SignInInput = z.infer<typeof signInSchema>;
