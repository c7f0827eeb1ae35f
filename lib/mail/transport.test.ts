// The SMTP path against a tiny in-process SMTP server: the message goes out with the configured
// sender, and a refused delivery answers 'failed' without throwing.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Received = { from: string; to: string[]; data: string };

function fakeSmtp(reject: boolean): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((socket) => {
    let current: Received = { from: '', to: [], data: '' };
    let inData = false;
    let buffer = '';
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            socket.write('250 queued\r\n');
          } else current.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake\r\n');
        else if (verb === 'MAIL') {
          current.from = line;
          socket.write(reject ? '550 no thanks\r\n' : '250 ok\r\n');
        } else if (verb === 'RCPT') {
          current.to.push(line);
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, received })));
}

describe('deliverMessage over SMTP', () => {
  let ok: Awaited<ReturnType<typeof fakeSmtp>>;
  let refusing: Awaited<ReturnType<typeof fakeSmtp>>;
  beforeAll(async () => {
    [ok, refusing] = await Promise.all([fakeSmtp(false), fakeSmtp(true)]);
  });
  afterAll(() => {
    ok.server.close();
    refusing.server.close();
  });

  async function freshTransport(port: number) {
    vi.resetModules();
    delete (globalThis as { __limberMail?: unknown }).__limberMail;
    vi.stubEnv('DATABASE_URL', 'postgres://x@127.0.0.1:5432/x');
    vi.stubEnv('AUTH_SECRET', 'k3J9xQm2VtR7pLw0ZbN5cYh8FsD1gUe4AiOo6rT_-Xq');
    vi.stubEnv('SMTP_URL', `smtp://127.0.0.1:${port}`);
    vi.stubEnv('MAIL_FROM', 'Limber <clinic@limber.test>');
    return import('./transport');
  }

  it('sends the message to the recipient from MAIL_FROM', async () => {
    const { deliverMessage } = await freshTransport(ok.port);
    const result = await deliverMessage({ to: 'pat@example.com', subject: 'Hello', body: 'Choose your password: http://x/invite/abc' }, 'invitation for pat@example.com');
    expect(result).toBe('sent');
    expect(ok.received).toHaveLength(1);
    expect(ok.received[0]?.from).toContain('clinic@limber.test');
    expect(ok.received[0]?.to.join()).toContain('pat@example.com');
    expect(ok.received[0]?.data).toContain('http://x/invite/abc');
  });

  it('answers failed (no throw, nothing but the error kind logged) when the server refuses', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { deliverMessage } = await freshTransport(refusing.port);
    expect(await deliverMessage({ to: 'pat@example.com', subject: 'Hello', body: 'x' }, 'line')).toBe('failed');
    expect(error.mock.calls.flat().join(' ')).not.toContain('pat@example.com');
  });
});
