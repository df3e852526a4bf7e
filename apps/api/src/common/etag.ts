import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

/** A weak ETag of a body, as Express (the `etag` package) made it: W/"<length in hex>-<sha1, base64, 27>". */
export function weakEtag(body: string | Buffer): string {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  const hash = createHash('sha1').update(buf).digest('base64').slice(0, 27);
  return `W/"${buf.length.toString(16)}-${hash}"`;
}

/** If-None-Match names the tag (weak comparison, `*`, or a list), and the client did not say no-cache. */
function fresh(req: FastifyRequest, tag: string): boolean {
  const given = req.headers['if-none-match'];
  if (!given || /(?:^|,)\s*no-cache\s*(?:,|$)/.test(req.headers['cache-control'] ?? '')) return false;
  if (given.trim() === '*') return true;
  const bare = tag.replace(/^W\//, '');
  return given.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * What Express did for every answer a route sent whole: a weak ETag, and 304 Not Modified when a
 * GET or HEAD names it in If-None-Match (calendar apps polling a feed). Only for GET and HEAD
 * answers with status 200 and a body in memory (the static files have their own ETags; a POST's
 * ETag was never used). Registered before compression, so the tag is of the uncompressed body.
 */
export function weakEtags(fastify: FastifyInstance): void {
  fastify.addHook(
    'onSend',
    (
      req: FastifyRequest,
      reply: FastifyReply,
      payload: unknown,
      done: (err: null, payload: unknown) => void,
    ) => {
      if (
        (req.method !== 'GET' && req.method !== 'HEAD') ||
        reply.statusCode !== 200 ||
        reply.hasHeader('etag') ||
        (typeof payload !== 'string' && !Buffer.isBuffer(payload))
      )
        return done(null, payload);
      const tag = weakEtag(payload);
      void reply.header('ETag', tag);
      if (!fresh(req, tag)) return done(null, payload);
      void reply.code(304);
      done(null, '');
    },
  );
}
