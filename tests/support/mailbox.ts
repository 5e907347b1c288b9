import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  raw: string;
}

/**
 * A real SMTP server on a free local port that keeps what it receives. It can be told to
 * refuse the next messages with a temporary failure, as a busy mail server would.
 */
export class Mailbox {
  readonly messages: ReceivedMail[] = [];
  refusals = 0;
  private refuseNext = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (this.refuseNext > 0) {
          this.refuseNext -= 1;
          this.refusals += 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        this.messages.push({
          to: session.envelope.rcptTo.map((address) => address.address),
          subject: /^Subject: (.*)$/m.exec(raw)?.[1] ?? '',
          raw,
        });
        callback();
      });
    },
  });

  /** Starts listening and returns the SMTP URL to configure. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.server.address();
    if (!address || typeof address === 'string') throw new Error('SMTP server has no port');
    return `smtp://127.0.0.1:${address.port}`;
  }

  /** Refuses the next `count` messages with 451. */
  refuse(count: number): void {
    this.refuseNext = count;
  }

  /** The messages sent to `email`. */
  to(email: string): ReceivedMail[] {
    return this.messages.filter((message) => message.to.includes(email));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
