import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config';

const transports = new Map<string, Transporter>();

/** One pooled SMTP transport per SMTP_URL for the process. */
export function getTransport(config: Config): Transporter | null {
  if (!config.smtpUrl) return null;
  let transport = transports.get(config.smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(config.smtpUrl, { from: config.mailFrom });
    transports.set(config.smtpUrl, transport);
  }
  return transport;
}

export function closeTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
