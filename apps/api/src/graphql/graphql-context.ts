import type { Locale } from '@yvc/core';
import type { Actor } from '@yvc/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Loaders } from './loaders';

export interface GqlRequest extends FastifyRequest {
  user?: Actor;
}

export interface GqlContext {
  req: GqlRequest;
  res: FastifyReply;
  locale: Locale;
  loaders: Loaders;
}
