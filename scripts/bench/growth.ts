// The reference server's growth: query latency with 10, 10 000 and 100 000 stored organizations, for a page
// (limit), a page deep in the table (start), a count, and a condition, so its cost per stored row shows.
import { startServerProcess } from './server-process.ts';
import { sequentialLatency } from './raw-http.ts';
import { sha512Hex } from '../../src/client/zstack-client.ts';

export interface GrowthRow {
  organizations: number;
  startMs: number;
  query: string;
  medianMs: number;
  p90Ms: number;
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/zstack/v1/accounts/login`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ logInByAccount: { accountName: 'admin', password: sha512Hex('password') } }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { inventory?: { uuid?: string } };
  if (!body.inventory?.uuid) throw new Error(`login to the seeded server failed: HTTP ${res.status}`);
  return body.inventory.uuid;
}

export async function measureGrowth(sizes: number[], n: number): Promise<GrowthRow[]> {
  const path = '/zstack/v1/iam2/organizations';
  const rows: GrowthRow[] = [];
  for (const size of sizes) {
    const server = await startServerProcess({ ZSTACK_REF_ORGANIZATIONS: String(size) }, 180_000);
    try {
      const headers = { Authorization: `OAuth ${await login(server.url)}` };
      const queries: Record<string, string> = {
        'limit=10': `${path}?limit=10`,
        [`start=${Math.floor(size / 2)}&limit=10`]: `${path}?start=${Math.floor(size / 2)}&limit=10`,
        'count=true': `${path}?count=true`,
        'q=name=<one>&limit=10': `${path}?q=${encodeURIComponent(`name=seeded-org-${Math.max(1, Math.floor(size / 3))}`)}&limit=10`,
      };
      for (const [query, p] of Object.entries(queries)) {
        const lat = await sequentialLatency(server.url + p, headers, n);
        rows.push({ organizations: size, startMs: server.startMs, query, medianMs: lat.medianMs, p90Ms: lat.p90Ms });
      }
    } finally {
      await server.close();
    }
  }
  return rows;
}
