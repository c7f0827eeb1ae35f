import 'server-only';
import { getEnv } from '@/lib/env';

export type MailMessage = { to: string; subject: string; body: string };
export type DeliveryResult = 'outbox' | 'sent' | 'failed';

type Transporter = { sendMail: (message: { from: string; to: string; subject: string; text: string }) => Promise<unknown> };
const holder = globalThis as unknown as { __limberMail?: Transporter };

async function smtpTransport(url: string): Promise<Transporter> {
  if (!holder.__limberMail) {
    // Loaded only when SMTP is configured, so development never needs the package at runtime.
    const nodemailer = await import('nodemailer');
    holder.__limberMail = nodemailer.createTransport(url);
  }
  return holder.__limberMail;
}

/**
 * Delivers one stored message. With LIMBER_MAIL=outbox (the default without SMTP_URL) the stored
 * row is the delivery: it is shown on /outbox and `consoleLine` (an address and a link, never
 * health data) is printed for the developer. With SMTP the message is sent; a failure is logged
 * by kind only (SMTP errors can quote the recipient).
 */
export async function deliverMessage(message: MailMessage, consoleLine: string): Promise<DeliveryResult> {
  const env = getEnv();
  if (env.LIMBER_MAIL === 'outbox' || !env.SMTP_URL) {
    console.info(`[mail] ${consoleLine}`);
    return 'outbox';
  }
  try {
    const transport = await smtpTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.body });
    return 'sent';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    console.error(`[mail] SMTP delivery failed: ${error instanceof Error ? error.name : 'unknown error'}${typeof code === 'string' ? ` ${code}` : ''}`);
    return 'failed';
  }
}

/**
 * The origin for links in emails: APP_URL when configured, else the origin of the request that
 * caused the email (a browser sends Origin on every form POST; Host is the fallback).
 */
export function appOriginFrom(headers: Headers): string {
  const configured = getEnv().APP_URL;
  if (configured) return configured;
  const origin = headers.get('origin');
  if (origin && /^https?:\/\/[^/\s]+$/.test(origin)) return origin;
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost:3000';
  const proto = headers.get('x-forwarded-proto') ?? (/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host) ? 'http' : 'https');
  return `${proto}://${host}`;
}
