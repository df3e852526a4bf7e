declare module 'pg-copy-streams' {
  import type { Submittable } from 'pg';
  import type { Readable } from 'node:stream';

  /** `COPY ... TO STDOUT`: a readable stream of the raw COPY data, submitted with client.query(). */
  export function to(text: string): Readable & Submittable;
}
