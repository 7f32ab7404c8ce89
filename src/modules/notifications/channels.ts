import nodemailer, { type Transporter } from 'nodemailer';

/** A way to reach a person outside the app. SMS and WeChat implement the same interface later. */
export interface Channel {
  readonly name: string;
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** Development channel: prints the message (one-time codes appear in the server log). */
export class ConsoleChannel implements Channel {
  readonly name = 'console';
  readonly sent: { to: string; subject: string; text: string }[] = [];
  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 100) this.sent.shift();
    console.log(`[notify:console] to ${message.to}: ${message.subject} — ${message.text}`);
  }
}

export class SmtpChannel implements Channel {
  readonly name = 'email';
  private readonly transport: Transporter;
  private readonly from: string;
  constructor(url: string, from: string) {
    this.transport = nodemailer.createTransport(url);
    this.from = from;
  }
  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
  }
}
