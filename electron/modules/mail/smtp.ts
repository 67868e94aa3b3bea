import nodemailer from 'nodemailer';
import type { SmtpSettings } from './settings';
import type { Attachment } from './compose';

export interface OutgoingMail {
  /** Stable per message: a receiver can tell a resend after a crash from a new message. */
  messageId: string;
  to: string;
  subject: string;
  body: string;
  attachments: Attachment[];
}

export interface SmtpResult {
  response: string;
  messageId: string;
}

/** What went wrong, in the server's words when it answered. */
export interface SmtpFailure {
  message: string;
  /** The server answered (a 4xx or 5xx reply), as opposed to no network, no server, a TLS or login problem. */
  answered: boolean;
  /** Sending the same message again will not help (a 5xx reply: unknown mailbox, refused sender…). */
  permanent: boolean;
}

interface NodemailerError extends Error {
  code?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
}

const CONNECTION_HINTS: Record<string, string> = {
  ECONNECTION: 'connexion au serveur impossible',
  ETIMEDOUT: 'le serveur ne répond pas (délai dépassé)',
  ESOCKET: 'connexion au serveur impossible',
  EDNS: 'serveur introuvable (pas de réseau, ou nom de serveur erroné)',
  ETLS: 'échec du chiffrement TLS',
  EAUTH: 'identifiant ou mot de passe SMTP refusé',
  ENOAUTH: 'identifiant SMTP manquant',
};

export function describeFailure(error: unknown): SmtpFailure {
  const e = error as NodemailerError;
  if (typeof e.responseCode === 'number' && e.code !== 'EAUTH') {
    const permanent = e.permanent ?? (e.responseCode >= 500 && e.responseCode !== 503);
    return { message: e.response ?? e.message, answered: true, permanent };
  }
  const hint = e.code ? CONNECTION_HINTS[e.code] : undefined;
  const detail = e.response ?? e.message;
  // A refused login will not get better by itself, but it is fixed in the settings, then the queue goes out.
  return { message: hint ? `${hint} : ${detail}` : detail, answered: false, permanent: false };
}

function transportOptions(s: SmtpSettings) {
  return {
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    auth: s.user ? { user: s.user, pass: s.password } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    // Attachments are buffers made here: never let a message read a file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** One SMTP session for a batch of messages; `send` throws what `describeFailure` explains. */
export function openSmtp(settings: SmtpSettings) {
  const transport = nodemailer.createTransport(transportOptions(settings));
  const from = settings.fromName ? { name: settings.fromName, address: settings.fromAddress } : settings.fromAddress;
  return {
    async send(mail: OutgoingMail): Promise<SmtpResult> {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.body,
        messageId: mail.messageId,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: 'application/pdf',
        })),
      });
      return { response: info.response, messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

export function messageIdFor(id: number, createdAt: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'guichet.local';
  return `<guichet.${id}.${Date.parse(createdAt)}@${domain}>`;
}
