import { Writable } from 'node:stream';

/** A log destination that keeps the JSON lines written to it, parsed. */
export function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()));
      callback();
    },
  });
  return { lines, stream };
}
