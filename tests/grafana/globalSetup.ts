/**
 * Fails fast with a clear message when GRAFANA_URL does not answer, instead of every spec timing out; waits up to
 * GRAFANA_WAIT_SECONDS (default 60) for /api/health to report a working database.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.GRAFANA_URL!.replace(/\/$/, '');
  const deadline = Date.now() + Number(process.env.GRAFANA_WAIT_SECONDS ?? 60) * 1000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      const body = (await res.json()) as { database?: string; version?: string };
      if (res.ok && body.database === 'ok') {
        console.log(`Grafana ${body.version ?? '?'} at ${url}`);
        return;
      }
      last = `HTTP ${res.status} ${JSON.stringify(body)}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`Grafana at ${url} is not reachable (${last}). Is docker compose up?`);
}
