// HTTP load with autocannon (in this process): fixed concurrency, or a fixed overall rate for latency at a given load.
import autocannon from 'autocannon';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './stats';

export interface LoadOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** Requests per second over all connections; unlimited when absent. */
  overallRate?: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx responses, socket errors and timeouts. */
  failures: number;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: options.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: options.body,
        connections: options.connections,
        duration: options.seconds,
        ...(options.overallRate ? { overallRate: Math.max(1, Math.round(options.overallRate)) } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        const ok = result['2xx'];
        resolve({
          rps: ok / (result.duration || options.seconds),
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: ok,
          failures: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
  });
}

export interface PacedOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Requests per second, evenly spaced (open loop: a slow answer does not delay the next request). */
  rate: number;
  seconds: number;
}

/**
 * Latency at a steady rate. autocannon's `overallRate` releases each second's budget in bursts, which measures the
 * queueing of the burst rather than the latency at that load; this sends one request every 1/rate seconds over
 * keep-alive connections.
 */
export async function runPaced(options: PacedOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const payload = Buffer.from(options.body);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(payload.length),
    ...options.headers,
  };
  const latencies: number[] = [];
  let failures = 0;
  const send = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const request = http.request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) latencies.push(performance.now() - started);
            else failures += 1;
            resolve();
          });
        },
      );
      request.on('error', () => {
        failures += 1;
        resolve();
      });
      request.end(payload);
    });
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const inFlight: Promise<void>[] = [];
  const began = performance.now();
  for (let sent = 0; sent < total; sent++) {
    const due = began + sent * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send());
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - began) / 1000;
  agent.destroy();
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    failures,
  };
}
