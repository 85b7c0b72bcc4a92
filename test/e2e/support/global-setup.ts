/** Jest global setup of the e2e workspace: one live gateway for the whole run (see live-gateway.ts). */
import { LIVE_GATEWAY_ENV, startLiveGateway } from './live-gateway';

export default async function globalSetup(): Promise<void> {
  const { info, running } = await startLiveGateway();
  process.env[LIVE_GATEWAY_ENV] = JSON.stringify(info);
  (globalThis as Record<string, unknown>).__jembatanE2eGateway = running;
  const keys = Object.keys(info.keys);
  process.stdout.write(
    `\n[e2e] gateway ready at ${info.url} in ${info.startMs} ms (fresh embedded PostgreSQL, seeded); ` +
      `API keys: ${keys.length ? keys.join(', ') : 'none (no access control in this gateway)'}\n`,
  );
}
