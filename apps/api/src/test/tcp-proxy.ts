import net from "node:net";

/** One client connection through the proxy: the two sockets, and what a pause holds back from each. */
type Link = {
  client: net.Socket;
  upstream: net.Socket;
  held: Map<net.Socket, Buffer[]>;
  ended: Set<net.Socket>;
  /** Holds what the server sends on this connection (data and its closing), whatever the pause. */
  holdFromServer: boolean;
};

/**
 * A loopback TCP proxy that a test can cut and restore, to play a database outage; or pause and
 * resume, to play a partition or a server that stopped answering: the connections stay open,
 * nothing passes either way, and what was sent meanwhile (data, and a side closing) is held and
 * delivered on resume, as a healed network would deliver what it had in flight.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const links = new Set<Link>();
  let server: net.Server | undefined;
  let port = 0;
  let paused = false;
  let heldTowardServer = 0;

  const forward = (link: Link, from: net.Socket, to: net.Socket) => {
    const holding = () => paused || (from === link.upstream && link.holdFromServer);
    from.on("data", (chunk: Buffer) => {
      if (!holding()) {
        to.write(chunk);
        return;
      }
      link.held.get(from)!.push(chunk);
      if (from === link.client) heldTowardServer += chunk.length;
    });
    from.on("end", () => {
      if (holding()) link.ended.add(from);
      else to.end();
    });
    // A reset (or any error) on one side: while paused it waits with the rest, else it passes on.
    from.on("error", () => {
      if (holding()) link.ended.add(from);
      else to.destroy();
    });
    from.on("close", () => {
      if (holding()) link.ended.add(from);
      else to.destroy();
    });
  };

  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        const link: Link = {
          client,
          upstream,
          held: new Map([
            [client, []],
            [upstream, []],
          ]),
          ended: new Set(),
          holdFromServer: false,
        };
        links.add(link);
        upstream.on("close", () => links.delete(link));
        forward(link, client, upstream);
        forward(link, upstream, client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    /** Refuse new connections and drop the open ones. */
    cut: () =>
      new Promise<void>((resolve) => {
        for (const { client, upstream } of links) {
          client.destroy();
          upstream.destroy();
        }
        server!.close(() => resolve());
      }),
    restore: listen,
    /** Nothing passes any more, either way; connections (old and new) stay open and what is sent is held. */
    pause: () => {
      paused = true;
    },
    /** Delivers what was held, in order, then whatever closing was held; and passes everything again. */
    resume: () => {
      paused = false;
      for (const link of links) {
        for (const [from, chunks] of link.held) {
          const to = from === link.client ? link.upstream : link.client;
          for (const chunk of chunks.splice(0)) if (!to.destroyed) to.write(chunk);
        }
        for (const from of link.ended) {
          const to = from === link.client ? link.upstream : link.client;
          // Data first, then the close: end() lets what was written drain.
          to.end();
        }
        link.ended.clear();
      }
    },
    /**
     * On the connections open now, what the server sends (an error, its closing) is held for good:
     * the client side learns nothing of what the server does with them. New connections pass.
     */
    holdFromServerOnOpenConnections: () => {
      for (const link of links) link.holdFromServer = true;
    },
    /** Bytes the client side (the app) sent toward the server during pauses so far. */
    heldTowardServer: () => heldTowardServer,
  };
}
