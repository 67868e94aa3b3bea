import { execFileSync } from 'node:child_process';

/**
 * A small LAN of Linux network namespaces, made and removed by the test itself: one namespace holds a bridge, each
 * host namespace is wired to it by a veth pair created directly inside the namespaces (nothing is added to the
 * machine's own network), and gets an address of 10.231.0.0/24, which exists only inside them.
 */
export interface NetnsLan {
  /** The namespace of a host, for `ip netns exec`. */
  namespace(host: string): string;
  address(host: string): string;
  remove(): void;
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** Throws, saying why, where namespaces cannot be made (the namespace tests then fail; they are never skipped). */
export function assertNetnsAllowed(): void {
  const probe = `g18probe${process.pid}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Les tests entre postes ont besoin de « ip netns » (root, iproute2), refusé ici : ${why}`, {
      cause: error,
    });
  }
}

export function makeLan(hosts: Record<string, number>): NetnsLan {
  const tag = String(process.pid % 100_000);
  const lan = `g18lan${tag}`;
  const made: string[] = [];
  const name = (host: string) => `g18${host}${tag}`;
  const remove = () => {
    for (const ns of made.splice(0).reverse()) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // Already gone.
      }
    }
  };
  try {
    ip('netns', 'add', lan);
    made.push(lan);
    ip('-n', lan, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', lan, 'link', 'set', 'br0', 'up');
    let port = 0;
    for (const [host, last] of Object.entries(hosts)) {
      const ns = name(host);
      ip('netns', 'add', ns);
      made.push(ns);
      const peer = `p${port++}`;
      ip('link', 'add', 'eth0', 'netns', ns, 'type', 'veth', 'peer', 'name', peer, 'netns', lan);
      ip('-n', lan, 'link', 'set', peer, 'master', 'br0');
      ip('-n', lan, 'link', 'set', peer, 'up');
      ip('-n', ns, 'addr', 'add', `10.231.0.${last}/24`, 'dev', 'eth0');
      ip('-n', ns, 'link', 'set', 'eth0', 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
    }
  } catch (error) {
    remove();
    throw error;
  }
  return {
    namespace: name,
    address: (host) => `10.231.0.${hosts[host] ?? '?'}`,
    remove,
  };
}
