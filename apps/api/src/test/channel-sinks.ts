import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

// Real local servers for the channels' tests: what a 企业微信 or 钉钉 robot and an SMTP server would
// receive, over real sockets on ports the system picks (port 0). No mocks.

type ReceivedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: unknown };
type Answer = { status: number; body?: unknown; delayMs?: number };

/**
 * An HTTP server standing in for a group robot's webhook: records each request (its JSON body
 * parsed) and answers as `answer` says for the n-th request (by default 200 `{"errcode":0}`).
 */
export async function startWebhookReceiver() {
  const requests: ReceivedRequest[] = [];
  let answer: (n: number) => Answer = () => ({ status: 200, body: { errcode: 0, errmsg: "ok" } });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const { status, body: reply, delayMs } = answer(requests.length);
      const send = () => {
        // A caller that gave up (timed out) has gone: nothing to answer.
        if (req.socket.destroyed) return;
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(reply ?? {}));
      };
      if (delayMs) setTimeout(send, delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** An address of this receiver, e.g. `/cgi-bin/webhook/send?key=…`. */
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    requests,
    /** How to answer from now on: by the request's number (1 for the first this receiver got). */
    answerWith(next: (n: number) => Answer) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

type ReceivedMail = { mail: ParsedMail; from: string; to: string[]; user: string | null };

/**
 * An SMTP server (smtp-server) that keeps every message it is given, parsed (mailparser): with
 * `credentials` it refuses anyone who does not sign in with them (535), else it takes mail
 * without. Plain text only (no STARTTLS), as a relay on an intranet may be.
 */
export async function startSmtpSink(credentials?: { user: string; password: string }) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: credentials ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !credentials,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (credentials && auth.username === credentials.user && auth.password === credentials.password)
        callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const from = session.envelope.mailFrom;
          received.push({
            mail,
            from: from ? from.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === "string" ? session.user : null,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
